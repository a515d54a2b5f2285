/**
 * The ACD core (issue 3): agents, queues and the decisions that connect callers to agents, free of
 * SIP and RTP so every decision is a deterministic function of reports and the injected clock.
 *
 * <pre>
 *   front (SIP / FastAGI) --reports--> AcdEngine --AcdActions--> front (offer, CANCEL, connect, R7, R9)
 *                                          |  \--AcdEventListener--> the one call-event listener
 *                  AgentDesk (status requests, rules R16-R18)   Dispatcher (callers, offers, R1, R7, R9)
 *                  AgentBoard (Agent: status + state tables)    WaitingRoom, routing.RoutingStrategy
 * </pre>
 *
 * <p>Threading: everything here is confined to the ACD's one serial executor; fronts post their
 * reports to it and the engine's outputs must not block it. Only {@link org.hotline.acd.AgentInfo},
 * the events, the policies and the routing snapshots (immutable records) may cross threads.
 *
 * <p>Vocabulary from FreeSWITCH mod_callcenter: an agent's <em>status</em> is declared by the agent
 * ({@link org.hotline.acd.AgentStatus}); its <em>state</em> is set by the system
 * ({@link org.hotline.acd.AgentState}).
 */
package org.hotline.acd;

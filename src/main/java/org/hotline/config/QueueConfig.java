package org.hotline.config;

/**
 * An agent queue a menu leaf can name ({@code queues:} entries). The ACD issue adds strategy,
 * priority and limits.
 *
 * @param name        unique; what {@link MenuOption#queue()} and {@code ivr.agentQueue} refer to
 * @param description for operators and reports; optional
 */
public record QueueConfig(String name, String description) {
}

package org.hotline.config;

/**
 * The HTTP API ({@code http:}): agents and queues, call records, the event log, QA and recordings;
 * metrics and health later. The ACD's routes have no access control yet (the store's and QA's need
 * a {@code qa.users} credential), so it binds to the loopback address by default.
 *
 * @param bindAddress address the server binds to; default {@code 127.0.0.1}
 * @param port        TCP port, 0-65535 (0 picks a free port); default 8080
 */
public record HttpConfig(String bindAddress, int port) {
}

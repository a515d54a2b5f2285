package org.hotline.config;

/**
 * The HTTP API ({@code http:}): agents and queues today, metrics and health later. It has no access
 * control yet (roles come with issue 4), so it binds to the loopback address by default.
 *
 * @param bindAddress address the server binds to; default {@code 127.0.0.1}
 * @param port        TCP port, 0-65535 (0 picks a free port); default 8080
 */
public record HttpConfig(String bindAddress, int port) {
}

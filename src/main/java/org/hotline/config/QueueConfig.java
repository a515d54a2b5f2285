package org.hotline.config;

/** An agent queue a menu leaf can name. The ACD issue adds strategy, priority and limits. */
public record QueueConfig(String name, String description) {
}

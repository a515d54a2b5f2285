package org.hotline.call;

import java.util.List;
import java.util.Objects;

/**
 * A caller asking for an agent: the queue named by the menu leaf, the language the caller chose,
 * and the menu keys that led there (kept for the call record).
 */
public record QueueRequest(String queue, String language, List<String> menuPath) {

    public QueueRequest {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(language, "language");
        menuPath = List.copyOf(menuPath);
    }
}

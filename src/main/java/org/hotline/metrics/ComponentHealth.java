package org.hotline.metrics;

import java.util.Objects;

/** Whether one component of the server works, and a short human-readable why. */
public record ComponentHealth(boolean up, String detail) {

    public ComponentHealth {
        Objects.requireNonNull(detail, "detail");
    }

    public static ComponentHealth up(String detail) {
        return new ComponentHealth(true, detail);
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(false, detail);
    }
}

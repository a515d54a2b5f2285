package org.hotline.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every component's health at one instant; the server is up only when every component is. */
public record HealthReport(Map<String, ComponentHealth> components) {

    public HealthReport {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public boolean up() {
        return components.values().stream().allMatch(ComponentHealth::up);
    }
}

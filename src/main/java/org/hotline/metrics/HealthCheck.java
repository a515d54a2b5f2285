package org.hotline.metrics;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One component's health for {@code /health} and {@code hotline_component_up}: SIP, RTP and the ACD
 * today; further components (the store, issue 4) add theirs in the composition root. {@link #check}
 * runs on an HTTP virtual thread and may wait, bounded, on the component.
 */
public interface HealthCheck {

    /** The component's name, a bounded tag value: {@code sip}, {@code rtp}, {@code acd} ... */
    String component();

    ComponentHealth check();

    /** A check that asks {@code up} and explains each answer with a fixed text. */
    static HealthCheck of(String component, BooleanSupplier up, String upDetail, String downDetail) {
        Objects.requireNonNull(component, "component");
        return new HealthCheck() {
            @Override
            public String component() {
                return component;
            }

            @Override
            public ComponentHealth check() {
                return up.getAsBoolean() ? ComponentHealth.up(upDetail) : ComponentHealth.down(downDetail);
            }
        };
    }
}

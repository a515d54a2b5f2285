package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.Objects;
import org.hotline.config.CallbackConfig;

/**
 * The keys and timeout of rule R12's exchange with a waiting caller ({@code callback:}).
 *
 * @param key          accepts the callback offer
 * @param confirmKey   confirms the number read back
 * @param otherKey     asks to key in another number
 * @param inputTimeout silence after a prompt that closes the exchange (the caller keeps waiting)
 */
public record CallbackSettings(char key, char confirmKey, char otherKey, Duration inputTimeout) {

    public static final CallbackSettings DEFAULTS = new CallbackSettings('1', '1', '2', Duration.ofSeconds(10));

    public CallbackSettings {
        Objects.requireNonNull(inputTimeout, "inputTimeout");
        if (confirmKey == otherKey) {
            throw new IllegalArgumentException("confirm and other keys must differ: " + confirmKey);
        }
    }

    public static CallbackSettings of(CallbackConfig config) {
        return new CallbackSettings(config.key().charAt(0), config.confirmKey().charAt(0), config.otherKey().charAt(0),
                config.inputTimeout());
    }
}

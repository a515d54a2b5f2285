package org.hotline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Overload (rule R20, {@code overload:}): past {@code maxCalls} concurrent callers, a new caller
 * is still answered with a short "all lines are busy, please call back" message, or refused with
 * 503 Service Unavailable and Retry-After (RFC 3261 §21.5.4) so their carrier can try again or
 * route elsewhere. The callers already admitted are not affected. Defaults are in {@link ConfigDefaults}.
 *
 * @param maxCalls   callers admitted at once (IVR, queues and agents alike); 0, the default, is no limit
 * @param treatment  what a caller beyond the limit gets; default {@code message}
 * @param retryAfter the Retry-After of the 503, 1s-1h; default 60s
 */
public record OverloadConfig(int maxCalls, Treatment treatment, Duration retryAfter) {

    public enum Treatment {
        /** Answer, play busy.all-lines, hang up. */
        @JsonProperty("message") MESSAGE("message"),
        /** 503 Service Unavailable with Retry-After, never answered. */
        @JsonProperty("reject") REJECT("reject");

        private final String configName;

        Treatment(String configName) {
            this.configName = configName;
        }

        @Override
        public String toString() {
            return configName;
        }
    }

    public boolean limited() {
        return maxCalls > 0;
    }
}

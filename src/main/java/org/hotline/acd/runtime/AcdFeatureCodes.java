package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.StatusReply;
import org.hotline.call.AgentFeatureCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' softphone feature codes, applied on the ACD executor: {@code *1} log in / available,
 * {@code *2} not ready, {@code *3} break (rule R17 may refuse it), {@code *0} log out. The answer is
 * the prompt saying the new status, or the refusal's prompt. The leading {@code *} is optional.
 * Immutable; called on the feature-code call's virtual thread, which waits at most
 * {@link #REPLY_BOUND} for the ACD.
 */
public final class AcdFeatureCodes implements AgentFeatureCodes {

    static final Duration REPLY_BOUND = Duration.ofSeconds(2);
    /** The not-ready reason of {@code *2} (the HTTP API lets a supervisor give others). */
    static final String FEATURE_CODE_REASON = "feature code *2";

    private static final Logger log = LoggerFactory.getLogger(AcdFeatureCodes.class);

    private final AcdDriver driver;

    public AcdFeatureCodes(AcdDriver driver) {
        this.driver = driver;
    }

    @Override
    public List<String> apply(String workNumber, String code) {
        Optional<AgentStatus> requested = requested(code);
        if (requested.isEmpty()) {
            return List.of(AcdPrompts.CODE_UNKNOWN);
        }
        try {
            StatusReply reply = driver.requestStatus(workNumber, requested.get(), FEATURE_CODE_REASON)
                    .get(REPLY_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            return List.of(switch (reply) {
                case StatusReply.Accepted accepted -> AcdPrompts.statusPrompt(accepted.status());
                case StatusReply.Refused refused -> refused.reason().promptName(); // e.g. rule R17
            });
        } catch (ExecutionException | TimeoutException e) {
            log.atError().addKeyValue("agent", workNumber).addKeyValue("code", code).setCause(e)
                    .log("feature code not applied");
            return List.of(AcdPrompts.FALLBACK_SORRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(AcdPrompts.FALLBACK_SORRY);
        }
    }

    /** The status a code asks for; empty for an unknown code. */
    static Optional<AgentStatus> requested(String code) {
        String digits = code.startsWith("*") ? code.substring(1) : code;
        return Optional.ofNullable(switch (digits) {
            case "1" -> AgentStatus.AVAILABLE;
            case "2" -> AgentStatus.NOT_READY;
            case "3" -> AgentStatus.ON_BREAK;
            case "0" -> AgentStatus.LOGGED_OUT;
            default -> null;
        });
    }
}

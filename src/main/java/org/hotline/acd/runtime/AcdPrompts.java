package org.hotline.acd.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.acd.AgentStatus;
import org.hotline.acd.Refusal;
import org.hotline.prompt.SpokenNumbers;

/**
 * The prompts the ACD plays (names as in {@code prompts/prompts.tsv}) and how its announcements are
 * composed from them: rule R7's wait and hold announcements, rule R8's thanks and rule R3's work
 * number, and the answers to agents' feature codes. Pure functions.
 */
public final class AcdPrompts {

    public static final String QUEUE_PLEASE_HOLD = "queue.please-hold";
    public static final String QUEUE_POSITION_BEFORE = "queue.position.before";
    public static final String QUEUE_POSITION_AFTER = "queue.position.after";
    public static final String QUEUE_WAIT_BEFORE = "queue.wait.before";
    public static final String QUEUE_WAIT_AFTER = "queue.wait.after";
    public static final String HOLD_STILL_CHECKING = "hold.still-checking";
    public static final String WAIT_THANKS = "wait.thanks";
    public static final String TRANSFER_CONNECTING = "transfer.connecting";
    public static final String WORK_NUMBER_BEFORE = "agent.work-number.before";
    public static final String WORK_NUMBER_AFTER = "agent.work-number.after";
    public static final String STATUS_AVAILABLE = "agent.status.available";
    public static final String STATUS_NOT_READY = "agent.status.not-ready";
    public static final String STATUS_BREAK = "agent.status.break";
    public static final String STATUS_LOGGED_OUT = "agent.status.logged-out";
    public static final String CODE_UNKNOWN = "agent.code.unknown";
    public static final String FALLBACK_SORRY = "fallback.sorry";

    /**
     * Rule R8: a caller connected after waiting at least this long is thanked for waiting. An
     * answer within rule R1's three rings (10 s) is no wait to thank for.
     */
    public static final Duration R8_THANKS_AFTER = Duration.ofSeconds(10);

    private static final int MAX_SAYABLE = 999;
    private static final long SECONDS_PER_MINUTE = 60;

    /** Every fixed name the ACD plays: caller announcements, feature-code answers and refusals. */
    public static final Set<String> FIXED = Stream.concat(
                    Stream.of(QUEUE_PLEASE_HOLD, QUEUE_POSITION_BEFORE, QUEUE_POSITION_AFTER, QUEUE_WAIT_BEFORE,
                            QUEUE_WAIT_AFTER, HOLD_STILL_CHECKING, WAIT_THANKS, TRANSFER_CONNECTING, WORK_NUMBER_BEFORE,
                            WORK_NUMBER_AFTER, STATUS_AVAILABLE, STATUS_NOT_READY, STATUS_BREAK, STATUS_LOGGED_OUT,
                            CODE_UNKNOWN, FALLBACK_SORRY),
                    Arrays.stream(Refusal.values()).map(Refusal::promptName))
            .collect(Collectors.toUnmodifiableSet());

    private AcdPrompts() {
    }

    /**
     * Rule R7 in queue: "please keep holding", the callers ahead (left out when nobody is ahead:
     * "zero callers ahead" helps no one) and, when the engine can estimate it, the expected wait in
     * whole minutes, rounded up.
     *
     * @param position the caller's position, from 1
     */
    public static List<String> waitAnnouncement(int position, Optional<Duration> expectedWait, String language) {
        List<String> names = new ArrayList<>(List.of(QUEUE_PLEASE_HOLD));
        int ahead = position - 1;
        if (ahead > 0) {
            names.add(QUEUE_POSITION_BEFORE);
            names.addAll(SpokenNumbers.cardinal(Math.min(ahead, MAX_SAYABLE), language));
            names.add(QUEUE_POSITION_AFTER);
        }
        expectedWait.ifPresent(wait -> {
            long minutes = Math.max(1, (wait.toSeconds() + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE);
            names.add(QUEUE_WAIT_BEFORE);
            names.addAll(SpokenNumbers.cardinal((int) Math.min(minutes, MAX_SAYABLE), language));
            names.add(QUEUE_WAIT_AFTER);
        });
        return List.copyOf(names);
    }

    /** Rules R8 and R3: thanks if the caller waited, then 工号 + the work number digit by digit + 为您服务. */
    public static List<String> agentIntroduction(Duration waited, String workNumber, String language) {
        List<String> names = new ArrayList<>();
        if (waited.compareTo(R8_THANKS_AFTER) >= 0) {
            names.add(WAIT_THANKS);
        }
        names.add(WORK_NUMBER_BEFORE);
        names.addAll(SpokenNumbers.digits(workNumber, language));
        names.add(WORK_NUMBER_AFTER);
        return List.copyOf(names);
    }

    /** The prompt naming a queue, whispered to the agent before the caller is connected. */
    public static String queueName(String queue) {
        return "queue.name." + queue;
    }

    /** The answer to a feature code that changed the agent's status. */
    public static String statusPrompt(AgentStatus status) {
        return switch (status) {
            case AVAILABLE -> STATUS_AVAILABLE;
            case NOT_READY -> STATUS_NOT_READY;
            case ON_BREAK -> STATUS_BREAK;
            case LOGGED_OUT -> STATUS_LOGGED_OUT;
        };
    }
}

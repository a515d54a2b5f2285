package org.hotline.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEventListener;

/**
 * One call as the flow sees it: the front's {@link CallControl}, the caller's current language,
 * and event emission stamped by the injected clock. Confined to the call's virtual thread.
 */
final class CallSession {

    private final CallControl call;
    private final String callId;
    private final CallEventListener listener;
    private final Clock clock;
    private String language;

    CallSession(CallControl call, String language, CallEventListener listener, Clock clock) {
        this.call = call;
        this.callId = call.info().callId();
        this.language = language;
        this.listener = listener;
        this.clock = clock;
    }

    CallControl call() {
        return call;
    }

    String callId() {
        return callId;
    }

    String language() {
        return language;
    }

    void switchLanguage(String newLanguage) {
        language = newLanguage;
        emit(new CallEvent.LanguageChanged(callId, now(), newLanguage));
    }

    Instant now() {
        return clock.instant();
    }

    void emit(CallEvent event) {
        listener.onEvent(event);
    }

    /** Plays prompts the caller cannot interrupt (greetings, apologies, goodbyes). */
    void say(List<String> promptNames) {
        call.play(new Announcement(promptNames, language, false));
    }

    void say(String... promptNames) {
        say(List.of(promptNames));
    }

    /** Plays prompts a key press interrupts (menus, the survey question). */
    void offer(List<String> promptNames) {
        call.play(Announcement.interruptible(language, promptNames));
    }

    /** The next key within {@code timeout}, reported as {@link CallEvent.DigitReceived}. */
    Optional<Character> awaitDigit(Duration timeout) {
        Optional<Character> digit = call.awaitDigit(timeout);
        digit.ifPresent(key -> emit(new CallEvent.DigitReceived(callId, now(), key)));
        return digit;
    }

    /**
     * Waits {@code duration} whatever the caller presses. {@link CallControl} has no plain pause,
     * so this awaits digits until the clock reaches the deadline and drops them.
     */
    void pause(Duration duration) {
        call.clearDigits();
        Instant deadline = now().plus(duration);
        for (Duration left = duration; left.isPositive(); left = Duration.between(now(), deadline)) {
            call.awaitDigit(left);
        }
    }

    /** Ends the call from our side. The front reports {@link CallEvent.Ended}, exactly once per call, whichever side ends it. */
    void hangup(EndReason reason) {
        call.hangup(reason);
    }
}

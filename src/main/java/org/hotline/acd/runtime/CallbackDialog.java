package org.hotline.acd.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule R12's exchange with a waiting caller who was offered a callback, as an explicit state
 * machine fed with key presses and the clock; what the caller hears comes back as {@link Step}s.
 * The caller keeps waiting in line throughout (an agent who answers meanwhile wins), and a
 * silence of {@code inputTimeout} after a prompt ends, or {@code *}, closes the exchange without
 * a callback (the offer's key still works afterwards):
 * <pre>
 *   OFFERED    --key---------------------------------> CONFIRMING (caller ID is a number) | ENTERING
 *   CONFIRMING --confirmKey--------------------------> DONE (Confirmed: ask the ACD)
 *   CONFIRMING --otherKey----------------------------> ENTERING
 *   ENTERING   --digits then #, 3-20 digits----------> CONFIRMING (the keyed number read back)
 *   ENTERING   --# with too few or too many digits---> ENTERING (menu.invalid, asked again)
 *   CONFIRMING, ENTERING --* / timeout---------------> OFFERED (Closed)
 * </pre>
 * Threading: the caller's virtual thread only.
 */
final class CallbackDialog {

    /** What the caller hears or what happens next. */
    sealed interface Step {
        /** Nothing to do. */
        record Nothing() implements Step {}

        /** Play these prompts over the music. */
        record Say(List<String> prompts) implements Step {}

        /** The caller confirmed this number: ask the ACD for the callback. */
        record Confirmed(String number) implements Step {}

        /** The exchange closed without a callback; the caller keeps waiting (music only). */
        record Closed() implements Step {}
    }

    enum State {
        OFFERED, CONFIRMING, ENTERING, DONE;

        private static final Map<State, Set<State>> ALLOWED = Map.of(
                OFFERED, Set.of(CONFIRMING, ENTERING),
                CONFIRMING, Set.of(DONE, ENTERING, OFFERED),
                ENTERING, Set.of(CONFIRMING, ENTERING, OFFERED),
                DONE, Set.of());

        State to(State next) {
            if (!ALLOWED.get(this).contains(next)) {
                throw new IllegalStateException("illegal callback dialog transition " + this + " -> " + next);
            }
            return next;
        }
    }

    /** A number we can dial: digits, optionally after a {@code +} (3-20 digits). */
    static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Step NOTHING = new Step.Nothing();

    private final CallbackSettings settings;
    private final String callerId;
    private final String language;
    private State state = State.OFFERED;
    private String number;
    private final StringBuilder keyed = new StringBuilder();
    private Instant deadline;

    CallbackDialog(CallbackSettings settings, String callerId, String language) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.callerId = callerId == null ? "" : callerId;
        this.language = language;
    }

    /** The offer's prompts, played once when the ACD offers the callback. */
    List<String> offer() {
        return CallbackPrompts.offer(settings.key());
    }

    State state() {
        return state;
    }

    /** Whether keys are expected soon (the caller is confirming or keying in a number). */
    boolean inProgress() {
        return state == State.CONFIRMING || state == State.ENTERING;
    }

    Step key(char key, Instant now) {
        return switch (state) {
            case OFFERED -> key == settings.key() ? accepted() : NOTHING;
            case CONFIRMING -> confirming(key);
            case ENTERING -> entering(key, now);
            case DONE -> NOTHING;
        };
    }

    /**
     * Called whenever nothing is playing to the caller: the first call after a prompt starts the
     * input timeout; once it has run out, the exchange closes.
     */
    Step idle(Instant now) {
        if (!inProgress()) {
            return NOTHING;
        }
        if (deadline == null) {
            deadline = now.plus(settings.inputTimeout());
            return NOTHING;
        }
        if (now.isBefore(deadline)) {
            return NOTHING;
        }
        return close();
    }

    private Step accepted() {
        if (DIALLABLE.matcher(callerId).matches()) {
            number = callerId;
            return move(State.CONFIRMING, readBack());
        }
        return move(State.ENTERING, List.of(CallbackPrompts.ENTER_NUMBER));
    }

    private Step confirming(char key) {
        if (key == settings.confirmKey()) {
            state = state.to(State.DONE);
            return new Step.Confirmed(number);
        }
        if (key == settings.otherKey()) {
            return move(State.ENTERING, List.of(CallbackPrompts.ENTER_NUMBER));
        }
        return key == '*' ? close() : NOTHING;
    }

    private Step entering(char key, Instant now) {
        if (key == '*') {
            return close();
        }
        if (key != '#') {
            if (Character.isDigit(key)) {
                keyed.append(key);
                deadline = now.plus(settings.inputTimeout());
            }
            return NOTHING;
        }
        String entered = keyed.toString();
        if (!DIALLABLE.matcher(entered).matches()) {
            return move(State.ENTERING, List.of(CallbackPrompts.MENU_INVALID, CallbackPrompts.ENTER_NUMBER));
        }
        number = entered;
        return move(State.CONFIRMING, readBack());
    }

    private List<String> readBack() {
        return CallbackPrompts.readBack(number, settings.confirmKey(), settings.otherKey(), language);
    }

    private Step move(State next, List<String> prompts) {
        state = state.to(next);
        keyed.setLength(0);
        deadline = null;
        return new Step.Say(prompts);
    }

    private Step close() {
        state = state.to(State.OFFERED);
        keyed.setLength(0);
        deadline = null;
        number = null;
        return new Step.Closed();
    }
}

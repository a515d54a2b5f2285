package org.hotline.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.config.IvrConfig;
import org.hotline.config.MenuOption;
import org.hotline.event.CallEvent;
import org.hotline.event.CallEvent.NoInput.Step;

/**
 * The voice menu loop (rules R4, R5, R6): present the level, wait for a key, act on it, until the
 * caller reaches a queue or the line stays silent. Immutable; one instance serves every call, the
 * per-call state lives in a {@link MenuPosition} on the call's thread.
 */
final class MenuNavigator {

    /** Rule R5: the first silence repeats the level, the second ends the call. */
    static final int SILENCES_BEFORE_GOODBYE = 2;

    private final IvrConfig ivr;
    private final char agentKey;

    MenuNavigator(IvrConfig ivr) {
        this.ivr = ivr;
        this.agentKey = ivr.agentKey().charAt(0);
    }

    MenuOutcome navigate(CallSession session) {
        MenuPosition position = new MenuPosition(ivr.menu());
        int silences = 0;
        while (true) {
            present(session, position);
            Optional<Character> key = session.awaitDigit(ivr.noInputTimeout());
            if (key.isEmpty()) {
                silences++;
                if (silences == SILENCES_BEFORE_GOODBYE) {
                    return silentLine(session, position);
                }
                session.emit(new CallEvent.NoInput(session.callId(), session.now(), position.path(), Step.REPEATED));
                position.repeat();
                continue;
            }
            silences = 0; // any key proves the line is not silent
            Optional<MenuOutcome> outcome = press(session, position, key.get());
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
    }

    private void present(CallSession session, MenuPosition position) {
        session.emit(new CallEvent.MenuEntered(session.callId(), session.now(), position.path(), position.attempt()));
        List<String> prompts = new ArrayList<>();
        if (position.lastKeyInvalid()) {
            prompts.add(PromptNames.MENU_INVALID);
        }
        prompts.addAll(MenuAnnouncement.of(position.level(), position.isSubLevel(), session.language(), agentKey));
        session.offer(prompts);
    }

    /** Acts on one key; empty means stay in the menu (at the same or another level). */
    private Optional<MenuOutcome> press(CallSession session, MenuPosition position, char key) {
        if (key == agentKey) {
            return Optional.of(new MenuOutcome.ToQueue(ivr.agentQueue(), position.pathWith(key)));
        }
        if (key == MenuAnnouncement.BACK_KEY && position.isSubLevel()) {
            position.up();
            return Optional.empty();
        }
        Optional<MenuOption> option = position.level().options().stream()
                .filter(candidate -> candidate.offeredTo(session.language()) && candidate.key().charAt(0) == key)
                .findFirst();
        if (option.isEmpty()) {
            return invalid(session, position, key);
        }
        return choose(session, position, option.get(), key);
    }

    private Optional<MenuOutcome> choose(CallSession session, MenuPosition position, MenuOption option, char key) {
        if (option.queue() != null) {
            return Optional.of(new MenuOutcome.ToQueue(option.queue(), position.pathWith(key)));
        }
        if (option.submenu() != null) {
            position.down(key, option.submenu());
        } else {
            session.switchLanguage(option.language());
            position.toTop();
        }
        return Optional.empty();
    }

    /** A wrong key: say so and repeat, or after {@code maxInvalidInputs} on this level, an agent. */
    private Optional<MenuOutcome> invalid(CallSession session, MenuPosition position, char key) {
        session.emit(new CallEvent.InvalidInput(session.callId(), session.now(), position.path(), key));
        position.invalidKey();
        if (position.invalidKeys() >= ivr.maxInvalidInputs()) {
            return Optional.of(new MenuOutcome.ToQueue(ivr.agentQueue(), position.path()));
        }
        return Optional.empty();
    }

    /** Rule R5: the goodbye (not interruptible), then the pause before the flow hangs up. */
    private MenuOutcome silentLine(CallSession session, MenuPosition position) {
        session.emit(new CallEvent.NoInput(session.callId(), session.now(), position.path(), Step.GOODBYE));
        session.say(PromptNames.SILENT_GOODBYE);
        session.pause(ivr.hangupAfterGoodbye());
        return new MenuOutcome.SilentLine();
    }
}

package org.hotline.acd.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.acd.runtime.CallbackDialog.State;
import org.hotline.acd.runtime.CallbackDialog.Step;
import org.junit.jupiter.api.Test;

/** Rule R12's exchange with the waiting caller: confirming the caller ID, keying in another number, timeouts. */
class CallbackDialogTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final CallbackSettings SETTINGS = new CallbackSettings('1', '1', '2', TIMEOUT);

    @Test
    void theOfferNamesItsKey() {
        assertEquals(List.of("callback.offer", "menu.press", "digit.1"), dialog("13800138000").offer());
    }

    @Test
    void acceptingReadsTheCallerIdBackAndTheConfirmKeyConfirmsIt() {
        CallbackDialog dialog = dialog("13800138000");

        Step readBack = dialog.key('1', T0);
        Step confirmed = dialog.key('1', T0.plusSeconds(3));

        assertEquals(new Step.Say(List.of("callback.number.before", "digit.1", "digit.3", "digit.8", "digit.0",
                "digit.0", "digit.1", "digit.3", "digit.8", "digit.0", "digit.0", "digit.0", "callback.confirm",
                "menu.press", "digit.1", "callback.other", "menu.press", "digit.2")), readBack);
        assertEquals(new Step.Confirmed("13800138000"), confirmed);
        assertEquals(State.DONE, dialog.state());
    }

    @Test
    void anotherNumberIsKeyedInEndedByHashReadBackAndConfirmed() {
        CallbackDialog dialog = dialog("13800138000");
        dialog.key('1', T0);

        assertEquals(new Step.Say(List.of("callback.enter-number")), dialog.key('2', T0));
        for (char digit : "02161234567".toCharArray()) {
            assertEquals(new Step.Nothing(), dialog.key(digit, T0));
        }
        Step readBack = dialog.key('#', T0);

        assertTrue(readBack instanceof Step.Say say && say.prompts().contains("digit.6"), readBack.toString());
        assertEquals(new Step.Confirmed("02161234567"), dialog.key('1', T0));
    }

    @Test
    void anAnonymousCallerIsAskedForTheNumberAtOnce() {
        CallbackDialog dialog = dialog("anonymous");

        assertEquals(new Step.Say(List.of("callback.enter-number")), dialog.key('1', T0));
        assertEquals(State.ENTERING, dialog.state());
    }

    @Test
    void aNumberTooShortIsRefusedAndAskedForAgain() {
        CallbackDialog dialog = dialog("anonymous");
        dialog.key('1', T0);
        dialog.key('1', T0);
        dialog.key('2', T0);

        assertEquals(new Step.Say(List.of("menu.invalid", "callback.enter-number")), dialog.key('#', T0));
        assertEquals(State.ENTERING, dialog.state());
    }

    @Test
    void silenceAfterThePromptClosesTheExchangeAndTheOfferStillWorks() {
        CallbackDialog dialog = dialog("13800138000");
        dialog.key('1', T0);

        assertEquals(new Step.Nothing(), dialog.idle(T0.plusSeconds(6)));
        assertEquals(new Step.Nothing(), dialog.idle(T0.plusSeconds(6).plus(TIMEOUT).minusMillis(1)));
        assertEquals(new Step.Closed(), dialog.idle(T0.plusSeconds(6).plus(TIMEOUT)));
        assertEquals(State.OFFERED, dialog.state());
        assertTrue(dialog.key('1', T0.plusSeconds(30)) instanceof Step.Say, "the offer's key works again");
    }

    @Test
    void eachKeyedDigitGivesTheCallerTheFullTimeoutAgain() {
        CallbackDialog dialog = dialog("anonymous");
        dialog.key('1', T0);
        dialog.idle(T0.plusSeconds(2));

        dialog.key('5', T0.plusSeconds(11));

        assertEquals(new Step.Nothing(), dialog.idle(T0.plusSeconds(20)));
        assertEquals(new Step.Closed(), dialog.idle(T0.plusSeconds(21)));
    }

    @Test
    void starCancelsAndOtherKeysAreIgnored() {
        CallbackDialog dialog = dialog("13800138000");

        assertEquals(new Step.Nothing(), dialog.key('7', T0));
        dialog.key('1', T0);
        assertEquals(new Step.Nothing(), dialog.key('9', T0));
        assertEquals(new Step.Closed(), dialog.key('*', T0));
    }

    private static CallbackDialog dialog(String callerId) {
        return new CallbackDialog(SETTINGS, callerId, "zh-CN");
    }
}

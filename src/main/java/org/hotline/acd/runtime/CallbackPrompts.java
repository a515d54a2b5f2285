package org.hotline.acd.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.prompt.SpokenNumbers;

/**
 * The prompts of rule R12's callbacks (names as in {@code prompts/prompts.tsv}) and how they are
 * composed: the offer to a waiting caller, the number read back with its keys, keying in another
 * number, the confirmation; the agent's whisper naming the number called back; the customer's
 * introduction when Hotline calls them. Pure functions.
 */
public final class CallbackPrompts {

    public static final String OFFER = "callback.offer";
    public static final String NUMBER_BEFORE = "callback.number.before";
    public static final String CONFIRM = "callback.confirm";
    public static final String OTHER = "callback.other";
    public static final String ENTER_NUMBER = "callback.enter-number";
    public static final String CONFIRMED = "callback.confirmed";
    public static final String WHISPER = "callback.whisper";
    public static final String DIALLING = "callback.dialling";
    public static final String NO_ANSWER = "callback.no-answer";
    public static final String INTRO = "callback.intro";
    static final String MENU_PRESS = "menu.press";
    static final String MENU_INVALID = "menu.invalid";
    static final String CLOSING = "closing.normal";
    static final String TRANSFER_FAILED = "transfer.failed";

    public static final Set<String> FIXED = Set.of(OFFER, NUMBER_BEFORE, CONFIRM, OTHER, ENTER_NUMBER, CONFIRMED,
            WHISPER, DIALLING, NO_ANSWER, INTRO);

    private CallbackPrompts() {
    }

    /** "Rather than wait, keep your place and be called back: press {@code key}." */
    static List<String> offer(char key) {
        return List.of(OFFER, MENU_PRESS, digit(key));
    }

    /** "We will call you back at <number>. To confirm press 1; for another number press 2." */
    static List<String> readBack(String number, char confirmKey, char otherKey, String language) {
        List<String> names = new ArrayList<>(List.of(NUMBER_BEFORE));
        names.addAll(SpokenNumbers.digits(digitsOf(number), language));
        names.addAll(List.of(CONFIRM, MENU_PRESS, digit(confirmKey), OTHER, MENU_PRESS, digit(otherKey)));
        return List.copyOf(names);
    }

    /** What the agent hears on answering a callback: who is called back, then that the call is being placed. */
    static List<String> whisper(String number, String language) {
        List<String> names = new ArrayList<>(List.of(WHISPER));
        names.addAll(SpokenNumbers.digits(digitsOf(number), language));
        names.add(DIALLING);
        return List.copyOf(names);
    }

    static String digit(char key) {
        return switch (key) {
            case '*' -> "digit.star";
            case '#' -> "digit.hash";
            default -> "digit." + key;
        };
    }

    /** The digits of a number as read back ({@code +86...} reads as its digits). */
    static String digitsOf(String number) {
        return number.chars().filter(Character::isDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}

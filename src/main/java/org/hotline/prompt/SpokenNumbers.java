package org.hotline.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns numbers into the prompt names that say them (see PROMPT-NAMES.md, "Digits and numbers"):
 * key sequences and work numbers read digit by digit (rule R3), counts such as queue position and
 * minutes of wait (rule R7) as cardinals. Pure functions.
 */
public final class SpokenNumbers {

    public static final String MANDARIN = "zh-CN";
    public static final String ENGLISH = "en-US";

    private static final int MAX_CARDINAL = 999;

    private SpokenNumbers() {
    }

    /**
     * Reads keys one by one: "1007" is digit.1 digit.0 digit.0 digit.7.
     *
     * @throws IllegalArgumentException for a character other than 0-9, '*', '#', or an unsupported language
     */
    public static List<String> digits(String digits, String language) {
        requireSupported(language);
        return digits.chars().mapToObj(SpokenNumbers::digitName).toList();
    }

    /**
     * Says 0..999 the way the language counts: zh-CN 23 is num.2 num.10 num.3, en-US 23 is num.20 num.3.
     *
     * @throws IllegalArgumentException for a number outside 0..999 or an unsupported language
     */
    public static List<String> cardinal(int n, String language) {
        requireSupported(language);
        if (n < 0 || n > MAX_CARDINAL) {
            throw new IllegalArgumentException("cannot say " + n + ": only 0.." + MAX_CARDINAL);
        }
        List<String> names = new ArrayList<>();
        if (language.equals(MANDARIN)) {
            mandarin(n, names);
        } else {
            english(n, names);
        }
        return List.copyOf(names);
    }

    private static String digitName(int key) {
        return switch (key) {
            case '*' -> "digit.star";
            case '#' -> "digit.hash";
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> "digit." + (char) key;
            default -> throw new IllegalArgumentException("not a key: '" + (char) key + "'");
        };
    }

    /** 一百零五, 一百一十五, 二百: 零 fills an empty tens place, 一 is said before 十 after a hundred. */
    private static void mandarin(int n, List<String> names) {
        int rest = n % 100;
        if (n < 100) {
            mandarinBelowHundred(rest, names);
            return;
        }
        names.add(num(n / 100));
        names.add("num.hundred");
        if (rest == 0) {
            return;
        }
        if (rest < 10) {
            names.add(num(0));
        } else if (rest < 20) {
            names.add(num(1));
        }
        mandarinBelowHundred(rest, names);
    }

    private static void mandarinBelowHundred(int n, List<String> names) {
        if (n <= 10) {
            names.add(num(n));
            return;
        }
        if (n >= 20) {
            names.add(num(n / 10));
        }
        names.add(num(10));
        if (n % 10 != 0) {
            names.add(num(n % 10));
        }
    }

    private static void english(int n, List<String> names) {
        int rest = n % 100;
        if (n >= 100) {
            names.add(num(n / 100));
            names.add("num.hundred");
            if (rest == 0) {
                return;
            }
        }
        if (rest < 20) {
            names.add(num(rest));
            return;
        }
        names.add(num(rest - rest % 10));
        if (rest % 10 != 0) {
            names.add(num(rest % 10));
        }
    }

    private static String num(int n) {
        return "num." + n;
    }

    private static void requireSupported(String language) {
        if (!language.equals(MANDARIN) && !language.equals(ENGLISH)) {
            throw new IllegalArgumentException("no spoken numbers for language " + language);
        }
    }
}

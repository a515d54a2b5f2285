package org.hotline.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns Jackson's binding failures into the key and reason of a {@link ConfigException}. */
final class BindingErrors {

    private BindingErrors() {
    }

    /** The dotted key of the failing value, e.g. {@code ivr.menu.options[2].queue}. */
    static String key(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                key.append('[').append(step.getIndex()).append(']');
            }
        }
        return key.isEmpty() ? "(top)" : key.toString();
    }

    static String reason(JsonMappingException e) {
        if (e instanceof ConfigValueModule.BadValueException) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key; known keys here: " + known(unknown);
        }
        if (e instanceof InvalidFormatException format) {
            return "\"" + format.getValue() + "\" is not " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "wrong type: expected " + expected(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value";
        }
        if (List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a section of keys";
        }
        return "a " + type.getSimpleName();
    }
}

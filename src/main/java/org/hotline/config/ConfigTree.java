package org.hotline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dotted keys ({@code sip.port}, {@code ivr.menu.options[0].queue}) on the parsed YAML tree, used
 * to apply defaults and {@code --set} overrides before the tree is bound to records.
 */
final class ConfigTree {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private ConfigTree() {
    }

    /** One step of a dotted key: a field name, or an index into a list. */
    private record Step(String field, int index) {

        boolean isIndex() {
            return field == null;
        }
    }

    /** Sets {@code key} to {@code value}, creating missing sections. */
    static void set(ObjectNode root, String key, JsonNode value) {
        List<Step> steps = parse(key);
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = descend(parent, steps.get(i), steps.get(i + 1));
        }
        put(parent, steps.getLast(), value);
    }

    /** Sets {@code key} to {@code value} unless present; skips it if a section on the way is not a map. */
    static void setIfAbsent(ObjectNode root, String key, JsonNode value) {
        JsonNode node = root;
        String[] fields = key.split("\\.");
        for (int i = 0; i < fields.length - 1; i++) {
            JsonNode child = node.get(fields[i]);
            if (child == null) {
                child = ((ObjectNode) node).putObject(fields[i]);
            }
            if (!child.isObject()) {
                return;
            }
            node = child;
        }
        if (!node.has(fields[fields.length - 1])) {
            ((ObjectNode) node).set(fields[fields.length - 1], value);
        }
    }

    /** Whether {@code key} (plain dotted fields only) is present. */
    static boolean has(JsonNode root, String key) {
        JsonNode node = root;
        for (String field : key.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(field);
        }
        return node != null;
    }

    private static JsonNode descend(JsonNode parent, Step step, Step next) {
        JsonNode child = step.isIndex() ? parent.get(step.index()) : parent.get(step.field());
        if (child == null || child.isNull()) {
            if (step.isIndex()) {
                throw new IllegalArgumentException("list has no element [" + step.index() + "]");
            }
            ObjectNode object = (ObjectNode) parent;
            child = next.isIndex() ? object.putArray(step.field()) : object.putObject(step.field());
        }
        boolean fits = next.isIndex() ? child.isArray() : child.isObject();
        if (!fits) {
            throw new IllegalArgumentException(describe(step) + " is not " + (next.isIndex() ? "a list" : "a section"));
        }
        return child;
    }

    private static void put(JsonNode parent, Step step, JsonNode value) {
        if (!step.isIndex()) {
            ((ObjectNode) parent).set(step.field(), value);
        } else if (step.index() < parent.size()) {
            ((ArrayNode) parent).set(step.index(), value);
        } else {
            throw new IllegalArgumentException("list has no element [" + step.index() + "]");
        }
    }

    private static String describe(Step step) {
        return step.isIndex() ? "[" + step.index() + "]" : step.field();
    }

    private static List<Step> parse(String key) {
        List<Step> steps = new ArrayList<>();
        for (String part : key.split("\\.", -1)) {
            Matcher segment = SEGMENT.matcher(part);
            if (!segment.matches()) {
                throw new IllegalArgumentException("not a key: write it like sip.port or ivr.menu.options[0].queue");
            }
            steps.add(new Step(segment.group(1), -1));
            Matcher index = INDEX.matcher(segment.group(2));
            while (index.find()) {
                steps.add(new Step(null, Integer.parseInt(index.group(1))));
            }
        }
        return steps;
    }
}

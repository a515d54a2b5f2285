package org.hotline.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code hotline.yaml} into a validated {@link HotlineConfig}: parse the YAML tree, apply
 * {@code --set} overrides, fill {@link ConfigDefaults}, bind to the records (unknown keys and wrong
 * types fail), then check the rules in {@link ConfigValidator}. Every failure is a {@link
 * ConfigException} naming the file, the key and the reason. Stateless; any thread.
 */
public final class ConfigLoader {

    /** The embedded default: the checked-in {@code config/hotline.yaml}, packaged by the pom. */
    public static final String DEFAULT_RESOURCE = "hotline.yaml";
    public static final String DEFAULT_SOURCE = "classpath:" + DEFAULT_RESOURCE;
    /** The source named in errors about a value that came from an override. */
    public static final String OVERRIDE_SOURCE = "--set";

    private static final YAMLMapper MAPPER = newMapper();

    private ConfigLoader() {
    }

    /**
     * @param overrides dotted keys to values, e.g. {@code sip.port=5070} or {@code
     *                  sip.transports=[udp]}, applied on top of the file (command-line {@code --set})
     */
    public static HotlineConfig load(Path file, Map<String, String> overrides) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return load(source, in, overrides);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "(file)", "no such file", e);
        } catch (IOException e) {
            throw new ConfigException(source, "(file)", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads the embedded demo configuration ({@code classpath:hotline.yaml}). */
    public static HotlineConfig loadDefault(Map<String, String> overrides) {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ConfigException(DEFAULT_SOURCE, "(file)", "not on the class path");
            }
            return load(DEFAULT_SOURCE, in, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HotlineConfig load(String source, InputStream in, Map<String, String> overrides) {
        ObjectNode root = parse(source, in);
        applyOverrides(root, overrides);
        ConfigDefaults.fill(root);
        try {
            HotlineConfig config = bind(source, root);
            new ConfigValidator(source).validate(config);
            return config;
        } catch (ConfigException e) {
            throw attribute(e, overrides);
        }
    }

    private static ObjectNode parse(String source, InputStream in) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new ConfigException(source, "(file)", "cannot read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return MAPPER.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(source, "(top)", "expected sections such as service:, sip:, ivr:");
        }
        return (ObjectNode) tree;
    }

    private static void applyOverrides(ObjectNode root, Map<String, String> overrides) {
        for (Map.Entry<String, String> override : new TreeMap<>(overrides).entrySet()) {
            try {
                ConfigTree.set(root, override.getKey(), overrideValue(override.getValue()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(OVERRIDE_SOURCE, override.getKey(), e.getMessage(), e);
            }
        }
    }

    /** {@code [a, b]} is a list; anything else is a string, converted to the key's type on binding. */
    private static JsonNode overrideValue(String value) {
        if (value.strip().startsWith("[")) {
            try {
                return MAPPER.readTree(value);
            } catch (JacksonException e) {
                String problem = e.getCause() instanceof MarkedYAMLException yaml ? yaml.getProblem() : e.getOriginalMessage();
                throw new IllegalArgumentException("not a list like [udp, tcp]: " + problem, e);
            }
        }
        return TextNode.valueOf(value);
    }

    private static HotlineConfig bind(String source, ObjectNode root) {
        try {
            return MAPPER.treeToValue(root, HotlineConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(source, BindingErrors.key(e), BindingErrors.reason(e), e);
        } catch (JacksonException e) {
            throw new ConfigException(source, "(top)", e.getOriginalMessage(), e);
        }
    }

    /** An error about a key that an override set is reported against {@code --set}, not the file. */
    private static ConfigException attribute(ConfigException e, Map<String, String> overrides) {
        for (String key : overrides.keySet()) {
            if (e.key().equals(key) || e.key().startsWith(key + ".") || e.key().startsWith(key + "[")) {
                return e.withSource(OVERRIDE_SOURCE);
            }
        }
        return e;
    }

    private static ConfigException syntaxError(String source, JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " from line " + (yaml.getContextMark().getLine() + 1) + ")";
            return new ConfigException(source, where(yaml.getProblemMark()), "YAML syntax: " + yaml.getProblem() + context, e);
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "(file)" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new ConfigException(source, where, "YAML syntax: " + e.getOriginalMessage(), e);
    }

    private static String where(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static YAMLMapper newMapper() {
        return YAMLMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new ConfigValueModule())
                .build();
    }
}

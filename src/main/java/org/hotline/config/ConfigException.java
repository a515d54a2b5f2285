package org.hotline.config;

/**
 * A configuration that cannot be used: YAML syntax, an unknown key, a wrong type or a broken rule.
 * The message is always {@code <source>: <key>: <reason>}, where source is the file, {@code
 * classpath:hotline.yaml} for the embedded default, or {@code --set} for a command-line override.
 */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final String key;
    private final String reason;

    public ConfigException(String source, String key, String reason) {
        this(source, key, reason, null);
    }

    public ConfigException(String source, String key, String reason, Throwable cause) {
        super(source + ": " + key + ": " + reason, cause);
        this.source = source;
        this.key = key;
        this.reason = reason;
    }

    /** The file (or {@code classpath:...}, or {@code --set}) the bad value came from. */
    public String source() {
        return source;
    }

    /** The dotted key, e.g. {@code ivr.menu.options[0].submenu}. */
    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }

    ConfigException withSource(String newSource) {
        return new ConfigException(newSource, key, reason, getCause());
    }
}

package dev.legacyguard.core.config;

/**
 * One configuration key, declared once: its name, the type its value is read as, its default,
 * its bounds and what it is for. Each product says how its values are parsed, since each words
 * its errors its own way; keys whose value needs more than a type and bounds are declared as
 * text and checked where they are read.
 */
public final class Key<T> {
    /** Turns a configured value into the key's type, or says what was expected. */
    public interface Parser<T> {
        T parse(Setting setting) throws ConfigException;
    }

    private final String name;
    private final T defaultValue;
    private final T min;
    private final T max;
    private final String description;
    private final Parser<T> parser;

    private Key(String name, T defaultValue, T min, T max, String description, Parser<T> parser) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.description = description;
        this.parser = parser;
    }

    /**
     * Declares a key; {@code min} and {@code max} are null when its type has no bounds, and
     * {@code parser} is what checks a configured value against them.
     */
    public static <T> Key<T> of(String name, T defaultValue, T min, T max, String description, Parser<T> parser) {
        return new Key<>(name, defaultValue, min, max, description, parser);
    }

    /** E.g. {@code logto.endpoint}. */
    public String name() {
        return name;
    }

    /** The value when no source sets the key; null when it is derived where the key is read. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The least value accepted; null when the type has no bounds (text, true/false). */
    public T min() {
        return min;
    }

    /** The greatest value accepted; null when the type has no bounds. */
    public T max() {
        return max;
    }

    /** One line: what the key is for. */
    public String description() {
        return description;
    }

    /** The configured value, typed and within the key's bounds, or the default when {@code setting} is null. */
    public T read(Setting setting) throws ConfigException {
        return setting == null ? defaultValue : parser.parse(setting);
    }
}

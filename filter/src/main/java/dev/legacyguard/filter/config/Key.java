package dev.legacyguard.filter.config;

import java.time.Duration;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Setting;

/**
 * One key of the filter, declared once: its name, the type its value is read as, its default,
 * its bounds and what it is for. Keys whose value needs more than a type and bounds (URLs,
 * audiences, algorithms, enumerations) are declared as text and checked by {@link SettingsLoader}.
 */
public final class Key<T> {
    /** Turns a configured value into the key's type, or says what was expected. */
    private interface Parser<T> {
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

    /** A value read as it is, without a default here: its checks and its default are the loader's. */
    static Key<String> text(String name, String description) {
        return new Key<>(name, null, null, null, description, Setting::value);
    }

    static Key<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Key<>(name, defaultValue, null, null, description, setting -> {
            if (setting.value().equalsIgnoreCase("true")) {
                return true;
            }
            if (setting.value().equalsIgnoreCase("false")) {
                return false;
            }
            throw setting.invalid("expected true or false");
        });
    }

    static Key<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new Key<>(name, defaultValue, min, max, description, setting -> {
            try {
                int value = Integer.parseInt(setting.value());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with the expected range
            }
            throw setting.invalid("expected a whole number from " + min + " to " + max);
        });
    }

    static Key<Duration> duration(String name, Duration defaultValue, Duration min, Duration max, String description) {
        return new Key<>(name, defaultValue, min, max, description, setting -> {
            long millis = Durations.parseMillis(setting.value());
            if (millis < 0) {
                throw setting.invalid("expected " + Durations.EXPECTED);
            }
            Duration value = Duration.ofMillis(millis);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw setting.invalid("expected " + Durations.EXPECTED + " from " + Durations.format(min.toMillis())
                        + " to " + Durations.format(max.toMillis()));
            }
            return value;
        });
    }

    /** E.g. {@code logto.clock-skew}. */
    public String name() {
        return name;
    }

    /** The value when no source sets the key; null for a text key, whose default the loader derives. */
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
    T read(Setting setting) throws ConfigException {
        return setting == null ? defaultValue : parser.parse(setting);
    }
}

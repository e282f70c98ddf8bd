package dev.legacyguard.filter.config;

import java.time.Duration;

import dev.legacyguard.core.config.Key;
import dev.legacyguard.core.config.Setting;

/** The types the filter's values are read as, each with the filter's wording of what was expected. */
final class KeyTypes {

    private KeyTypes() {
    }

    /** A value read as it is, without a default here: its checks and its default are the loader's. */
    static Key<String> text(String name, String description) {
        return Key.of(name, null, null, null, description, Setting::value);
    }

    static Key<Boolean> bool(String name, boolean defaultValue, String description) {
        return Key.of(name, defaultValue, null, null, description, setting -> {
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
        return Key.of(name, defaultValue, min, max, description, setting -> {
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
        return Key.of(name, defaultValue, min, max, description, setting -> {
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
}

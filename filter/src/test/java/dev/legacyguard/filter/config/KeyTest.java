package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.legacyguard.core.config.Key;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Setting;
import dev.legacyguard.core.config.SourceKind;

/** Each key is declared once, with its type, default, bounds and description, and is read through that declaration. */
class KeyTest {

    private static Setting file(Key<?> key, String value) {
        return new Setting(key.name(), value, "file logto.properties", SourceKind.FILE);
    }

    @Test
    void aDurationIsReadAsADurationNotAsANumberOfUnits() throws ConfigException {
        assertEquals(Duration.ofMillis(1500), ConfigKeys.CLOCK_SKEW.read(file(ConfigKeys.CLOCK_SKEW, "1500ms")));
        assertEquals(Duration.ofMinutes(5), ConfigKeys.JWKS_REFRESH_INTERVAL.read(file(ConfigKeys.JWKS_REFRESH_INTERVAL, "5m")));
    }

    @Test
    void anUnsetKeyHasItsDeclaredDefault() throws ConfigException {
        assertEquals(Duration.ofSeconds(60), ConfigKeys.CLOCK_SKEW.read(null));
        assertEquals(10_000, ConfigKeys.TOKEN_CACHE_SIZE.read(null));
        assertEquals(true, ConfigKeys.REQUIRE_TYP.read(null));
    }

    @Test
    void aValueOutsideTheDeclaredBoundsNamesThem() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigKeys.JWKS_STALE_FOR.read(file(ConfigKeys.JWKS_STALE_FOR, "721h")));
        assertEquals("logto.jwks.stale-for = \"721h\" (from file logto.properties) is invalid: expected a duration"
                + " such as 500ms, 60s, 5m or 24h from 0s to 720h", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> ConfigKeys.TOKEN_CACHE_SIZE.read(file(ConfigKeys.TOKEN_CACHE_SIZE, "-1")));
        assertEquals("logto.token-cache.size = \"-1\" (from file logto.properties) is invalid: expected a whole number"
                + " from 0 to 1000000", e.getMessage());
    }

    @Test
    void everyDeclarationIsCompleteAndItsDefaultWithinItsBounds() {
        Set<String> names = new HashSet<>();
        for (Key<?> key : ConfigKeys.ALL) {
            assertTrue(names.add(key.name()), key.name() + " is declared twice");
            assertTrue(key.name().startsWith(ConfigKeys.PREFIX), key.name());
            assertFalse(key.description().trim().isEmpty(), key.name() + " has no description");
            assertEquals(key.min() == null, key.max() == null, key.name() + " has only one bound");
            if (key.min() != null) {
                assertTrue(withinBounds(key), key.name() + "'s default " + key.defaultValue() + " is outside "
                        + key.min() + ".." + key.max());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean withinBounds(Key<T> key) {
        Comparable<T> value = (Comparable<T>) key.defaultValue();
        return value.compareTo(key.min()) >= 0 && value.compareTo(key.max()) <= 0;
    }
}

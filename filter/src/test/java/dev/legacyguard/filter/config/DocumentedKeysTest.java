package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.legacyguard.core.config.Key;

import dev.legacyguard.filter.it.support.DocumentedKeys;

/** Every key the filter reads is in its reference, and the reference's key table lists none the filter does not read. */
class DocumentedKeysTest {

    /** The filter's reference, relative to this module; the one place to change when the docs move. */
    private static final Path DOCS = Path.of("..", "docs", "filter.md");
    /** The part of {@link #DOCS} to read; null: the whole file is the reference. */
    private static final String SECTION = null;

    private static List<String> declared() {
        List<String> keys = new ArrayList<>();
        for (Key<?> key : ConfigKeys.ALL) {
            keys.add(key.name());
        }
        keys.add(ConfigKeys.RULE_PREFIX + "N");
        return keys;
    }

    @Test
    void everyDeclaredKeyIsDocumented() {
        assertEquals(List.of(), DocumentedKeys.in(DOCS, SECTION).missing(declared()),
                "keys the filter reads that " + DOCS + " does not name as `key`");
    }

    @Test
    void theKeyTableListsOnlyDeclaredKeys() {
        Set<String> documented = DocumentedKeys.in(DOCS, SECTION).inTables();
        assertTrue(documented.size() > 10, "found only " + documented + " in the tables of " + DOCS);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(declared());
        assertEquals(Set.of(), unknown, "keys in the tables of " + DOCS + " that the filter does not read");
    }
}

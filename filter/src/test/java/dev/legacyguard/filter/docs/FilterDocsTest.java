package dev.legacyguard.filter.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.config.ConfigKeys;

/**
 * An administrator configures the filter from docs/filter.md alone, so every key the filter reads
 * has a row in its key table there (meaning and default). Rules are read by their prefix and
 * documented as {@code logto.rule.N}.
 */
class FilterDocsTest {

    private static final Path REFERENCE =
            Path.of(System.getProperty("basedir", ".")).resolve("../docs/filter.md").normalize();
    private static final Pattern KEY_ROW = Pattern.compile("(?m)^\\| `(logto\\.[^`]+)` \\|");

    @Test
    void everyKeyTheFilterReadsHasARowInTheReferenceTable() throws IOException {
        List<String> read = new ArrayList<>(ConfigKeys.FIXED);
        read.add(ConfigKeys.RULE_PREFIX + "N");
        read.removeAll(keyRows());
        assertEquals(List.of(), read, "keys the filter reads without a row '| `key` |' in " + REFERENCE);
    }

    private static List<String> keyRows() throws IOException {
        List<String> rows = new ArrayList<>();
        Matcher row = KEY_ROW.matcher(Files.readString(REFERENCE));
        while (row.find()) {
            rows.add(row.group(1));
        }
        return rows;
    }
}

package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration keys a Markdown reference documents, for the tests that hold the code's
 * declared keys and the docs to each other (the filter's and the agent's).
 */
public final class DocumentedKeys {

    /** A table row whose first cell is a key: {@code | `logto.clock-skew` | ...}. */
    private static final Pattern KEY_ROW = Pattern.compile("^\\|\\s*`(logto\\.[^`]+)`\\s*\\|", Pattern.MULTILINE);

    private final String text;

    private DocumentedKeys(String text) {
        this.text = text;
    }

    /**
     * The part of {@code doc} from the level-2 heading {@code section} to the next one, or the
     * whole file when {@code section} is null.
     */
    public static DocumentedKeys in(Path doc, String section) {
        String text;
        try {
            text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the docs at " + doc.toAbsolutePath(), e);
        }
        if (section == null) {
            return new DocumentedKeys(text);
        }
        int start = text.indexOf("\n" + section + "\n");
        if (start < 0) {
            throw new IllegalStateException("no heading \"" + section + "\" in " + doc.toAbsolutePath());
        }
        int end = text.indexOf("\n## ", start + 1);
        return new DocumentedKeys(text.substring(start, end < 0 ? text.length() : end));
    }

    /** The keys of {@code declared} that the docs never name as {@code `key`}. */
    public List<String> missing(Collection<String> declared) {
        List<String> missing = new ArrayList<>();
        for (String key : declared) {
            if (!text.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        return missing;
    }

    /** The keys that head a row of a table in the docs. */
    public Set<String> inTables() {
        Set<String> keys = new TreeSet<>();
        Matcher row = KEY_ROW.matcher(text);
        while (row.find()) {
            keys.add(row.group(1));
        }
        return keys;
    }
}

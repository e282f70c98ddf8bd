package dev.legacyguard.filter.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The entries of a {@code .properties} text in file order, each with the line it starts on.
 * {@link Properties} keeps only the last of two entries with the same key and forgets where
 * either was; the filter needs both to refuse a repeated key. Logical lines are found the way
 * {@link Properties#load(java.io.Reader)} finds them (comments, blank lines, a line ending in an
 * odd number of backslashes continued on the next one, whose leading white space is dropped); each
 * logical line is then handed to {@link Properties} itself, so separators, escapes and
 * {@code \\uXXXX} mean exactly what they mean there.
 */
final class PropertyLines {

    /** One key and value as {@link Properties} reads them, and the line its logical line starts on (from 1). */
    static final class Entry {
        final String key;
        final String value;
        final int line;

        Entry(String key, String value, int line) {
            this.key = key;
            this.value = value;
            this.line = line;
        }
    }

    private PropertyLines() {
    }

    /** @throws IllegalArgumentException naming the line, for a malformed {@code \\uXXXX} escape */
    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int line = 1;
        int startLine = 1;
        boolean skipWhiteSpace = true;
        boolean continued = false;
        boolean oddBackslashes = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            boolean endOfLine = c == '\n' || c == '\r';
            // Properties drops a final continuing backslash only when nothing at all follows it, not even the \n of \r\n.
            boolean endOfText = i >= text.length();
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                i++;
            }
            if (skipWhiteSpace) {
                if (c == ' ' || c == '\t' || c == '\f') {
                    continue;
                }
                if (endOfLine && !continued) {
                    line++;
                    continue;
                }
                skipWhiteSpace = false;
                continued = false;
            }
            if (logical.length() == 0 && (c == '#' || c == '!')) {
                // A comment ends at its line's end, even after a backslash.
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
                skipWhiteSpace = true;
                continue;
            }
            if (!endOfLine) {
                if (logical.length() == 0) {
                    startLine = line;
                }
                logical.append(c);
                oddBackslashes = c == '\\' && !oddBackslashes;
                continue;
            }
            line++;
            skipWhiteSpace = true;
            if (oddBackslashes && !endOfText) {
                logical.setLength(logical.length() - 1);
                continued = true;
                oddBackslashes = false;
            } else if (logical.length() > 0) {
                entries.add(entry(withoutContinuation(logical, oddBackslashes), startLine));
                logical.setLength(0);
                oddBackslashes = false;
            }
        }
        if (logical.length() > 0) {
            entries.add(entry(withoutContinuation(logical, oddBackslashes), startLine));
        }
        return Collections.unmodifiableList(entries);
    }

    /**
     * A backslash continuing a line at the end of the text continues nothing and is dropped; the
     * line still counts, even when that leaves it empty (Properties then reads an empty key).
     */
    private static String withoutContinuation(StringBuilder logical, boolean oddBackslashes) {
        return oddBackslashes ? logical.substring(0, logical.length() - 1) : logical.toString();
    }

    /** A logical line holds no line break and no comment, so {@link Properties} reads exactly one entry from it. */
    private static Entry entry(String logicalLine, int line) {
        if (logicalLine.isEmpty()) {
            return new Entry("", "", line);
        }
        Properties one = new Properties();
        try {
            one.load(new StringReader(logicalLine));
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
        }
        String key = one.stringPropertyNames().iterator().next();
        return new Entry(key, one.getProperty(key), line);
    }
}

package dev.legacyguard.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link PropertyLines} reads every text to the same keys and values as {@link Properties}, plus where each starts. */
class PropertyLinesTest {

    private static Map<String, String> lastWins(List<PropertyLines.Entry> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (PropertyLines.Entry entry : entries) {
            map.put(entry.key, entry.value);
        }
        return map;
    }

    private static Map<String, String> properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return ConfigSources.toMap(properties);
    }

    private static List<Integer> lines(String text) {
        List<Integer> lines = new ArrayList<>();
        for (PropertyLines.Entry entry : PropertyLines.parse(text)) {
            lines.add(entry.line);
        }
        return lines;
    }

    @Test
    void readsTheSameKeysAndValuesAsJavaUtilPropertiesForRandomTextOfItsSpecialCharacters() throws IOException {
        char[] alphabet = {'a', 'b', '.', '=', ':', ' ', '\t', '\f', '\\', '\\', '\n', '\r', '#', '!', 'u', '0', '4', '1', 'e'};
        Random random = new Random(20261204L);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String input = text.toString();
            Map<String, String> expected;
            try {
                expected = properties(input);
            } catch (IllegalArgumentException malformedEscape) {
                assertThrows(IllegalArgumentException.class, () -> PropertyLines.parse(input), input);
                continue;
            }
            assertEquals(expected, lastWins(PropertyLines.parse(input)), () -> "for " + Arrays.toString(input.toCharArray()));
        }
    }

    @Test
    void eachEntryStartsOnTheLineOfItsFirstCharacter() {
        assertEquals(Arrays.asList(2, 4, 8), lines("# c\n  a=1\n\nb=\\\n  2\\\r\n 3\r\n\n\tc 3"));
    }

    @Test
    void aCommentIsNotContinuedByABackslash() {
        assertEquals(Arrays.asList(2), lines("#a=\\\nb=2"));
        assertEquals("2", PropertyLines.parse("#a=\\\nb=2").get(0).value);
    }

    @Test
    void aBackslashAtTheVeryEndIsDropped() throws IOException {
        assertEquals("v", PropertyLines.parse("k=v\\").get(0).value);
        for (String text : Arrays.asList("\\", "\\\n", "\\\r", "\\\r\n", "k=v\\\r\n")) {
            assertEquals(properties(text), lastWins(PropertyLines.parse(text)), text);
        }
    }
}

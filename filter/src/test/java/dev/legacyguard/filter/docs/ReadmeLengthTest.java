package dev.legacyguard.filter.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The root README stays a page a newcomer reads through (what the project is, the two commands,
 * which jar, each product in three steps, the Console values, links); the reference lives in
 * docs/.
 */
class ReadmeLengthTest {

    private static final int MOST_LINES = 150;

    @Test
    void theReadmeHasAtMost150Lines() throws IOException {
        Path readme = Path.of(System.getProperty("basedir", ".")).resolve("../README.md").normalize();
        int lines = Files.readAllLines(readme, StandardCharsets.UTF_8).size();
        assertTrue(lines <= MOST_LINES, "README.md has " + lines + " lines; move detail into docs/ to keep it within "
                + MOST_LINES);
    }
}

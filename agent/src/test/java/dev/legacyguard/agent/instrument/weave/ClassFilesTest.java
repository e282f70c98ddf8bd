package dev.legacyguard.agent.instrument.weave;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ClassFilesTest {

    private final byte[] classFile;

    ClassFilesTest() throws IOException {
        classFile = ClassFiles.ofJdk("sun/net/www/protocol/http/HttpURLConnection");
        assertNotNull(classFile, "the JDK's HttpURLConnection class file");
    }

    @Test
    void theSameBytesInAnotherArrayAreTheSameClassFile() {
        assertTrue(ClassFiles.same(classFile, classFile.clone()));
    }

    @Test
    void anyChangedByteMakesAnotherClassFile() {
        for (int at : new int[] {0, 1, classFile.length / 2, classFile.length - 1}) {
            byte[] changed = classFile.clone();
            changed[at] ^= 1;
            assertFalse(ClassFiles.same(classFile, changed), "byte " + at + " changed");
        }
    }

    @Test
    void twoBytesSwappedMakeAnotherClassFile() {
        byte[] swapped = classFile.clone();
        int at = classFile.length / 3;
        byte first = swapped[at];
        swapped[at] = swapped[at + 1];
        swapped[at + 1] = first;
        assertFalse(swapped[at] == swapped[at + 1], "the test needs two different bytes");
        assertFalse(ClassFiles.same(classFile, swapped));
    }

    @Test
    void anotherLengthIsAnotherClassFile() {
        byte[] longer = java.util.Arrays.copyOf(classFile, classFile.length + 1);
        assertFalse(ClassFiles.same(classFile, longer));
        assertFalse(ClassFiles.same(longer, classFile));
    }
}

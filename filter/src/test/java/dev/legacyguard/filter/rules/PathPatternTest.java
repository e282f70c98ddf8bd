package dev.legacyguard.filter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void literalPathMatchesOnlyItself() {
        PathPattern pattern = PathPattern.compile("/api/products");
        assertTrue(pattern.matches("/api/products"));
        assertFalse(pattern.matches("/api/products/1"));
        assertFalse(pattern.matches("/api"));
        assertFalse(pattern.matches("/api/productsX"));
    }

    @Test
    void singleStarMatchesExactlyOneSegment() {
        PathPattern pattern = PathPattern.compile("/api/products/*");
        assertTrue(pattern.matches("/api/products/42"));
        assertFalse(pattern.matches("/api/products"));
        assertFalse(pattern.matches("/api/products/42/reviews"));
    }

    @Test
    void doubleStarMatchesAnyNumberOfSegmentsIncludingNone() {
        PathPattern pattern = PathPattern.compile("/api/**");
        assertTrue(pattern.matches("/api"));
        assertTrue(pattern.matches("/api/a"));
        assertTrue(pattern.matches("/api/a/b/c"));
        assertFalse(pattern.matches("/apix"));
        assertFalse(pattern.matches("/other/api"));
    }

    @Test
    void doubleStarInTheMiddleBacktracks() {
        PathPattern pattern = PathPattern.compile("/api/**/edit");
        assertTrue(pattern.matches("/api/edit"));
        assertTrue(pattern.matches("/api/a/b/edit"));
        assertTrue(pattern.matches("/api/edit/x/edit"));
        assertFalse(pattern.matches("/api/a/edit/x"));
    }

    @Test
    void rootDoubleStarMatchesEverythingAndRootMatchesOnlyRoot() {
        assertTrue(PathPattern.compile("/**").matches("/"));
        assertTrue(PathPattern.compile("/**").matches("/a/b"));
        assertTrue(PathPattern.compile("/").matches("/"));
        assertFalse(PathPattern.compile("/").matches("/a"));
    }

    @Test
    void starDoesNotMatchPartOfASegment() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/api/*.json"));
    }

    @Test
    void refusesPatternsThatCouldNeverMatchANormalisedPath() {
        assertEquals("the path \"api\" must start with /",
                assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("api")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/api/../admin"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/api%2Fadmin"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/api;x=1"));
    }

    @Test
    void trailingSlashInPatternIsIgnored() {
        assertTrue(PathPattern.compile("/api/items/").matches("/api/items"));
    }
}

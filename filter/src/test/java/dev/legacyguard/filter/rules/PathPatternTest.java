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

    @Test
    void organizationMatchesExactlyOneSegmentAndNamesIt() {
        PathPattern pattern = PathPattern.compile("/orgs/{organization}/projects/**");
        assertTrue(pattern.bindsOrganization());
        assertTrue(pattern.matches("/orgs/195o7u492pqf/projects"));
        assertTrue(pattern.matches("/orgs/195o7u492pqf/projects/7/tasks"));
        assertEquals("195o7u492pqf", pattern.organizationIn("/orgs/195o7u492pqf/projects/7/tasks"));
        assertFalse(pattern.matches("/orgs/projects"), "the organization segment cannot be left out");
        assertFalse(pattern.matches("/orgs/a/b/projects"), "nor be two segments");
    }

    @Test
    void organizationIsFoundAfterOneSegmentWildcardsAndAtTheEnd() {
        PathPattern pattern = PathPattern.compile("/*/tenants/{organization}");
        assertTrue(pattern.matches("/v2/tenants/org-a"));
        assertEquals("org-a", pattern.organizationIn("/v2/tenants/org-a"));
        assertFalse(pattern.matches("/v2/tenants/org-a/x"));
    }

    @Test
    void aPatternWithoutOrganizationNamesNone() {
        PathPattern pattern = PathPattern.compile("/orgs/*/projects/**");
        assertFalse(pattern.bindsOrganization());
        assertEquals(null, pattern.organizationIn("/orgs/a/projects"));
    }

    @Test
    void refusesTwoOrganizationsSoThatNoPathNamesTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathPattern.compile("/orgs/{organization}/peers/{organization}"));
        assertTrue(e.getMessage().contains("{organization} twice"), e.getMessage());
    }

    @Test
    void refusesOrganizationAfterDoubleStarSoThatTheSegmentIsNeverAmbiguous() {
        // /orgs/A/orgs/B would match with either A or B as the organization.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathPattern.compile("/**/orgs/{organization}/**"));
        assertTrue(e.getMessage().contains("after **"), e.getMessage());
    }

    @Test
    void refusesOtherPathVariablesAndOrganizationInsideASegment() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/orgs/{org}/projects"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/orgs/org-{organization}"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("/orgs/{organization"));
    }
}

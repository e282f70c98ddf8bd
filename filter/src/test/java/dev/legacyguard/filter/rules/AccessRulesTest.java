package dev.legacyguard.filter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static AccessRules rules(UnmatchedPolicy unmatched, String... texts) {
        AccessRule[] rules = new AccessRule[texts.length];
        for (int i = 0; i < texts.length; i++) {
            rules[i] = AccessRule.parse(i + 1, texts[i]);
        }
        return new AccessRules(Arrays.asList(rules), unmatched);
    }

    @Test
    void ruleRequiresAllItsScopes() {
        Requirement r = rules(UnmatchedPolicy.DENY, "GET /api/** : read:products write:products")
                .requirementFor("GET", "/api/x");
        assertEquals(Arrays.asList("read:products", "write:products"), r.scopes());
        assertFalse(r.satisfiedBy(Collections.singleton("read:products")));
        assertTrue(r.satisfiedBy(new HashSet<>(r.scopes())));
        assertEquals(Collections.singletonList("write:products"), r.missingFrom(Collections.singleton("read:products")));
    }

    @Test
    void firstMatchingRuleWins() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "* /api/public/** : public", "* /api/** : admin");
        assertTrue(rules.requirementFor("GET", "/api/public/x").isPublic());
        assertEquals("admin", rules.requirementFor("GET", "/api/other").scopeList());
    }

    @Test
    void ruleOnlyAppliesToItsMethods() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "GET,HEAD /api/** : read", "POST,PUT /api/** : write");
        assertEquals("read", rules.requirementFor("HEAD", "/api/x").scopeList());
        assertEquals("write", rules.requirementFor("PUT", "/api/x").scopeList());
        assertTrue(rules.requirementFor("DELETE", "/api/x").isDenied());
    }

    @Test
    void methodMatchIgnoresCaseSoLowerCaseMethodsCannotSlipPast() {
        AccessRules rules = rules(UnmatchedPolicy.PUBLIC, "DELETE /api/** : admin");
        assertEquals("admin", rules.requirementFor("delete", "/api/x").scopeList());
    }

    @Test
    void getRuleAlsoCoversHeadBecauseServletsAnswerHeadWithDoGet() {
        AccessRules rules = rules(UnmatchedPolicy.PUBLIC, "GET /api/** : read");
        assertEquals("read", rules.requirementFor("HEAD", "/api/x").scopeList());
    }

    @Test
    void headRuleDoesNotCoverGet() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "HEAD /api/** : public");
        assertTrue(rules.requirementFor("GET", "/api/x").isDenied());
    }

    @Test
    void starMethodMatchesEveryMethod() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "* /health : public");
        assertTrue(rules.requirementFor("PATCH", "/health").isPublic());
    }

    @Test
    void unmatchedRequestsFollowThePolicy() {
        assertEquals(Requirement.Kind.AUTHENTICATED, rules(UnmatchedPolicy.AUTHENTICATED).requirementFor("GET", "/x").kind());
        assertEquals(Requirement.Kind.DENY, rules(UnmatchedPolicy.DENY).requirementFor("GET", "/x").kind());
        assertEquals(Requirement.Kind.PUBLIC, rules(UnmatchedPolicy.PUBLIC).requirementFor("GET", "/x").kind());
    }

    @Test
    void requirementNamesTheRuleItCameFrom() {
        Requirement r = new AccessRules(Collections.singletonList(AccessRule.parse(20, "GET /a : s")), UnmatchedPolicy.DENY)
                .requirementFor("GET", "/a");
        assertEquals("logto.rule.20", r.origin());
    }

    @Test
    void scopesSupportedIsTheSortedUnionOfRuleScopes() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "GET /a : b a", "GET /b : c a", "GET /c : public");
        assertEquals(Arrays.asList("a", "b", "c"), new java.util.ArrayList<>(rules.scopes()));
    }

    @Test
    void bypassAttemptsThroughPathTricksStillHitTheProtectedRule() throws Exception {
        AccessRules rules = rules(UnmatchedPolicy.PUBLIC, "* /api/admin/** : admin");
        List<String> tricks = Arrays.asList("/api/admin", "//api//admin/", "/api;x=1/admin;jsessionid=2",
                "/api/%61dmin/users", "/api/admin/");
        for (String trick : tricks) {
            assertEquals("admin", rules.requirementFor("GET", RequestPath.normalize(trick)).scopeList(), trick);
        }
    }

    @Test
    void parsesSpacesAroundCommasAndAColonAgainstThePath() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "GET , HEAD /a: x, y");
        assertEquals("x y", rules.requirementFor("HEAD", "/a").scopeList());
    }

    @Test
    void rejectsRuleWithoutColon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccessRule.parse(1, "GET /a read"));
        assertTrue(e.getMessage().startsWith("no ':' between the path and the scopes"), e.getMessage());
    }

    @Test
    void rejectsRuleWithoutScopes() {
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse(1, "GET /a :"));
    }

    @Test
    void rejectsPublicMixedWithScopes() {
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse(1, "GET /a : public read"));
    }

    @Test
    void rejectsMalformedMethods() {
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse(1, "GET;POST /a : read"));
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse(1, "GET,,POST /a : read"));
    }

    @Test
    void rejectsRuleWithOnlyOneWord() {
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse(1, "/api/**"));
    }

    @Test
    void rejectsScopeWithAQuote() {
        assertThrows(IllegalArgumentException.class, () -> AccessRule.parse(1, "GET /a : re\"ad"));
    }

    @Test
    void aRuleThatNamesAnOrganizationRequiresTheOneInThePath() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "GET /orgs/{organization}/projects/** : read:projects");
        Requirement requirement = rules.requirementFor("GET", "/orgs/org-a/projects/1");
        assertEquals("org-a", requirement.organization());
        assertEquals(List.of("read:projects"), requirement.scopes());
        assertEquals("logto.rule.1", requirement.origin());
        assertEquals(null, rules.requirementFor("GET", "/orgs/org-a").organization());
        assertTrue(rules.bindOrganizations());
        assertFalse(rules(UnmatchedPolicy.DENY, "GET /api/** : read").bindOrganizations());
    }

    @Test
    void anOverrideUnderTheSameOrganizationRuleIsOneRequirement() {
        AccessRules rules = rules(UnmatchedPolicy.DENY, "GET,POST /orgs/{organization}/** : read:projects");
        Requirement requirement = rules.requirementFor("GET", List.of("POST"), "/orgs/org-a/x");
        assertEquals("logto.rule.1", requirement.origin());
        assertEquals("org-a", requirement.organization());
    }

    @Test
    void overridesUnderRulesNamingDifferentOrganizationsAreDenied() {
        AccessRules rules = rules(UnmatchedPolicy.AUTHENTICATED,
                "GET /orgs/{organization}/** : read:projects", "POST /orgs/*/peers/{organization} : write:projects");
        Requirement requirement = rules.requirementFor("GET", List.of("POST"), "/orgs/org-a/peers/org-b");
        assertTrue(requirement.isDenied(), requirement.toString());
        assertTrue(requirement.origin().contains("different organizations [org-a, org-b]"), requirement.origin());
    }

    @Test
    void anOverrideUnderAPlainRuleKeepsTheOrganizationOfTheOther() {
        AccessRules rules = rules(UnmatchedPolicy.AUTHENTICATED,
                "GET /orgs/{organization}/** : read:projects", "DELETE /orgs/** : admin");
        Requirement requirement = rules.requirementFor("GET", List.of("DELETE"), "/orgs/org-a/x");
        assertEquals("org-a", requirement.organization());
        assertEquals(List.of("read:projects", "admin"), requirement.scopes());
    }

    @Test
    void rejectsAPublicRuleThatNamesAnOrganization() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccessRule.parse(1, "GET /orgs/{organization}/** : public"));
        assertTrue(e.getMessage().contains("list the scopes"), e.getMessage());
    }
}

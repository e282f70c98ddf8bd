package dev.legacyguard.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo's verdicts: what counts as the expected outcome, and what does not. */
class ExpectationTest {

    private static ClientCall call(String line) {
        return ClientCall.parse(line).orElseThrow(() -> new AssertionError("not a client line: " + line));
    }

    @Test
    void readsTheClientsLineWithChallengeAndBody() {
        ClientCall c = call("[client] ApacheHttpClient POST /api/products -> 403 | WWW-Authenticate: Bearer realm=\"x\", "
                + "error=\"insufficient_scope\", scope=\"write:products\" | body: {\"error\":\"insufficient_scope\"}");
        assertEquals("ApacheHttpClient", c.client());
        assertEquals("POST", c.method());
        assertEquals(403, c.status());
        assertEquals("Bearer realm=\"x\", error=\"insufficient_scope\", scope=\"write:products\"", c.challenge());
        assertEquals("{\"error\":\"insufficient_scope\"}", c.body());
    }

    @Test
    void summarisesAChallengeByItsErrorAndScope() {
        ClientCall c = call("[client] HttpURLConnection POST /api/products -> 403 | WWW-Authenticate: Bearer realm=\"r\", "
                + "resource_metadata=\"http://x/.well-known/oauth-protected-resource\", error=\"insufficient_scope\", "
                + "error_description=\"needs write:products\", scope=\"write:products\" | body: {}");
        assertEquals("403 Bearer error=\"insufficient_scope\", scope=\"write:products\"", c.summary());
    }

    @Test
    void summarisesAChallengeWithoutErrorByItsRealm() {
        ClientCall c = call("[client] HttpURLConnection GET /api/products -> 401 | WWW-Authenticate: Bearer realm=\"r\", "
                + "resource_metadata=\"m\" | body: {}");
        assertEquals("401 Bearer realm=\"r\"", c.summary());
    }

    @Test
    void acceptsA401OnlyWithABearerChallengeThatNamesNoError() {
        Expectation e = Expectation.challenge("GET");
        assertTrue(e.isMetBy(call("[client] HttpURLConnection GET /api/products -> 401 | WWW-Authenticate: Bearer realm=\"r\" | body: {}")));
        assertFalse(e.isMetBy(call("[client] HttpURLConnection GET /api/products -> 401 | body: {}")));
        assertFalse(e.isMetBy(call("[client] HttpURLConnection GET /api/products -> 401 | WWW-Authenticate: Bearer error=\"invalid_token\" | body: {}")));
    }

    @Test
    void acceptsA403OnlyWhenItNamesTheMissingScope() {
        Expectation e = Expectation.insufficientScope("POST", "reader-app", "write:products");
        assertTrue(e.isMetBy(call("[client] HttpURLConnection POST /api/products -> 403 | WWW-Authenticate: Bearer "
                + "error=\"insufficient_scope\", scope=\"write:products\" | body: {}")));
        assertFalse(e.isMetBy(call("[client] HttpURLConnection POST /api/products -> 403 | WWW-Authenticate: Bearer "
                + "error=\"insufficient_scope\", scope=\"read:products\" | body: {}")));
    }

    @Test
    void acceptsA200OnlyWhenTheServletSawTheExpectedCaller() {
        Expectation e = Expectation.allowed("GET", "editor-app", "read:products");
        assertTrue(e.isMetBy(call("[client] ApacheHttpClient GET /api/products -> 200 | body: {\"caller\":\"editor-app\",\"products\":[]}")));
        assertFalse(e.isMetBy(call("[client] ApacheHttpClient GET /api/products -> 200 | body: {\"caller\":null,\"products\":[]}")));
    }

    @Test
    void countsACallTheClientNeverReportedAsAFailure() {
        Scenario noAgent = Scenario.all("r", "e").get(0);
        List<Outcome> outcomes = Demo.outcomes(noAgent, List.of(
                call("[client] HttpURLConnection GET /api/products -> 401 | WWW-Authenticate: Bearer realm=\"r\" | body: {}")));
        assertEquals(4, outcomes.size());
        assertEquals(1, outcomes.stream().filter(Outcome::asExpected).count());
    }

    @Test
    void treatsAClientErrorAsNoAnswer() {
        ClientCall c = call("[client] HttpURLConnection GET /api/products -> ERROR | error: java.io.IOException: token endpoint refused");
        assertEquals(-1, c.status());
        assertFalse(Expectation.challenge("GET").isMetBy(c));
    }
}

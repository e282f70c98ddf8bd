package dev.legacyguard.filter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.testissuer.TestIssuer;

class MainTest {
    static final String API = "https://api.example.com";
    static final String OTHER_API = "https://other.example.com";

    @TempDir
    static Path dir;
    static TestIssuer issuer;
    static String config;
    static String readerToken;
    static String tokenInOrgA;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        issuer = TestIssuer.builder()
                .resource(API, 3600, "read:products", "write:products")
                .resource(OTHER_API, 3600, "read:products")
                .app("reader", "reader-secret", API, "read:products")
                .app("reader", "reader-secret", OTHER_API, "read:products")
                .organization("org-a")
                .organizationMember("org-a", "reader")
                .organizationGrant("org-a", "reader", API, "read:products")
                .start();
        readerToken = issuer.accessToken("reader", "reader-secret", API, "read:products");
        tokenInOrgA = issuer.accessTokenIn("org-a", "reader", "reader-secret", API, "read:products");
        Path file = dir.resolve("logto.properties");
        Files.writeString(file, "logto.endpoint=" + issuer.endpoint() + "\n"
                + "logto.audience=" + API + "\n"
                + "logto.rule.1=* /health : public\n"
                + "logto.rule.2=GET /api/products/** : read:products\n"
                + "logto.rule.3=DELETE /api/products/** : write:products\n"
                + "logto.rule.4=GET /orgs/{organization}/** : read:products\n");
        config = file.toString();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    private static Run run(String stdin, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Collections.emptyMap(), environment);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run("", Collections.emptyMap(), args);
    }

    @Test
    void anOrganizationBoundRuleShowsTheOrganizationCheck() {
        Run passing = run("explain", "--config", config, "--path", "/orgs/org-a/projects", tokenInOrgA);
        assertEquals(0, passing.exit(), passing.out());
        assertTrue(passing.out().contains("PASS org       GET /orgs/org-a/projects falls under logto.rule.4, which names"
                + " organization org-a; the token is for it"), passing.out());

        Run refused = run("explain", "--config", config, "--path", "/orgs/org-b/projects", tokenInOrgA);
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains("FAIL org       the token is for organization 'org-a' but the path names"
                + " organization 'org-b' (logto.rule.4); request a token with organization_id=org-b"), refused.out());
        assertTrue(refused.out().contains("SKIP scopes"), refused.out());
        assertTrue(refused.out().endsWith("REFUSED (403 insufficient_scope): see the org check" + System.lineSeparator()),
                refused.out());
    }

    @Test
    void acceptedTokenPassesEveryCheckAndExitsZero() {
        Run run = run("explain", "--config", config, readerToken);
        assertEquals(0, run.exit(), run.out());
        for (String check : new String[] {"format", "typ", "alg", "key", "signature", "iss", "aud", "exp", "nbf"}) {
            assertTrue(run.out().contains("PASS " + String.format("%-9s", check)), check + " in " + run.out());
        }
        assertTrue(run.out().contains("INFO scopes    granted: read:products"), run.out());
        assertTrue(run.out().endsWith("ACCEPTED" + System.lineSeparator()), run.out());
    }

    /** A request would be answered 503 after waiting 0 ms for the first fetch; explain waits for it. */
    @Test
    void waitsForTheKeysHoweverShortlyRequestsWait() {
        Run run = run("", Map.of("LOGTO_JWKS_WAIT", "0ms"), "explain", "--config", config, readerToken);
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().endsWith("ACCEPTED" + System.lineSeparator()), run.out());
    }

    @Test
    void tokenForAnotherApiFailsTheAudienceCheckAndExitsOne() {
        String other = issuer.accessToken("reader", "reader-secret", OTHER_API, "read:products");
        Run run = run("explain", "--config", config, other);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL aud"), run.out());
        assertTrue(run.out().contains("REFUSED (401 invalid_token): aud: "), run.out());
    }

    @Test
    void opaqueTokenFailsTheFormatCheck() {
        Run run = run("explain", "--config", config, "2YotnFZFEjr1zCsicMWpAA");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("FAIL format"), run.out());
    }

    @Test
    void missingScopeForTheGivenRequestIsNamed() {
        Run run = run("explain", "--config", config, "--method", "DELETE", "--path", "/api/products/1", readerToken);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL scopes    DELETE /api/products/1 falls under logto.rule.3, which requires"
                + " write:products; missing: write:products (granted: read:products)"), run.out());
        assertTrue(run.out().contains("REFUSED (403)"), run.out());
    }

    @Test
    void grantedScopeForTheGivenRequestPasses() {
        Run run = run("explain", "--config", config, "--path", "/api/products/1", readerToken);
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("PASS scopes    GET /api/products/1 falls under logto.rule.2"), run.out());
    }

    @Test
    void ambiguousPathIsReportedAsTheFilterWouldAnswerIt() {
        Run run = run("explain", "--config", config, "--path", "/api/products/../admin", readerToken);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("the filter answers 400"), run.out());
    }

    /** The verdict is the filter's own decision: it answers 400, not 401, for a credential that is not one token word. */
    @Test
    void credentialThatIsNotATokenWordIsRefusedWith400AsTheFilterAnswers() {
        Run run = run("explain", "--config", config, "--path", "/api/products/1", "not\"a-token");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL format"), run.out());
        assertTrue(run.out().contains("REFUSED (400 invalid_request): the Bearer credential is malformed"), run.out());
    }

    @Test
    void publicPathIsAcceptedWhateverTheTokenAsTheFilterDoes() {
        Run run = run("explain", "--config", config, "--path", "/health", "2YotnFZFEjr1zCsicMWpAA");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL format"), run.out());
        assertTrue(run.out().contains("PASS scopes    GET /health falls under logto.rule.1: public, no token needed"), run.out());
        assertTrue(run.out().endsWith("ACCEPTED" + System.lineSeparator()), run.out());
    }

    @Test
    void tokenCanComeFromStandardInput() {
        Run run = run(readerToken + "\n", Collections.emptyMap(), "explain", "--config", config, "-");
        assertEquals(0, run.exit(), run.out());
    }

    @Test
    void environmentOverridesTheFileAsInTheFilter() {
        Run run = run("", Collections.singletonMap("LOGTO_AUDIENCE", OTHER_API), "explain", "--config", config, readerToken);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL aud"), run.out());
    }

    @Test
    void badConfigurationExitsTwoWithTheOneLineMessage() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "logto.endpoint=" + issuer.endpoint() + "\nlogto.audience=" + API + "\nlogto.clock-skew=soon\n");
        Run run = run("explain", "--config", bad.toString(), readerToken);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("error: logto.clock-skew = \"soon\""), run.err());
    }

    @Test
    void missingConfigFileExitsTwo() {
        Run run = run("explain", "--config", dir.resolve("nope.properties").toString(), readerToken);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("names no readable file"), run.err());
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwo() {
        Run run = run();
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("usage: java -jar"), run.err());
    }

    @Test
    void missingConfigOptionIsAUsageError() {
        Run run = run("explain", readerToken);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("error: --config FILE is required"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("explain", "--config", config, "--verbose", readerToken);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("error: unknown option --verbose"), run.err());
    }

    @Test
    void methodWithoutPathIsAUsageError() {
        assertEquals(2, run("explain", "--config", config, "--method", "GET", readerToken).exit());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Run run = run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("usage: java -jar"), run.out());
    }
}

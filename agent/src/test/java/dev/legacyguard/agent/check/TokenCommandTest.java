package dev.legacyguard.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.testissuer.TestIssuer;

class TokenCommandTest {

    private static final String APP = "pat-tester";
    private static final String SECRET = "token-command-secret-4242";
    private static final String M2M_ONLY = "m2m-only";
    private static final String USER = "olcbpj0f2hiw";
    private static final String PAT = "pat_c2VjcmV0LXBhdC12YWx1ZQ";
    private static final String ORG = "195o7u492pqf";

    private static TestIssuer issuer;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.builder()
                .resource("https://api.shop", 3600, "read:products", "write:products")
                .resource("https://api.billing", 600, "read")
                .app(APP, SECRET, "https://api.shop", "read:products")
                .app(APP, SECRET, "https://api.billing", "read")
                .allowTokenExchange(APP)
                .app(M2M_ONLY, SECRET, "https://api.shop", "read:products")
                .user(USER, PAT, "https://api.shop", "read:products", "write:products")
                .organization(ORG)
                .organizationMember(ORG, APP)
                .organizationGrant(ORG, APP, "https://api.shop", "read:products")
                .start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    private Path config(String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "logto.endpoint=" + issuer.endpoint(),
                "logto.app-id=" + APP,
                "logto.resource.shop.indicator=https://api.shop",
                "logto.resource.shop.urls=https://shop.internal/api/",
                "logto.resource.shop.scopes=read:products write:products"));
        lines.addAll(List.of(extraLines));
        Path file = dir.resolve("agent.properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        environment.put("LOGTO_APP_SECRET", SECRET);
        return file;
    }

    private int token(String stdin, String... args) {
        return TokenCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true), new PrintStream(stderr, true), environment, new Properties());
    }

    private String out() {
        return new String(stdout.toByteArray(), StandardCharsets.UTF_8);
    }

    private String err() {
        return new String(stderr.toByteArray(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> printedClaims() throws Exception {
        String jwt = out().trim();
        return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void withoutAPersonalAccessTokenPrintsOnlyTheAppsTokenOnStandardOutput() throws Exception {
        assertEquals(0, token("", "token", config().toString()), err());
        assertTrue(out().matches("ey[A-Za-z0-9_.-]+" + System.lineSeparator()), out());
        Map<String, Object> claims = printedClaims();
        assertEquals(APP, claims.get("sub"));
        assertEquals("https://api.shop", claims.get("aud"));
        assertTrue(err().contains("token sha256:"), err());
        assertTrue(err().contains(" for resource 'shop' (https://api.shop) from client credentials of app " + APP
                + ", scopes read:products, expires in 3600 s"), err());
        assertTrue(err().contains("MISSING SCOPES write:products (Logto dropped them); fix: in Logto Console, assign an"
                + " M2M role that holds them to app " + APP), err());
        assertFalse(err().contains(out().trim()), "the token goes to standard output only");
    }

    @Test
    void aPersonalAccessTokenFromStandardInputGivesTheUsersToken() throws Exception {
        assertEquals(0, token(PAT + "\n", "token", config().toString(), "--personal-access-token", "-"), err());
        Map<String, Object> claims = printedClaims();
        assertEquals(USER, claims.get("sub"));
        assertEquals(APP, claims.get("client_id"));
        assertEquals("read:products write:products", claims.get("scope"));
        assertTrue(err().contains("from personal access token sha256:"), err());
        assertTrue(err().contains(" exchanged by app " + APP + ", scopes read:products write:products, expires in 3600 s"),
                err());
        assertFalse(err().contains(PAT) || out().contains(PAT), "the personal access token is never printed");
        assertFalse(err().contains("shell history"), err());
    }

    @Test
    void aPersonalAccessTokenOnTheCommandLineWorksButWarnsAboutTheShellHistory() throws Exception {
        assertEquals(0, token("", "token", config().toString(), "--personal-access-token", PAT), err());
        assertEquals(USER, printedClaims().get("sub"));
        assertTrue(err().contains("note: a personal access token given on the command line stays in the shell history"),
                err());
    }

    @Test
    void anAppNotAllowedTokenExchangeIsToldWhereToTurnItOnAndPrintsNoToken() throws IOException {
        Path file = config();
        environment.put("LOGTO_APP_ID", M2M_ONLY);
        assertEquals(1, token(PAT, "token", file.toString(), "--personal-access-token", "-"), err());
        assertEquals("", out());
        assertTrue(err().contains("no token for resource 'shop' (https://api.shop) from personal access token sha256:"),
                err());
        assertTrue(err().contains("token endpoint answered 400 invalid_request (requested grant type is not allowed for "
                + "this client); fix: app " + M2M_ONLY + " may not exchange tokens: in Logto Console, open Applications, app "
                + M2M_ONLY + ", and turn on \"Allow token exchange\" in its \"Token exchange\" section"), err());
    }

    @Test
    void aWrongPersonalAccessTokenIsToldToBeCheckedOrCreated() throws IOException {
        assertEquals(1, token("pat_wrong\n", "token", config().toString(), "--personal-access-token", "-"), err());
        assertEquals("", out());
        assertTrue(err().contains("answered 400 invalid_grant (grant request is invalid); fix: the personal access token"
                + " is unknown, expired or deleted: check it, or create one in Logto Console (User management, the user's"
                + " details, \"Personal access tokens\""), err());
        assertFalse(err().contains("pat_wrong"), err());
    }

    @Test
    void anEmptyStandardInputIsAUsageError() throws IOException {
        assertEquals(2, token("", "token", config().toString(), "--personal-access-token", "-"));
        assertTrue(err().contains("no personal access token: give it with --personal-access-token -, on standard input"),
                err());
        assertEquals("", out());
    }

    @Test
    void aResourceInAnOrganizationGetsTheAppsTokenNamingIt() throws Exception {
        assertEquals(0, token("", "token", config("logto.resource.shop.organization-id=" + ORG).toString()), err());
        assertEquals(ORG, printedClaims().get("organization_id"));
    }

    @Test
    void severalResourcesNeedTheResourceNamed() throws Exception {
        Path file = config("logto.resource.billing.indicator=https://api.billing",
                "logto.resource.billing.urls=https://billing.internal/", "logto.resource.billing.scopes=read");
        assertEquals(2, token("", "token", file.toString()));
        assertTrue(err().contains("the configuration has several resources: name one with --resource NAME; configured: "),
                err());
        assertEquals(0, token("", "token", file.toString(), "--resource", "billing"), err());
        assertEquals("https://api.billing", printedClaims().get("aud"));
    }

    @Test
    void anUnknownResourceNameListsTheConfiguredOnes() throws IOException {
        assertEquals(2, token("", "token", config().toString(), "--resource", "shopp"));
        assertTrue(err().contains("no resource 'shopp' in the configuration; configured: shop"), err());
    }

    @Test
    void aWrongCommandLinePrintsTheUsage() {
        assertEquals(2, token("", "token"));
        assertTrue(err().startsWith("usage: java -jar logto-agent.jar token CONFIG [--resource NAME]"), err());
        assertEquals(2, token("", "token", "a.properties", "--resource"));
        assertEquals(2, token("", "token", "a.properties", "--unknown", "x"));
    }
}

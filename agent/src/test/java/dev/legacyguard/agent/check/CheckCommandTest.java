package dev.legacyguard.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.testissuer.TestIssuer;

class CheckCommandTest {

    private static final String APP = "m2m-app";
    private static final String SECRET = "check-secret-98765";

    private static final String ORG = "195o7u492pqf";
    private static final String OTHER_ORG = "x7ut9qaa01bc";

    private static TestIssuer issuer;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.builder()
                .resource("https://api.shop", 3600, "read:products", "admin:all")
                .resource("https://api.billing", 3600, "read")
                .app(APP, SECRET, "https://api.shop", "read:products")
                .app(APP, SECRET, "https://api.billing", "read")
                .organization(ORG, "read:inventory", "write:inventory")
                .organizationMember(ORG, APP, "read:inventory")
                .organizationGrant(ORG, APP, "https://api.shop", "read:products")
                .organization(OTHER_ORG, "read:inventory")
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
                "logto.resource.shop.scopes=read:products"));
        lines.addAll(List.of(extraLines));
        Path file = dir.resolve("agent.properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        environment.put("LOGTO_APP_SECRET", SECRET);
        return file;
    }

    private int check(String... args) {
        return CheckCommand.run(args, new PrintStream(printed, true), environment, new Properties());
    }

    private String output() {
        return new String(printed.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void everyResourceGrantedExitsZeroAndListsTheGrantedScopes() throws IOException {
        Path file = config("logto.resource.billing.indicator=https://api.billing",
                "logto.resource.billing.urls=https://billing.internal/", "logto.resource.billing.scopes=read");
        assertEquals(0, check("check", file.toString()), output());
        assertTrue(output().contains("config: ok; token endpoint " + issuer.tokenEndpoint() + ", app " + APP + ", secret sha256:"),
                output());
        assertTrue(output().contains("resource 'shop' (https://api.shop, urls [https://shop.internal/api/]): ok, token "
                + "sha256:"), output());
        assertTrue(output().contains(" with scopes read:products, expires in 3600 s"), output());
        assertTrue(output().contains("resource 'billing' (https://api.billing, urls [https://billing.internal/]): ok"), output());
        assertTrue(output().endsWith("all 2 resource(s) ok" + System.lineSeparator()), output());
    }

    @Test
    void acceptsTheConfigEqualsFormWithoutTheCheckWord() throws IOException {
        assertEquals(0, check("config=" + config()), output());
    }

    @Test
    void droppedScopesAreNamedWithTheFixAndExitOne() throws IOException {
        Path file = config("logto.resource.shop.scopes=read:products admin:all");
        assertEquals(1, check("check", file.toString()), output());
        assertTrue(output().contains("MISSING SCOPES admin:all (Logto dropped them; token sha256:"), output());
        assertTrue(output().contains("fix: in Logto Console, assign an M2M role that holds them to app " + APP), output());
        assertTrue(output().contains("1 of 1 resource(s) have problems"), output());
    }

    @Test
    void anAppOutsideTheOrganizationIsToldToJoinItWithAnOrganizationRole() throws IOException {
        Path file = config("logto.resource.shop.organization-id=" + OTHER_ORG);
        assertEquals(1, check("check", file.toString()), output());
        assertTrue(output().contains("resource 'shop' (https://api.shop in organization " + OTHER_ORG + ", urls "
                + "[https://shop.internal/api/]): FAILED: token endpoint answered 403 access_denied (app has not "
                + "associated with the organization); fix: app " + APP + " is not a member of organization " + OTHER_ORG
                + ": in Logto Console, open Organizations, the organization, add app " + APP + " to its machine-to-machine"
                + " apps and give it an organization role; or fix logto.resource.shop.organization-id"), output());
    }

    @Test
    void anOrganizationResourceGrantedItsScopesIsOk() throws IOException {
        Path file = config("logto.resource.shop.organization-id=" + ORG);
        assertEquals(0, check("check", file.toString()), output());
        assertTrue(output().contains("resource 'shop' (https://api.shop in organization " + ORG + ", urls "
                + "[https://shop.internal/api/]): ok, token sha256:"), output());
    }

    @Test
    void droppedOrganizationPermissionsNameTheOrganizationRoleFix() throws IOException {
        Path file = config("logto.resource.inventory.organization-id=" + ORG,
                "logto.resource.inventory.urls=https://inventory.internal/",
                "logto.resource.inventory.scopes=read:inventory write:inventory");
        assertEquals(1, check("check", file.toString()), output());
        assertTrue(output().contains("resource 'inventory' (urn:logto:organization:" + ORG + ", urls "
                + "[https://inventory.internal/]): MISSING SCOPES write:inventory (Logto dropped them; token sha256:"),
                output());
        assertTrue(output().contains("with scopes read:inventory, expires in 3600 s); fix: in Logto Console, open "
                + "Organizations, organization " + ORG + ", and give app " + APP + " an organization role that holds them"
                + " (organization permissions)"), output());
    }

    @Test
    void unknownIndicatorSaysToCreateTheApiResource() throws IOException {
        Path file = config("logto.resource.shop.indicator=https://api.unknown");
        assertEquals(1, check("check", file.toString()), output());
        assertTrue(output().contains("resource 'shop' (https://api.unknown, urls [https://shop.internal/api/]): FAILED: "
                + "token endpoint answered 400 invalid_target"), output());
        assertTrue(output().contains("fix: create an API resource with the indicator https://api.unknown in Logto Console"),
                output());
    }

    @Test
    void wrongSecretSaysToCheckTheCredentialsWithoutPrintingThem() throws IOException {
        Path file = config();
        environment.put("LOGTO_APP_SECRET", "not-the-secret");
        assertEquals(1, check("check", file.toString()), output());
        assertTrue(output().contains("FAILED: token endpoint answered 401 invalid_client"), output());
        assertTrue(output().contains("fix: check logto.app-id and logto.app-secret"), output());
        assertFalse(output().contains("not-the-secret"), output());
    }

    @Test
    void unreachableEndpointSaysToCheckTheEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = config("logto.endpoint=http://127.0.0.1:" + closedPort);
        assertEquals(1, check("check", file.toString()), output());
        assertTrue(output().contains("FAILED: token endpoint could not reach it (ConnectException"), output());
        assertTrue(output().contains("fix: check logto.endpoint and that this machine can reach it"), output());
    }

    @Test
    void badConfigurationExitsTwoWithTheKey() throws IOException {
        Path file = config("logto.resource.shop.urls=https://shop.internal@evil.com/");
        assertEquals(2, check("check", file.toString()), output());
        assertTrue(output().startsWith("config: ERROR logto.resource.shop.urls = 'https://***@evil.com/' (file "),
                output());
    }

    @Test
    void configWarningsArePrinted() throws IOException {
        assertEquals(0, check("check", config("logto.resource.shop.scope=read").toString()), output());
        assertTrue(output().contains("did you mean logto.resource.shop.scopes?"), output());
    }

    @Test
    void missingArgumentPrintsUsageAndExitsTwo() {
        assertEquals(2, check("check"));
        assertTrue(output().startsWith("usage: java -jar logto-agent.jar check CONFIG"), output());
    }

    @Test
    void secretIsNeverPrinted() throws IOException {
        check("check", config("logto.resource.shop.scopes=read:products admin:all").toString());
        assertFalse(output().contains(SECRET), output());
    }
}

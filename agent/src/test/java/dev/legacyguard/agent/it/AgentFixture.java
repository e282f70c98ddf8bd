package dev.legacyguard.agent.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.legacyguard.testissuer.TestIssuer;

/**
 * What every forked-JVM test shares, started once per test JVM: the real issuer, the loopback
 * APIs (plain http on two ports, https with a self-signed certificate) and config files.
 */
final class AgentFixture {

    static final String SHOP = "https://shop.test/api";
    static final String BILLING = "https://billing.test/api";
    static final String APP_ID = "legacy-service";
    static final String APP_SECRET = "legacy-service-secret";
    /** A Logto organization the app is a member of, whose organization roles grant read:products on SHOP. */
    static final String ORGANIZATION = "195o7u492pqf";
    /** An app allowed token exchange, and a user's personal access token it exchanges. */
    static final String EXCHANGER_ID = "pat-tester";
    static final String EXCHANGER_SECRET = "pat-tester-secret";
    static final String USER_ID = "olcbpj0f2hiw";
    static final String PERSONAL_ACCESS_TOKEN = "pat_bGVnYWN5LXNlcnZpY2UtdXNlcg";
    /** An app whose credentials change under form and URL encoding, so that every encoding of them can be looked for. */
    static final String ODD_APP_ID = "legacy:service+odd";
    static final String ODD_APP_SECRET = "odd+secret/with:?&=%chars";

    private static AgentFixture shared;

    final TestIssuer issuer;
    final ResourceServer api;
    final ResourceServer otherPort;
    final ResourceServer secure;
    final FilteredApi filteredApi;
    final SelfSignedCertificate certificate;
    final Path dir;

    private AgentFixture() throws Exception {
        // In target/ so the config and scenario files a failed run's command names can still be
        // read; emptied first because keytool will not overwrite an earlier run's key store.
        dir = ForkedJvm.inTarget("agent-it");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        issuer = TestIssuer.builder()
                .resource(SHOP, 3600, "read:products", "write:products")
                .resource(BILLING, 3600, "read:invoices")
                .app(APP_ID, APP_SECRET, SHOP, "read:products")
                .app(APP_ID, APP_SECRET, BILLING, "read:invoices")
                .app(ODD_APP_ID, ODD_APP_SECRET, SHOP, "read:products")
                .organization(ORGANIZATION)
                .organizationMember(ORGANIZATION, APP_ID)
                .organizationGrant(ORGANIZATION, APP_ID, SHOP, "read:products")
                .app(EXCHANGER_ID, EXCHANGER_SECRET, SHOP)
                .allowTokenExchange(EXCHANGER_ID)
                .user(USER_ID, PERSONAL_ACCESS_TOKEN, SHOP, "read:products", "write:products")
                .start();
        certificate = SelfSignedCertificate.create(dir);
        api = ResourceServer.http();
        otherPort = ResourceServer.http();
        secure = ResourceServer.https(certificate.keyStore(), certificate.password().toCharArray());
        filteredApi = new FilteredApi(issuer.endpoint(), SHOP);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    static synchronized AgentFixture shared() throws Exception {
        if (shared == null) {
            shared = new AgentFixture();
        }
        return shared;
    }

    String api(String path) {
        return "http://127.0.0.1:" + api.port() + path;
    }

    /** The same API reached under another host name. */
    String apiAsLocalhost(String path) {
        return "http://localhost:" + api.port() + path;
    }

    String otherPort(String path) {
        return "http://127.0.0.1:" + otherPort.port() + path;
    }

    String secure(String path) {
        return "https://127.0.0.1:" + secure.port() + path;
    }

    /** The agent configuration an operator would write for this service, plus {@code extra} lines. */
    Path config(String name, String endpoint, String appSecret, String... extra) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("logto.endpoint=").append(endpoint).append('\n')
                .append("logto.app-id=").append(APP_ID).append('\n')
                .append("logto.app-secret=").append(appSecret).append('\n')
                .append("logto.resource.shop.indicator=").append(SHOP).append('\n')
                .append("logto.resource.shop.urls=").append(api("/api/")).append(", ").append(secure("/api/"))
                .append(", https://127.0.0.1:").append(api.port()).append("/tls-only/\n")
                .append("logto.resource.shop.scopes=read:products\n")
                .append("logto.resource.billing.indicator=").append(BILLING).append('\n')
                .append("logto.resource.billing.urls=").append(api("/billing/")).append('\n')
                .append("logto.resource.billing.scopes=read:invoices\n")
                .append("logto.resource.products.indicator=").append(SHOP).append('\n')
                .append("logto.resource.products.urls=").append(filteredApi.url("/products/")).append('\n')
                .append("logto.resource.products.scopes=read:products\n");
        for (String line : extra) {
            text.append(line).append('\n');
        }
        Path file = dir.resolve(name + ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        // As an operator keeps a file holding the secret; the agent warns about any other.
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    Path scenarios(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name + ".scenarios");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The trust store for the https API, as the forked JVM's default. */
    List<String> trustStoreOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + certificate.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + certificate.password());
    }

    /** An endpoint where nothing listens: the token endpoint is down. */
    static String unreachableEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private void close() {
        try {
            filteredApi.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop Jetty", e);
        }
        api.close();
        otherPort.close();
        secure.close();
        issuer.close();
    }
}

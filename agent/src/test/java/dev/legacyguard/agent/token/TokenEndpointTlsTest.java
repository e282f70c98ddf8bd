package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import dev.legacyguard.agent.config.AgentSettings;

/** The App Secret goes only where the JVM's own trust store says, whatever the application trusts. */
class TokenEndpointTlsTest {

    @TempDir
    Path dir;

    @Test
    void tokenRequestIgnoresATrustAllFactoryTheApplicationInstalled() throws Exception {
        SSLSocketFactory appFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        HostnameVerifier appVerifier = HttpsURLConnection.getDefaultHostnameVerifier();
        try {
            HttpsURLConnection.setDefaultSSLSocketFactory(trustingEverything().getSocketFactory());
            HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
            assertTheSecretIsNotSentToAnUntrustedEndpoint();
        } finally {
            HttpsURLConnection.setDefaultSSLSocketFactory(appFactory);
            HttpsURLConnection.setDefaultHostnameVerifier(appVerifier);
        }
    }

    @Test
    void tokenRequestIgnoresATrustAllDefaultContextTheApplicationInstalled() throws Exception {
        SSLContext appDefault = SSLContext.getDefault();
        try {
            SSLContext.setDefault(trustingEverything());
            assertTheSecretIsNotSentToAnUntrustedEndpoint();
        } finally {
            SSLContext.setDefault(appDefault);
        }
    }

    private void assertTheSecretIsNotSentToAnUntrustedEndpoint() throws Exception {
        HttpsServer server = untrustedTokenEndpoint();
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/oidc/token", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            AgentSettings settings = TestSettings.of("logto.endpoint", "https://127.0.0.1:" + server.getAddress().getPort(),
                    "logto.app-id", "app", "logto.app-secret", "secret",
                    "logto.resource.r.indicator", "https://api.r", "logto.resource.r.urls", "https://r.internal/");
            TokenFailure failure = assertThrows(TokenFailure.class,
                    () -> new TokenClient(settings).request(settings.resources().get(0)));
            assertTrue(failure.problem().startsWith("could not reach it (SSLHandshakeException"), failure.problem());
            assertEquals(0, requests.get(), "the request, with its Basic credentials, was never sent");
        } finally {
            server.stop(0);
        }
    }

    private static SSLContext trustingEverything() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new TrustingEverything()}, null);
        return trustAll;
    }

    private HttpsServer untrustedTokenEndpoint() throws Exception {
        Path keystore = dir.resolve("endpoint.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "endpoint", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, keytoolOutput);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return server;
    }

    /** What a careless application installs for its own calls. */
    private static final class TrustingEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

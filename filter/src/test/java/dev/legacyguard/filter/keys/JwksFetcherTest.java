package dev.legacyguard.filter.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One JWKS GET: redirects only on the same host, and every failure says what to check. */
class JwksFetcherTest {

    private static JwksServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = JwksServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.setUp(true);
        server.redirectTo(null);
        server.publish(TestKeys.p384("ec-1"));
    }

    private static JwksFetcher fetcher(String url) {
        return new JwksFetcher(url, 2000, 3000);
    }

    @Test
    void readsTheKeys() throws Exception {
        assertEquals(1, fetcher(server.url()).fetch().size());
    }

    @Test
    void followsARedirectOnTheSameHost() throws Exception {
        server.redirectTo("/keys");
        assertEquals(1, fetcher(server.url()).fetch().size());
    }

    @Test
    void refusesARedirectToAnotherHost() {
        server.redirectTo(server.url().replace("127.0.0.1", "localhost").replace("/oidc/jwks", "/keys"));
        JwksFetchException e = assertThrows(JwksFetchException.class, () -> fetcher(server.url()).fetch());
        assertTrue(e.getMessage().contains("another host"), e.getMessage());
    }

    @Test
    void namesTheStatusOfAFailedResponse() {
        server.setUp(false);
        JwksFetchException e = assertThrows(JwksFetchException.class, () -> fetcher(server.url()).fetch());
        assertTrue(e.getMessage().contains("answered HTTP 503"), e.getMessage());
    }

    @Test
    void saysWhenTheResponseIsNotAKeySet() {
        server.serveRaw("<html>login</html>");
        JwksFetchException e = assertThrows(JwksFetchException.class, () -> fetcher(server.url()).fetch());
        assertTrue(e.getMessage().contains("is not a JSON Web Key Set"), e.getMessage());
    }

    @Test
    void saysWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        JwksFetchException e = assertThrows(JwksFetchException.class,
                () -> fetcher("http://127.0.0.1:" + port + "/oidc/jwks").fetch());
        assertTrue(e.getMessage().contains("could not be read"), e.getMessage());
    }
}

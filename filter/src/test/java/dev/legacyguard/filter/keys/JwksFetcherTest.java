package dev.legacyguard.filter.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        return new JwksFetcher(url, Duration.ofSeconds(2), Duration.ofSeconds(3));
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

    /**
     * The read timeout bounds each socket read, not the response: a server that sends a byte
     * now and then, each well within the timeout, must not hold the fetch (and with it every
     * later fetch, which waits for this one) for longer than the fetch's own limit.
     */
    @Test
    void endsAResponseThatTricklesInSlowerThanTheFetchMayTake() throws Exception {
        JwksFetcher slow;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread trickler = new Thread(() -> trickle(listener), "jwks-trickler");
            trickler.setDaemon(true);
            trickler.start();
            slow = new JwksFetcher("http://127.0.0.1:" + listener.getLocalPort() + "/oidc/jwks", Duration.ofMillis(300),
                    Duration.ofMillis(300));
            JwksFetchException e = assertThrows(JwksFetchException.class, () -> assertTimeoutPreemptively(
                    slow.maxDuration().plusSeconds(2), slow::fetch));
            assertTrue(e.getMessage().contains("too slowly"), e.getMessage());
        }
    }

    /**
     * InetAddress's lookup may hang for the resolver's timeout times its attempts; the fetch
     * gives up at the connect timeout while the lookup is still running, and the fetch after it
     * waits for that same lookup instead of starting another.
     */
    @Test
    void endsAHostNameLookupThatHangsAtTheConnectTimeout() throws Exception {
        CountDownLatch dnsAnswers = new CountDownLatch(1);
        AtomicInteger lookups = new AtomicInteger();
        JwksFetcher fetcher = new JwksFetcher("https://keys.tenant.example/oidc/jwks", Duration.ofMillis(200),
                Duration.ofSeconds(3), host -> {
            lookups.incrementAndGet();
            try {
                dnsAnswers.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        try {
            for (int fetch = 0; fetch < 2; fetch++) {
                JwksFetchException e = assertThrows(JwksFetchException.class, fetcher::fetch);
                assertEquals("host name keys.tenant.example did not resolve within 200 ms (logto.jwks.connect-timeout);"
                        + " check the DNS servers of this machine", e.getMessage());
            }
            assertEquals(1, dnsAnswers.getCount(), "the lookup answered");
            assertEquals(1, lookups.get());
        } finally {
            dnsAnswers.countDown();
        }
    }

    @Test
    void namesAHostNameThatDoesNotResolve() {
        JwksFetcher fetcher = new JwksFetcher("https://keys.tenant.example/oidc/jwks", Duration.ofSeconds(2),
                Duration.ofSeconds(3), host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        });
        JwksFetchException e = assertThrows(JwksFetchException.class, fetcher::fetch);
        assertEquals("host name keys.tenant.example could not be resolved: java.net.UnknownHostException:"
                + " keys.tenant.example: Name or service not known; check logto.jwks-uri and the DNS servers of this"
                + " machine", e.getMessage());
    }

    /** Answers one request with a long body, one byte every 50 ms. */
    private static void trickle(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                last4 = last4 << 8 | b;
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100_000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // the fetcher hung up, as it should
        }
    }
}

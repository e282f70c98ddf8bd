package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.legacyguard.agent.config.AgentSettings;

/**
 * How the client reads answers a real Logto never gives (the Logto-shaped ones are covered
 * against the real issuer): a loopback server answers exactly what each test says.
 */
class TokenAnswersTest {

    private HttpServer server;
    private final AtomicReference<String> contentType = new AtomicReference<>("application/json");
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> body = new AtomicReference<>("{}");
    private final AtomicReference<String> location = new AtomicReference<>();
    /** Milliseconds between the answer's bytes; null: all at once. */
    private final AtomicReference<Long> drip = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final AtomicReference<String> receivedAuthorization = new AtomicReference<>();
    private final AtomicReference<String> receivedContentType = new AtomicReference<>();
    /** An endpoint that quotes the request it could not parse in its error_description. */
    private final AtomicReference<Boolean> echoRequest = new AtomicReference<>(false);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oidc/token", exchange -> {
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            receivedAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            receivedContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer = (echoRequest.get()
                    ? "{\"error\":\"invalid_request\",\"error_description\":\"cannot parse " + receivedBody.get() + "\"}"
                    : body.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType.get());
            if (location.get() != null) {
                exchange.getResponseHeaders().set("Location", location.get());
            }
            exchange.sendResponseHeaders(status.get(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (drip.get() == null) {
                    out.write(answer);
                } else {
                    for (byte b : answer) {
                        out.write(b);
                        out.flush();
                        sleep(drip.get());
                    }
                }
            }
        });
        server.start();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private AgentSettings settings(String scopes) {
        return TestSettings.of("logto.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "logto.app-id", "app-1", "logto.app-secret", "sec+ret?&=",
                "logto.resource.r.indicator", "https://api.r/?", "logto.resource.r.urls", "https://r.internal/",
                "logto.resource.r.scopes", scopes);
    }

    /** A resource without scopes, its token endpoint on {@code port}, with {@code secret} as the App Secret. */
    private static AgentSettings unscopedSettings(int port, String secret) {
        return TestSettings.of("logto.endpoint", "http://127.0.0.1:" + port, "logto.app-id", "app-1",
                "logto.app-secret", secret, "logto.resource.r.indicator", "https://api.r",
                "logto.resource.r.urls", "https://r.internal/");
    }

    private TokenGrant request() throws TokenFailure {
        AgentSettings settings = settings("read:a write:b");
        return new TokenClient(settings).request(settings.resources().get(0));
    }

    private TokenFailure failure() {
        return assertThrows(TokenFailure.class, this::request);
    }

    private void answer(int code, String json) {
        status.set(code);
        body.set(json);
    }

    @Test
    void sendsTheClientCredentialsFormWithTheCredentialsInTheBodyNotInAHeader() throws TokenFailure {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"read:a write:b\"}");
        request();
        assertEquals("grant_type=client_credentials&resource=https%3A%2F%2Fapi.r%2F%3F&scope=read%3Aa+write%3Ab"
                + "&client_id=app-1&client_secret=sec%2Bret%3F%26%3D", receivedBody.get());
        assertEquals("application/x-www-form-urlencoded", receivedContentType.get());
        assertNull(receivedAuthorization.get());
    }

    @Test
    void anAnswerQuotingTheRequestShowsNoSecretInTheFailure() {
        status.set(400);
        echoRequest.set(true);
        TokenFailure failure = failure();
        assertTrue(failure.problem().startsWith("answered 400 invalid_request (cannot parse grant_type=client_credentials"),
                failure.problem());
        assertTrue(failure.problem().contains("&client_secret=(App Secret hidden))"), failure.problem());
        assertFalse(failure.getMessage().contains("sec%2Bret%3F%26%3D"), failure.getMessage());
    }

    @Test
    void anAnswerIsNotShownWhenTheSecretIsTooShortToHideInIt() {
        // Replacing "e" would turn "refused" into "r(App Secret hidden)fus(App Secret hidden)d": the secret spelt out.
        status.set(400);
        echoRequest.set(true);
        AgentSettings settings = unscopedSettings(server.getAddress().getPort(), "e");
        TokenFailure failure = assertThrows(TokenFailure.class,
                () -> new TokenClient(settings).request(settings.resources().get(0)));
        // invalid_request is one of the codes the advice knows: a fixed word, shown.
        assertEquals("answered 400 invalid_request (the endpoint's words are not shown: the App Secret or the personal"
                + " access token is shorter than 8 characters, too short to hide by replacing it)", failure.problem());
        assertFalse(failure.getMessage().contains("hidden)"), failure.getMessage());
        answer(400, "{\"error\":\"server_error\",\"error_description\":\"nothing here\"}");
        echoRequest.set(false);
        failure = assertThrows(TokenFailure.class, () -> new TokenClient(settings).request(settings.resources().get(0)));
        assertTrue(failure.problem().startsWith("answered 400 (the endpoint's words are not shown"), failure.problem());
        assertEquals("check logto.app-secret and the personal access token, if one is exchanged", failure.advice());
    }

    @Test
    void anUnreachableEndpointShowsNoExceptionTextWhenTheSecretIsTooShortToHideInIt() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        AgentSettings settings = unscopedSettings(closed, "e");
        TokenFailure failure = assertThrows(TokenFailure.class,
                () -> new TokenClient(settings).request(settings.resources().get(0)));
        assertTrue(failure.problem().startsWith("could not reach it (ConnectException: (the endpoint's words are not shown"),
                failure.problem());
    }

    @Test
    void grantedScopesKeepOnlyScopeTokensSoNoOtherTextOfTheAnswerIsLogged() throws TokenFailure {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60,"
                + "\"scope\":\"read:a\\nINFO forged  write:b \\u00e9t\u00e9\"}");
        assertEquals(java.util.List.of("forged", "write:b"), java.util.List.copyOf(request().grantedScopes()));
    }

    @Test
    void leavesScopeOutWhenNoneIsConfigured() throws TokenFailure {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60}");
        AgentSettings settings = unscopedSettings(server.getAddress().getPort(), "s");
        new TokenClient(settings).request(settings.resources().get(0));
        assertEquals("grant_type=client_credentials&resource=https%3A%2F%2Fapi.r&client_id=app-1&client_secret=s",
                receivedBody.get());
    }

    @Test
    void absentScopeMeansNoneWasGranted() throws TokenFailure {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":60}");
        TokenGrant grant = request();
        assertTrue(grant.grantedScopes().isEmpty());
        assertEquals(java.util.List.of("read:a", "write:b"), grant.missingScopes());
    }

    @Test
    void hugeLifetimeIsCappedAtAYear() throws TokenFailure {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":1e30}");
        assertEquals(366L * 24 * 3600, request().expiresInSeconds());
    }

    @Test
    void lifetimeUnderOneSecondIsRefused() {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":0.5}");
        assertEquals("answered 200 with no expires_in of at least 1 second", failure().problem());
    }

    @Test
    void tokenThatCouldSplitAHeaderIsRefused() {
        answer(200, "{\"access_token\":\"t\\r\\nX-Evil: 1\",\"token_type\":\"Bearer\",\"expires_in\":60}");
        assertEquals("answered 200 with no usable access_token", failure().problem());
    }

    @Test
    void tokenOfAnotherTypeIsRefused() {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"DPoP\",\"expires_in\":60}");
        assertEquals("answered 200 with token_type DPoP instead of Bearer", failure().problem());
        answer(200, "{\"access_token\":\"t\",\"expires_in\":60}");
        assertEquals("answered 200 with no token_type instead of Bearer", failure().problem());
    }

    @Test
    void theAnswersOwnWordsInAnUnusableAnswerShowNoSecret() {
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"sec+ret?&=\",\"expires_in\":60}");
        assertEquals("answered 200 with token_type (App Secret hidden) instead of Bearer", failure().problem());
        answer(200, "{\"sec%2Bret%3F%26%3D\":1,\"sec%2Bret%3F%26%3D\":2}");
        assertEquals("answered 200 with a body that is not JSON (invalid JSON at offset 45: expected no second member"
                + " named \"(App Secret hidden)\")", failure().problem());
    }

    @Test
    void htmlPageSaysNoTokenEndpointIsThere() {
        contentType.set("text/html");
        answer(200, "<html>Welcome</html>");
        TokenFailure failure = failure();
        assertTrue(failure.problem().startsWith("answered 200 with a body that is not JSON (invalid JSON at offset 0"),
                failure.problem());
        assertEquals("no Logto token endpoint answers there: check logto.endpoint", failure.advice());
    }

    @Test
    void redirectIsNotFollowed() {
        location.set("http://127.0.0.1:1/elsewhere");
        answer(302, "");
        TokenFailure failure = failure();
        assertEquals("answered 302 with an empty body", failure.problem());
        assertEquals("no Logto token endpoint answers there: check logto.endpoint", failure.advice());
    }

    @Test
    void errorWithoutAnOAuthCodeIsReportedAsSuch() {
        answer(400, "{\"message\":\"nope\"}");
        assertEquals("answered 400 with no OAuth error code", failure().problem());
    }

    @Test
    void answerDrippedPastTheDeadlineIsCutOffThoughNoSingleReadTimesOut() {
        drip.set(300L);
        answer(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":60}");
        AgentSettings settings = settings("read:a");
        // Each byte comes within the read timeout and the whole answer would arrive after 18 s,
        // complete: only the deadline for the whole answer can make this call fail.
        TokenFailure failure = assertThrows(TokenFailure.class,
                () -> new TokenClient(settings, 1_000).request(settings.resources().get(0)));
        assertEquals("could not reach it (SocketTimeoutException: no complete answer within 1000 ms)", failure.problem());
    }

    @Test
    void oversizedAnswerIsCutOff() {
        answer(200, "{\"access_token\":\"" + "a".repeat(70_000) + "\"}");
        assertTrue(failure().problem().contains("token endpoint answer is larger than 65536 bytes"), failure().problem());
    }
}

package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizationsTest {

    private final List<String> answers = new ArrayList<>();
    private final CompletableFuture<String> pending = new CompletableFuture<>();

    @AfterEach
    void uninstall() {
        BearerHooks.install(null);
    }

    private void install(String header, RuntimeException bug, IOException tokenFailure) {
        BearerHooks.install(new BearerSource() {
            @Override
            public String authorizationFor(String url, String hostHeader, boolean throughProxy) throws IOException {
                if (bug != null) {
                    throw bug;
                }
                if (tokenFailure != null) {
                    throw tokenFailure;
                }
                return url.startsWith("https://shop.internal/") ? header : null;
            }

            @Override
            public CompletableFuture<String> authorizationWhenReady(String url, String hostHeader, boolean throughProxy) {
                return pending;
            }

            @Override
            public String cachedAuthorizationFor(String url, String hostHeader, boolean throughProxy) {
                answers.add("without waiting: " + url);
                return null;
            }

            @Override
            public void onResponse(String url, String authorization, int status, String wwwAuthenticate) {
                if (bug != null) {
                    throw bug;
                }
                answers.add(url + " " + authorization + " " + status + " " + wwwAuthenticate);
            }
        });
    }

    @Test
    void decidesNothingBeforeTheAgentInstalledASource() throws IOException {
        assertNull(Authorizations.forHop("test", null, null, "https://shop.internal/api", null, false));
    }

    @Test
    void givesTheSourcesHeaderToAHopWithoutAuthorization() throws IOException {
        install("Bearer t1", null, null);
        assertEquals("Bearer t1", Authorizations.forHop("test", null, null, "https://shop.internal/api", null, false));
    }

    @Test
    void leavesAHeaderTheAgentDidNotAddAlone() throws IOException {
        install("Bearer t1", null, null);
        assertSame(Authorizations.LEAVE_ALONE,
                Authorizations.forHop("test", "Basic YXBwOnNlY3JldA==", null, "https://shop.internal/api", null, false));
        assertSame(Authorizations.LEAVE_ALONE,
                Authorizations.forHop("test", "Bearer app", "Bearer t1", "https://shop.internal/api", null, false));
    }

    @Test
    void decidesAgainForAHopCarryingTheAgentsOwnHeader() throws IOException {
        install("Bearer t1", null, null);
        assertNull(Authorizations.forHop("test", "Bearer t1", "Bearer t1", "https://elsewhere.example/", null, false),
                "a hop to a URL of no resource must lose the agent's header");
        assertEquals("Bearer t1", Authorizations.forHop("test", "Bearer t1", "Bearer t1", "https://shop.internal/x", null, false));
    }

    @Test
    void aHopThatMayNotWaitAsksOnlyForACachedToken() throws IOException {
        install("Bearer t1", null, null);
        assertNull(Authorizations.forHopWithoutWaiting("test", null, null, "https://shop.internal/api", null, false));
        assertSame(Authorizations.LEAVE_ALONE,
                Authorizations.forHopWithoutWaiting("test", "Bearer app", null, "https://shop.internal/api", null, false));
        assertEquals(List.of("without waiting: https://shop.internal/api"), answers);
    }

    @Test
    void letsTheDeliberateTokenFailureReachTheCaller() {
        IOException failure = new IOException("no token for resource 'shop'");
        install(null, null, failure);
        assertSame(failure, assertThrows(IOException.class,
                () -> Authorizations.forHop("test", null, null, "https://shop.internal/api", null, false)));
    }

    @Test
    void turnsAnUnexpectedFailureIntoNoHeader() throws IOException {
        install(null, new IllegalStateException("agent bug"), null);
        assertNull(Authorizations.forHop("test", null, null, "https://shop.internal/api", null, false));
        Authorizations.answered("test", "https://shop.internal/api", "Bearer t1", 401, null);
    }

    @Test
    void reportsTheAnswerOnlyForAHopThatCarriedTheAgentsHeader() {
        install("Bearer t1", null, null);
        Authorizations.answeredHop("test", "Bearer app", "Bearer t1", "https://shop.internal/a", 401, "Bearer");
        Authorizations.answeredHop("test", null, "Bearer t1", "https://shop.internal/b", 401, "Bearer");
        Authorizations.answeredHop("test", "Bearer t1", "Bearer t1", "https://shop.internal/c", 401,
                "Bearer error=\"invalid_token\"");
        assertEquals(List.of("https://shop.internal/c Bearer t1 401 Bearer error=\"invalid_token\""), answers);
    }

    @Test
    void passesOnlyA401OnToTheSourceAsNoOtherAnswerCanMeanItsTokenWasRefused() {
        install("Bearer t1", null, null);
        for (int status : new int[] {200, 302, 400, 403, 500, -1}) {
            Authorizations.answered("test", "https://shop.internal/a", "Bearer t1", status, "Bearer error=\"invalid_token\"");
            Authorizations.answeredHop("test", "Bearer t1", "Bearer t1", "https://shop.internal/b", status, "Bearer");
        }
        assertEquals(List.of(), answers);
        Authorizations.answered("test", "https://shop.internal/a", "Bearer t1", 401, "Bearer");
        assertEquals(List.of("https://shop.internal/a Bearer t1 401 Bearer"), answers);
    }

    @Test
    void aHopThatMustNotWaitLeavesTheApplicationsHeaderAloneAtOnce() {
        install("Bearer t1", null, null);

        CompletableFuture<String> decision = Authorizations.forHopWhenReady("test", "Basic app", null,
                "https://shop.internal/api", null, false);

        assertSame(Authorizations.LEAVE_ALONE, decision.getNow(null));
    }

    @Test
    void aHopThatMustNotWaitGetsTheHeaderWhenTheTokenComes() {
        install("Bearer t1", null, null);

        CompletableFuture<String> decision = Authorizations.forHopWhenReady("test", null, null,
                "https://shop.internal/api", null, false);
        assertFalse(decision.isDone());
        pending.complete("Bearer t1");

        assertEquals("Bearer t1", decision.getNow(null));
    }

    @Test
    void aHopThatMustNotWaitFailsOnlyWithTheDeliberateFailure() {
        install("Bearer t1", null, null);
        CompletableFuture<String> decision = Authorizations.forHopWhenReady("test", null, null,
                "https://shop.internal/api", null, false);

        pending.completeExceptionally(new ConnectException("no token for resource 'shop'"));

        CompletionException thrown = assertThrows(CompletionException.class, decision::join);
        assertEquals("no token for resource 'shop'", thrown.getCause().getMessage());
    }

    @Test
    void aHopThatMustNotWaitGoesWithoutTokenWhenTheSourceFailsUnexpectedly() {
        install("Bearer t1", null, null);
        CompletableFuture<String> decision = Authorizations.forHopWhenReady("test", null, null,
                "https://shop.internal/api", null, false);

        pending.completeExceptionally(new IllegalStateException("a bug"));

        assertNull(decision.join());
    }
}

package dev.legacyguard.agent.token;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.legacyguard.agent.bootstrap.BearerSource;
import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.OnTokenFailure;
import dev.legacyguard.agent.config.ResourceSettings;
import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.match.HostHeader;
import dev.legacyguard.agent.match.UrlMatcher;
import dev.legacyguard.agent.match.UrlParts;
import dev.legacyguard.agent.match.UrlPrefix;
import dev.legacyguard.agent.match.UrlRefused;

/**
 * The {@link BearerSource} the instrumented clients ask: it maps a request URL to its
 * configured resource and answers with that resource's cached token, refreshed ahead of
 * expiry by a background daemon thread. A URL of no resource, and any request made on the
 * thread that is fetching a token, get {@code null}.
 */
public final class TokenBroker implements BearerSource, AutoCloseable {

    private final UrlMatcher<ResourceTokens> matcher;
    private final RecentMatches<ResourceTokens> recent = new RecentMatches<>();
    private final List<ResourceTokens> resources;
    private final OnTokenFailure onTokenFailure;
    private final ScheduledThreadPoolExecutor refresher;
    private final AgentLog log;

    private TokenBroker(UrlMatcher<ResourceTokens> matcher, List<ResourceTokens> resources,
            OnTokenFailure onTokenFailure, ScheduledThreadPoolExecutor refresher, AgentLog log) {
        this.matcher = matcher;
        this.resources = resources;
        this.onTokenFailure = onTokenFailure;
        this.refresher = refresher;
        this.log = log;
    }

    public static TokenBroker start(AgentSettings settings) {
        return start(settings, new TokenClient(settings), Clock.MONOTONIC, AgentLog.stderr());
    }

    static TokenBroker start(AgentSettings settings, TokenClient client, Clock clock, AgentLog log) {
        ScheduledThreadPoolExecutor refresher =
                new ScheduledThreadPoolExecutor(1, new ReservedThread("logto-agent-token-refresh"));
        refresher.setRemoveOnCancelPolicy(true);
        String consequence = settings.onTokenFailure() == OnTokenFailure.FAIL
                ? "calls to it fail with an IOException" : "calls to it go out without a token";
        Map<UrlPrefix, ResourceTokens> byPrefix = new LinkedHashMap<>();
        List<ResourceTokens> resources = new ArrayList<>();
        for (ResourceSettings resource : settings.resources()) {
            ResourceTokens tokens = new ResourceTokens(resource, client, clock, log, refresher, consequence);
            resources.add(tokens);
            for (UrlPrefix url : resource.urls()) {
                byPrefix.put(url, tokens);
            }
        }
        return new TokenBroker(new UrlMatcher<>(byPrefix), resources, settings.onTokenFailure(), refresher, log);
    }

    @Override
    public String authorizationFor(String url, String hostHeader, boolean throughProxy) throws IOException {
        ResourceTokens tokens = tokensFor(url, hostHeader, throughProxy);
        if (tokens == null) {
            return null;
        }
        try {
            return tokens.authorization();
        } catch (TokenFailure failure) {
            return withoutToken(failure.getMessage());
        }
    }

    @Override
    public String cachedAuthorizationFor(String url, String hostHeader, boolean throughProxy) throws IOException {
        ResourceTokens tokens = tokensFor(url, hostHeader, throughProxy);
        if (tokens == null) {
            return null;
        }
        String header;
        try {
            header = tokens.cachedAuthorization();
        } catch (TokenFailure failure) {
            return withoutToken(failure.getMessage());
        }
        if (header != null) {
            return header;
        }
        return withoutToken("no token for resource '" + tokens.resource().name() + "' (" + tokens.resource().target()
                + ") yet, and this call reached it on an I/O thread of an asynchronous client (a redirect it followed,"
                + " or a call made from one of its callbacks), which the agent never blocks: it is requesting a token in"
                + " the background, so the next call gets it; calling the resource first from the application's own"
                + " thread avoids this");
    }

    @Override
    public CompletableFuture<String> authorizationWhenReady(String url, String hostHeader, boolean throughProxy) {
        ResourceTokens tokens = tokensFor(url, hostHeader, throughProxy);
        if (tokens == null) {
            return CompletableFuture.completedFuture(null);
        }
        String cached = tokens.usableAuthorization();
        if (cached != null) {
            // Nearly every call: one future, not a second one for the token it would carry.
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<CachedToken> ready = tokens.whenReady();
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(ready.join().header);
        }
        CompletableFuture<String> header = new CompletableFuture<>();
        ready.whenComplete((token, failure) -> {
            if (failure == null) {
                header.complete(token.header);
            } else if (failure instanceof TokenFailure) {
                try {
                    header.complete(withoutToken(failure.getMessage()));
                } catch (IOException deliberate) {
                    header.completeExceptionally(deliberate);
                }
            } else {
                header.completeExceptionally(failure);
            }
        });
        return header;
    }

    /** The tokens of the resource a request to {@code url} may carry, or null when it may carry none. */
    private ResourceTokens tokensFor(String url, String hostHeader, boolean throughProxy) {
        if (OwnRequest.active() || url == null) {
            return null;
        }
        RecentMatches.Entry<ResourceTokens> known = recent.find(url, hostHeader, throughProxy);
        if (known != null) {
            return known.answer();
        }
        ResourceTokens tokens = matchedTokens(url, hostHeader, throughProxy);
        recent.remember(url, hostHeader, throughProxy, tokens);
        return tokens;
    }

    /** {@link #tokensFor} worked out from the URL's parts. */
    private ResourceTokens matchedTokens(String url, String hostHeader, boolean throughProxy) {
        UrlParts target;
        try {
            target = UrlParts.ofRequest(url);
        } catch (UrlRefused refused) {
            return null;
        }
        ResourceTokens tokens = matcher.match(target);
        if (tokens == null) {
            return null;
        }
        String elsewhere = elsewhere(tokens.resource(), url, target, hostHeader, throughProxy);
        if (elsewhere != null) {
            // Once per resource and reason (the first word), whatever the header said.
            log.warnOnce("elsewhere " + tokens.resource().name() + " " + elsewhere.substring(0, elsewhere.indexOf(' ')),
                    "resource '" + tokens.resource().name() + "': a request under its URLs " + elsewhere
                    + "; it went without the token (logged once)");
            return null;
        }
        return tokens;
    }

    /**
     * What a request gets when its resource has no token ({@code why}): null with send-without,
     * else the deliberate failure.
     */
    private String withoutToken(String why) throws ConnectException {
        if (onTokenFailure == OnTokenFailure.SEND_WITHOUT) {
            return null;
        }
        // ConnectException: the retry handlers of Apache HttpClient 4 and 5 do not retry it.
        throw new ConnectException(why);
    }

    /**
     * Why a request to a resource's URL would be read by someone other than the resource, or
     * null when it goes to the resource alone. An https request through a proxy is tunnelled
     * (CONNECT), so the token stays inside TLS with the resource's certificate.
     */
    private static String elsewhere(ResourceSettings resource, String url, UrlParts target, String hostHeader,
            boolean throughProxy) {
        if (hostHeader != null && !HostHeader.namesHostOf(hostHeader, target)) {
            return "carried the Host header '" + hostHeader + "', which names another host: the server routes by it";
        }
        if (throughProxy && url.regionMatches(true, 0, "http:", 0, 5) && !resource.plainHttpThroughProxy()) {
            return "went through a forward proxy in plain http, where the proxy reads every header; set "
                    + resource.key("via-proxy") + "=allow if that proxy may see the token, or call the resource over https";
        }
        return null;
    }

    @Override
    public void onResponse(String url, String authorization, int status, String wwwAuthenticate) {
        if (status != 401 || OwnRequest.active() || !BearerChallenge.saysInvalidToken(wwwAuthenticate)) {
            return;
        }
        ResourceTokens tokens = matcher.match(url);
        if (tokens != null) {
            tokens.rejected(authorization);
        }
    }

    /** Each resource's view for JMX, in the configuration's order. */
    public List<ResourceStatus> statuses() {
        List<ResourceStatus> statuses = new ArrayList<>(resources.size());
        for (ResourceTokens tokens : resources) {
            statuses.add(new ResourceStatus(tokens));
        }
        return statuses;
    }

    /** How many times callers had to wait for a token request, over all resources. */
    long callerWaits() {
        long waits = 0;
        for (ResourceTokens tokens : resources) {
            waits += tokens.callerWaits();
        }
        return waits;
    }

    /** Stops the background refresher; later calls still get tokens, fetched on demand. */
    @Override
    public void close() {
        refresher.shutdownNow();
    }
}

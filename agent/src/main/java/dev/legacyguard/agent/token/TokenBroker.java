package dev.legacyguard.agent.token;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.legacyguard.agent.bootstrap.BearerSource;
import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.OnTokenFailure;
import dev.legacyguard.agent.config.ResourceSettings;
import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.match.UrlMatcher;
import dev.legacyguard.agent.match.UrlPrefix;

/**
 * The {@link BearerSource} the instrumented clients ask: it maps a request URL to its
 * configured resource and answers with that resource's cached token, refreshed ahead of
 * expiry by a background daemon thread. A URL of no resource, and any request made on the
 * thread that is fetching a token, get {@code null}.
 */
public final class TokenBroker implements BearerSource, AutoCloseable {

    private final UrlMatcher<ResourceTokens> matcher;
    private final List<ResourceTokens> resources;
    private final OnTokenFailure onTokenFailure;
    private final ScheduledThreadPoolExecutor refresher;

    private TokenBroker(UrlMatcher<ResourceTokens> matcher, List<ResourceTokens> resources,
            OnTokenFailure onTokenFailure, ScheduledThreadPoolExecutor refresher) {
        this.matcher = matcher;
        this.resources = resources;
        this.onTokenFailure = onTokenFailure;
        this.refresher = refresher;
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
        return new TokenBroker(new UrlMatcher<>(byPrefix), resources, settings.onTokenFailure(), refresher);
    }

    @Override
    public String authorizationFor(String url) throws IOException {
        if (OwnRequest.active()) {
            return null;
        }
        ResourceTokens tokens = matcher.match(url);
        if (tokens == null) {
            return null;
        }
        try {
            return tokens.authorization();
        } catch (TokenFailure failure) {
            if (onTokenFailure == OnTokenFailure.SEND_WITHOUT) {
                return null;
            }
            throw new IOException(failure.getMessage());
        }
    }

    @Override
    public void onResponse(String url, int status, String wwwAuthenticate) {
        if (status != 401 || OwnRequest.active() || !BearerChallenge.saysInvalidToken(wwwAuthenticate)) {
            return;
        }
        ResourceTokens tokens = matcher.match(url);
        if (tokens != null) {
            tokens.evict();
        }
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

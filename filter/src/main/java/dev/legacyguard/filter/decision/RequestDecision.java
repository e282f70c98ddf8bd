package dev.legacyguard.filter.decision;

import java.util.Collections;
import java.util.List;

import dev.legacyguard.filter.rules.Requirement;
import dev.legacyguard.filter.token.AccessToken;
import dev.legacyguard.filter.token.Failure;
import dev.legacyguard.filter.token.Quoted;

/**
 * What the filter does with one request, decided before anything is sent: pass it on (as it
 * is or with the caller's identity), serve the metadata document, or refuse it with the
 * reason the answer states. Built by {@link Decider}; the filter acts on it in one place.
 */
public final class RequestDecision {

    public enum Outcome {
        /**
         * An ASYNC dispatch: nothing the client sent has changed since its REQUEST dispatch was
         * judged, and judging again could refuse a request whose work the application has begun.
         */
        PASS_RESUMED,
        /** A CORS preflight, passed on untouched because {@code logto.cors.preflight=pass}. */
        PASS_PREFLIGHT,
        /** The rule needs no token. */
        PASS_PUBLIC,
        /** The token is valid and has every scope the rule needs: pass on with the caller's identity. */
        PASS_AUTHENTICATED,
        /** The request asks for the RFC 9728 metadata document, which the filter serves itself. */
        SERVE_METADATA,
        /** 400: the path could mean different things to the rules and to the application. */
        REJECTED_PATH,
        /** 403 by policy: the rule (or {@code logto.unmatched=deny}) denies whatever the token. */
        DENIED,
        /** 400 invalid_request: the token was sent in a way RFC 6750 does not allow. */
        INVALID_REQUEST,
        /** 401: no bearer token. */
        MISSING_TOKEN,
        /** 401 invalid_token: the verifier refused the token. */
        INVALID_TOKEN,
        /** 503: no signing keys to check the token with. */
        KEYS_UNAVAILABLE,
        /** 403 insufficient_scope: a valid token without every scope the rule needs. */
        INSUFFICIENT_SCOPE,
        /**
         * 403 insufficient_scope: a valid token for another organization than the one the path
         * names, or for none. RFC 6750's code for "this token does not carry the privileges this
         * resource needs; another token would", which is what the client can act on: request a
         * token with {@code organization_id} set to the path's organization. (The filter's
         * {@code access_denied} says that no token will do.)
         */
        WRONG_ORGANIZATION
    }

    static final RequestDecision PASS_PREFLIGHT = new RequestDecision(Outcome.PASS_PREFLIGHT, null, null, "preflight",
            "a CORS preflight, passed on (logto.cors.preflight=pass)", null, 0, null);
    static final RequestDecision PASS_RESUMED = new RequestDecision(Outcome.PASS_RESUMED, null, null, "dispatch",
            "an ASYNC dispatch of a request judged at REQUEST", null, 0, null);
    static final RequestDecision SERVE_METADATA = new RequestDecision(Outcome.SERVE_METADATA, null, null, "metadata",
            "the protected resource metadata document", null, 0, null);

    private final Outcome outcome;
    private final Requirement requirement;
    private final AccessToken token;
    private final String check;
    private final String description;
    private final List<String> missingScopes;
    private final long retryAfterSeconds;
    private final String compactToken;

    private RequestDecision(Outcome outcome, Requirement requirement, AccessToken token, String check,
                            String description, List<String> missingScopes, long retryAfterSeconds, String compactToken) {
        this.outcome = outcome;
        this.requirement = requirement;
        this.token = token;
        this.check = check;
        this.description = description;
        this.missingScopes = missingScopes;
        this.retryAfterSeconds = retryAfterSeconds;
        this.compactToken = compactToken;
    }

    static RequestDecision rejectedPath(String reason) {
        return new RequestDecision(Outcome.REJECTED_PATH, null, null, "path", reason, null, 0, null);
    }

    static RequestDecision byRule(Requirement requirement) {
        return requirement.isDenied()
                ? new RequestDecision(Outcome.DENIED, requirement, null, "rule", "denied by " + requirement.origin(), null, 0, null)
                : new RequestDecision(Outcome.PASS_PUBLIC, requirement, null, "rule", null, null, 0, null);
    }

    static RequestDecision invalidRequest(Requirement requirement, String description) {
        return new RequestDecision(Outcome.INVALID_REQUEST, requirement, null, "request", description, null, 0, null);
    }

    static RequestDecision missingToken(Requirement requirement) {
        return new RequestDecision(Outcome.MISSING_TOKEN, requirement, null, "token", "no bearer token", null, 0, null);
    }

    static RequestDecision refusedToken(Requirement requirement, Failure failure, String compactToken) {
        Outcome outcome = failure.kind() == Failure.Kind.KEYS_UNAVAILABLE ? Outcome.KEYS_UNAVAILABLE : Outcome.INVALID_TOKEN;
        return new RequestDecision(outcome, requirement, null, failure.check(), failure.description(), null,
                failure.retryAfterSeconds(), compactToken);
    }

    static RequestDecision insufficientScope(Requirement requirement, AccessToken token, List<String> missing,
                                             String compactToken) {
        return new RequestDecision(Outcome.INSUFFICIENT_SCOPE, requirement, token, "scope",
                "missing " + missing + " required by " + requirement.origin(), Collections.unmodifiableList(missing), 0,
                compactToken);
    }

    static RequestDecision wrongOrganization(Requirement requirement, AccessToken token, String compactToken) {
        String held = token.organizationId() == null
                ? "the token is for no organization (it has no organization_id claim)"
                : "the token is for organization " + Quoted.of(token.organizationId());
        return new RequestDecision(Outcome.WRONG_ORGANIZATION, requirement, token, "organization",
                held + " but the path names organization " + Quoted.of(requirement.organization()) + " ("
                        + requirement.origin() + "); request a token with organization_id=" + requirement.organization(),
                null, 0, compactToken);
    }

    /** An organization token (accepted by logto.organization-tokens) on a path no rule binds to an organization. */
    static RequestDecision organizationTokenOffOrganizationPath(Requirement requirement, AccessToken token,
                                                                 String compactToken) {
        return new RequestDecision(Outcome.INVALID_TOKEN, requirement, null, "aud", "an organization token (for "
                + Quoted.of(token.organizationId()) + ") is accepted only on paths whose rule names {organization}, and "
                + requirement.origin() + " does not; request the token with a resource", null, 0, compactToken);
    }

    static RequestDecision authenticated(Requirement requirement, AccessToken token) {
        return new RequestDecision(Outcome.PASS_AUTHENTICATED, requirement, token, "scope", null, null, 0, null);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** True when the request goes on to the application. */
    public boolean passes() {
        return passes(outcome);
    }

    /** True when the filter answers the request with a refusal (400, 401, 403 or 503). */
    public boolean refused() {
        return refuses(outcome);
    }

    /** True when {@code outcome} lets the request go on to the application. */
    public static boolean passes(Outcome outcome) {
        return outcome == Outcome.PASS_RESUMED || outcome == Outcome.PASS_PREFLIGHT || outcome == Outcome.PASS_PUBLIC
                || outcome == Outcome.PASS_AUTHENTICATED;
    }

    /** True when {@code outcome} is a refusal; every outcome but the passes and the metadata document is. */
    public static boolean refuses(Outcome outcome) {
        return !passes(outcome) && outcome != Outcome.SERVE_METADATA;
    }

    /**
     * What the rules ask of this request (its method's and its method overrides' requirements
     * together); null when it was decided before the rules (preflight, rejected path, metadata).
     */
    public Requirement requirement() {
        return requirement;
    }

    /** The verified token: for PASS_AUTHENTICATED, INSUFFICIENT_SCOPE and WRONG_ORGANIZATION, otherwise null. */
    public AccessToken token() {
        return token;
    }

    /**
     * Which check decided, for the debug log: "path", "rule", "request", "token", "organization",
     * "scope" or the verifier's check.
     */
    public String check() {
        return check;
    }

    /** Why a request is refused, safe to send back and to log (never contains the token); null when it passes. */
    public String description() {
        return description;
    }

    /** For INSUFFICIENT_SCOPE: the required scopes the token lacks. */
    public List<String> missingScopes() {
        return missingScopes;
    }

    /** For KEYS_UNAVAILABLE: seconds until the keys may be available again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The token as sent, once it reached the verifier, so that a log line can name its fingerprint; never log it. */
    public String compactToken() {
        return compactToken;
    }

    @Override
    public String toString() {
        return outcome + (requirement == null ? "" : " under " + requirement) + (description == null ? "" : ": " + description);
    }
}

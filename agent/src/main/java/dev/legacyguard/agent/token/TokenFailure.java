package dev.legacyguard.agent.token;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.ResourceSettings;

/**
 * Why no token could be had for a resource: the token endpoint could not be reached, refused
 * (its {@code error} and {@code error_description}), or answered something unusable. The
 * message names the resource, the token endpoint, the problem and what to fix.
 */
public final class TokenFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private static final String HIDDEN = "(App Secret hidden)";
    private static final String SUBJECT_TOKEN_HIDDEN = "(personal access token hidden)";
    /**
     * Below this length a secret is not hidden by replacing it: a secret of a letter or two also
     * stands inside other words, and the replaced places spell it out. Logto's secrets are 32
     * characters long, so only a hand-made one is this short.
     */
    static final int SHORTEST_HIDEABLE = 8;
    private static final String NOT_SHOWN = "(the endpoint's words are not shown: the App Secret or the personal access"
            + " token is shorter than " + SHORTEST_HIDEABLE + " characters, too short to hide by replacing it)";
    /** The error codes {@link #advice} knows: fixed words, shown even when the endpoint's other words are not. */
    private static final Set<String> KNOWN_ERRORS = new HashSet<String>(Arrays.asList(
            "invalid_client", "invalid_target", "invalid_request", "invalid_grant", "access_denied", "unauthorized_client",
            "invalid_scope"));

    private final int status;
    private final String problem;
    private final String advice;
    private final long retryAfterMillis;

    private TokenFailure(ResourceSettings resource, String tokenEndpoint, int status, String problem, String advice) {
        this(resource, tokenEndpoint, status, problem, advice, 0);
    }

    private TokenFailure(ResourceSettings resource, String tokenEndpoint, int status, String problem, String advice,
            long retryAfterMillis) {
        super("no token for resource '" + resource.name() + "' (" + resource.target() + ") from " + tokenEndpoint
                + ": " + problem + "; " + advice, null, false, false);
        this.status = status;
        this.problem = problem;
        this.advice = advice;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** {@code subjectToken}: a personal access token being exchanged, hidden like the secret; null when none. */
    static TokenFailure unreachable(AgentSettings settings, ResourceSettings resource, String subjectToken,
            Exception cause) {
        String problem = "could not reach it (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + foreign(settings, subjectToken, cause.getMessage())) + ")";
        return new TokenFailure(resource, settings.tokenEndpoint(), 0, problem, "check "
                + settings.tokenEndpointKey() + " and that this machine can reach it");
    }

    static TokenFailure refused(AgentSettings settings, ResourceSettings resource, String subjectToken, int status,
            String error, String description) {
        if (!hideable(settings, subjectToken)) {
            boolean known = KNOWN_ERRORS.contains(error);
            return new TokenFailure(resource, settings.tokenEndpoint(), status,
                    "answered " + status + " " + (known ? error + " " : "") + NOT_SHOWN,
                    known ? advice(settings, resource, status, error, description)
                            : "check logto.app-secret and the personal access token, if one is exchanged");
        }
        String problem = "answered " + status + " " + foreign(settings, subjectToken, error)
                + (description == null ? "" : " (" + foreign(settings, subjectToken, description) + ")");
        return new TokenFailure(resource, settings.tokenEndpoint(), status, problem,
                advice(settings, resource, status, error, description));
    }

    /**
     * A 429: the tenant's token rate limit or quota. {@code retryAfterMillis}: what its
     * {@code Retry-After} asked for, 0 without one.
     */
    static TokenFailure rateLimited(AgentSettings settings, ResourceSettings resource, long retryAfterMillis) {
        String problem = "answered 429 Too Many Requests" + (retryAfterMillis > 0
                ? " with Retry-After " + (retryAfterMillis + 999) / 1000 + " s" : " without Retry-After")
                + ": the Logto tenant's token rate limit or token quota is reached (Logto Cloud: about 200 requests per"
                + " 10 s per tenant, and a monthly number of tokens per plan)";
        String advice = "if many instances of this service start at once, stagger their start; if the monthly quota is"
                + " used up, see the tenant's usage and plan in Logto Console; app " + settings.appId()
                + " shares the limit with every app of the tenant";
        return new TokenFailure(resource, settings.tokenEndpoint(), 429, problem, advice, retryAfterMillis);
    }

    static TokenFailure unusable(AgentSettings settings, ResourceSettings resource, int status, String what) {
        String advice = status == 404 || status / 100 == 3 || status == 200
                ? "no Logto token endpoint answers there: check " + settings.tokenEndpointKey()
                : status >= 500 ? "the token endpoint is unavailable; the agent retries with backoff"
                : "check " + settings.tokenEndpointKey() + " points at Logto";
        return new TokenFailure(resource, settings.tokenEndpoint(), status, "answered " + status + " with " + what, advice);
    }

    private static String advice(AgentSettings settings, ResourceSettings resource, int status, String error,
            String description) {
        switch (error) {
            case "invalid_client":
                return "check logto.app-id and logto.app-secret: they must be the App ID and App Secret of a "
                        + "machine-to-machine app in Logto Console";
            case "invalid_target":
                return resource.indicator() == null ? "Logto's error_description says what it refused" : "create an API resource with the indicator " + resource.indicator() + " in Logto Console "
                        + "(API resources), or fix " + resource.key("indicator");
            case "invalid_request":
                if (description != null && description.contains("grant type is not allowed")) {
                    return "app " + settings.appId() + " may not exchange tokens: in Logto Console, open Applications, "
                            + "app " + settings.appId() + ", and turn on \"Allow token exchange\" in its \"Token exchange\" "
                            + "section, or give logto.app-id and logto.app-secret of an app that allows it";
                }
                return description != null && description.contains("expired")
                        ? "the App Secret has expired: create a new secret for app " + settings.appId()
                        + " in Logto Console and set it as logto.app-secret"
                        : "check logto.app-id and logto.app-secret";
            case "invalid_grant":
                return "the personal access token is unknown, expired or deleted: check it, or create one in Logto "
                        + "Console (User management, the user's details, \"Personal access tokens\" in the Authentication card)";
            case "access_denied":
                return resource.organizationId() == null ? "Logto's error_description says what it refused"
                        : "app " + settings.appId() + " is not a member of organization " + resource.organizationId()
                        + ": in Logto Console, open Organizations, the organization, add app " + settings.appId()
                        + " to its machine-to-machine apps and give it an organization role; or fix "
                        + resource.key("organization-id");
            case "unauthorized_client":
                return "app " + settings.appId() + " may not use the client credentials grant: use a machine-to-machine app";
            case "invalid_scope":
                return "request only permissions defined on the API resource: fix " + resource.key("scopes");
            default:
                return status == 404 ? "no Logto token endpoint answers there: check " + settings.tokenEndpointKey()
                        : status >= 500 ? "the token endpoint is unavailable; the agent retries with backoff"
                        : "Logto's error_description says what it refused";
        }
    }

    /**
     * Text the agent did not write (an answer's error description, an exception's message),
     * which could echo the request it answers: shown on one line, the App Secret and the
     * exchanged personal access token in it hidden.
     */
    static String foreign(AgentSettings settings, String subjectToken, String text) {
        if (!hideable(settings, subjectToken)) {
            return NOT_SHOWN;
        }
        String secret = settings.appSecret();
        String shown = text.replace(secret, HIDDEN).replace(TokenClient.formEncode(secret), HIDDEN);
        if (subjectToken != null) {
            shown = shown.replace(subjectToken, SUBJECT_TOKEN_HIDDEN)
                    .replace(TokenClient.formEncode(subjectToken), SUBJECT_TOKEN_HIDDEN);
        }
        return oneLine(shown);
    }

    private static boolean hideable(AgentSettings settings, String subjectToken) {
        return settings.appSecret().length() >= SHORTEST_HIDEABLE
                && (subjectToken == null || subjectToken.length() >= SHORTEST_HIDEABLE);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** The HTTP status of the token endpoint's answer; 0 when it could not be reached. */
    public int status() {
        return status;
    }

    /** What went wrong, without the resource and endpoint prefix. */
    public String problem() {
        return problem;
    }

    /** How long the token endpoint asked to be left alone ({@code Retry-After}); 0 when it did not say. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** What the operator should fix. */
    public String advice() {
        return advice;
    }
}

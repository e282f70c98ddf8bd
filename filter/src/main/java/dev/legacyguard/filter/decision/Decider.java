package dev.legacyguard.filter.decision;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import dev.legacyguard.filter.http.BearerAnswers;
import dev.legacyguard.filter.http.BearerTokenResolver;
import dev.legacyguard.filter.http.InvalidRequestException;
import dev.legacyguard.filter.http.MethodOverride;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.rules.RejectedPathException;
import dev.legacyguard.filter.rules.RequestPath;
import dev.legacyguard.filter.rules.Requirement;
import dev.legacyguard.filter.token.AccessToken;
import dev.legacyguard.filter.token.Failure;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.Verification;

/**
 * Decides what happens to a request, sending nothing: the path, the rules for its method and
 * every method override, then the token, its verification, its organization and the scopes. The filter answers
 * from the {@link RequestDecision}; the explain command judges from the same code.
 */
public final class Decider {
    private final AccessRules rules;
    private final TokenVerifier verifier;
    private final boolean servesMetadata;
    private final boolean passPreflights;

    public Decider(AccessRules rules, TokenVerifier verifier, boolean servesMetadata, boolean passPreflights) {
        this.rules = rules;
        this.verifier = verifier;
        this.servesMetadata = servesMetadata;
        this.passPreflights = passPreflights;
    }

    public RequestDecision decide(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return RequestDecision.PASS_RESUMED;
        }
        if (passPreflights && isCorsPreflight(request)) {
            return RequestDecision.PASS_PREFLIGHT;
        }
        String path;
        try {
            path = RequestPath.of(request);
        } catch (RejectedPathException e) {
            return RequestDecision.rejectedPath(e.getMessage());
        }
        if (servesMetadata && BearerAnswers.METADATA_PATH.equals(path)) {
            return RequestDecision.SERVE_METADATA;
        }
        Requirement requirement = requirement(request.getMethod(), MethodOverride.requested(request), path);
        if (requirement.isDenied() || requirement.isPublic()) {
            return RequestDecision.byRule(requirement);
        }
        String compact;
        try {
            compact = BearerTokenResolver.candidate(request);
        } catch (InvalidRequestException e) {
            return RequestDecision.invalidRequest(requirement, e.getMessage());
        }
        return judgeToken(requirement, compact);
    }

    /**
     * The decision for a request already taken apart: {@code normalizedPath} from {@link RequestPath},
     * {@code overrides} from {@link MethodOverride} (null for none), {@code compactToken} as the
     * Authorization header carries it (null for none).
     */
    public RequestDecision decide(String method, String normalizedPath, List<String> overrides, String compactToken) {
        Requirement requirement = requirement(method, overrides, normalizedPath);
        if (requirement.isDenied() || requirement.isPublic()) {
            return RequestDecision.byRule(requirement);
        }
        return judgeToken(requirement, compactToken);
    }

    /** What the rules ask of {@code method} on {@code normalizedPath} when it may run as any of {@code overrides}. */
    public Requirement requirement(String method, List<String> overrides, String normalizedPath) {
        return rules.requirementFor(method, overrides, normalizedPath);
    }

    /**
     * The token's part of the decision under a requirement that needs one. The credential's
     * b64token syntax is checked only when the token fails the format check: every token that
     * passes it (and so every cached one) is a b64token, and scanning each character of a token
     * that passes was most of a cached request's cost.
     */
    public RequestDecision judgeToken(Requirement requirement, String compactToken) {
        if (compactToken == null) {
            return RequestDecision.missingToken(requirement);
        }
        Verification verification = verifier.verify(compactToken);
        if (!verification.valid()) {
            Failure failure = verification.failure();
            if ("format".equals(failure.check())) {
                try {
                    BearerTokenResolver.requireB64Token(compactToken);
                } catch (InvalidRequestException e) {
                    return RequestDecision.invalidRequest(requirement, e.getMessage());
                }
            }
            return RequestDecision.refusedToken(requirement, failure, compactToken);
        }
        AccessToken token = verification.token();
        String organization = requirement.organization();
        if (organization == null && token.isOrganizationToken()) {
            return RequestDecision.organizationTokenOffOrganizationPath(requirement, token, compactToken);
        }
        if (organization != null && !organization.equals(token.organizationId())) {
            return RequestDecision.wrongOrganization(requirement, token, compactToken);
        }
        if (requirement.kind() == Requirement.Kind.SCOPES && !requirement.satisfiedBy(token.scopes())) {
            return RequestDecision.insufficientScope(requirement, token, requirement.missingFrom(token.scopes()), compactToken);
        }
        return RequestDecision.authenticated(requirement, token);
    }

    /** A CORS preflight carries no credentials by design; passed on only when the configuration says so. */
    private static boolean isCorsPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }
}

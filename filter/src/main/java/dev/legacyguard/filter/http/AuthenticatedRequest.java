package dev.legacyguard.filter.http;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import dev.legacyguard.filter.token.AccessToken;

/**
 * The request as the application sees it after a token was accepted: the standard servlet
 * security calls answer from the token, so code written for container authentication works
 * unchanged. The token itself is the request attribute {@link AccessToken#REQUEST_ATTRIBUTE}.
 */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {
    public static final String AUTH_TYPE = "BEARER";
    private static final String ANY_AUTHENTICATED_USER = "**";

    private final TokenPrincipal principal;

    public AuthenticatedRequest(HttpServletRequest request, AccessToken token) {
        super(request);
        this.principal = new TokenPrincipal(token);
        request.setAttribute(AccessToken.REQUEST_ATTRIBUTE, token);
    }

    /**
     * The request of an ASYNC dispatch, which the filter judged at its REQUEST dispatch: the token
     * accepted then is shown again, because {@code startAsync()} dispatches the container's
     * unwrapped request; a request that needed no token stays as it is.
     */
    public static HttpServletRequest resumed(HttpServletRequest request) {
        Object token = request.getAttribute(AccessToken.REQUEST_ATTRIBUTE);
        return token instanceof AccessToken ? new AuthenticatedRequest(request, (AccessToken) token) : request;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    /**
     * A role is a granted scope; nothing else, so container roles cannot widen what a token
     * allows. {@code **} is the servlet specification's "any authenticated user".
     */
    @Override
    public boolean isUserInRole(String role) {
        return role != null && (role.equals(ANY_AUTHENTICATED_USER) || principal.token().hasScope(role));
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}

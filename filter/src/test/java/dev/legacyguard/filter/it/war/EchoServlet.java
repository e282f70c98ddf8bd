package dev.legacyguard.filter.it.war;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.Principal;
import java.util.TreeSet;

import dev.legacyguard.filter.token.AccessToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The legacy app of the test WAR: it knows nothing of tokens and only reports, as
 * {@code key=value} lines, what the container's standard API tells it about the caller.
 */
public class EchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String[] ROLES = {"read:products", "write:products", "read:projects"};

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        echo(request, response);
    }

    static void echo(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("method=" + request.getMethod());
        out.println("dispatcherType=" + request.getDispatcherType());
        out.println("path=" + request.getRequestURI());
        Principal principal = request.getUserPrincipal();
        out.println("principal=" + (principal == null ? "" : principal.getName()));
        out.println("remoteUser=" + (request.getRemoteUser() == null ? "" : request.getRemoteUser()));
        for (String role : ROLES) {
            out.println("role." + role + "=" + request.isUserInRole(role));
        }
        Object attribute = request.getAttribute(AccessToken.REQUEST_ATTRIBUTE);
        if (attribute instanceof AccessToken) {
            AccessToken token = (AccessToken) attribute;
            out.println("token.subject=" + token.subject());
            out.println("token.clientId=" + token.clientId());
            out.println("token.scopes=" + String.join(" ", new TreeSet<>(token.scopes())));
            out.println("token.audiences=" + String.join(" ", token.audiences()));
            out.println("token.issuer=" + token.issuer());
            out.println("token.organization=" + token.organizationId());
            out.println("token.codeSource=" + AccessToken.class.getProtectionDomain().getCodeSource().getLocation());
        }
    }
}

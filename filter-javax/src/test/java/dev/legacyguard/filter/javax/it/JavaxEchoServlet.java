package dev.legacyguard.filter.javax.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.Principal;

import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A javax.servlet app that reports, as key=value lines, who the container says the caller is;
 * under {@code /async/} it first goes asynchronous and reports from the ASYNC dispatch.
 */
public class JavaxEchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String TOKEN_ATTRIBUTE = "dev.legacyguard.filter.token.AccessToken";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.REQUEST && request.getRequestURI().contains("/async/")) {
            AsyncContext async = request.startAsync();
            async.start(async::dispatch);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("method=" + request.getMethod());
        out.println("dispatcherType=" + request.getDispatcherType());
        Principal principal = request.getUserPrincipal();
        out.println("principal=" + (principal == null ? "" : principal.getName()));
        out.println("role.read:products=" + request.isUserInRole("read:products"));
        out.println("role.write:products=" + request.isUserInRole("write:products"));
        Object token = request.getAttribute(TOKEN_ATTRIBUTE);
        if (token != null) {
            out.println("token.codeSource=" + token.getClass().getProtectionDomain().getCodeSource().getLocation());
        }
    }
}

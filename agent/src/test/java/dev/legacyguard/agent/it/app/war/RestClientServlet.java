package dev.legacyguard.agent.it.app.war;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

/**
 * The same outgoing call through the server's own Jakarta REST client (RESTEasy, from
 * WildFly's modules): {@code GET ?url=URL} answers {@code status=CODE BODY} or
 * {@code error=EXCEPTION: MESSAGE}.
 */
public final class RestClientServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient Client client;

    @Override
    public void init() {
        client = ClientBuilder.newClient();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String outcome;
        try (Response answer = client.target(request.getParameter("url")).request().get()) {
            outcome = "status=" + answer.getStatus() + " " + answer.readEntity(String.class);
        } catch (RuntimeException e) {
            outcome = "error=" + e.getClass().getName() + ": " + e.getMessage();
        }
        response.setContentType("text/plain");
        response.getWriter().print(outcome);
    }

    @Override
    public void destroy() {
        client.close();
    }
}

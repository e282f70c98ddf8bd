package dev.legacyguard.agent.it.app.war;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

/** The outgoing call with the server's own Jakarta REST client (RESTEasy, from WildFly's modules). */
public final class RestClientServlet extends OutgoingCallServlet {

    private static final long serialVersionUID = 1L;

    private transient Client client;

    @Override
    public void init() {
        client = ClientBuilder.newClient();
    }

    @Override
    String fetch(String url) {
        try (Response answer = client.target(url).request().get()) {
            return "status=" + answer.getStatus() + " " + answer.readEntity(String.class);
        }
    }

    @Override
    public void destroy() {
        client.close();
    }
}

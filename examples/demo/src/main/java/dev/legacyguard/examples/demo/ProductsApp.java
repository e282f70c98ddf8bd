package dev.legacyguard.examples.demo;

import java.nio.file.Path;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The legacy WAR, unchanged, on embedded Jetty 12 (ee10) on a free loopback port. A filter
 * that refuses its configuration stops the start, so the app never serves unprotected.
 */
final class ProductsApp implements AutoCloseable {

    static final String CONTEXT_PATH = "/legacy-webapp";

    private final Server server;
    private final String baseUrl;

    private ProductsApp(Server server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
    }

    static ProductsApp start(Path war) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        WebAppContext app = new WebAppContext();
        app.setContextPath(CONTEXT_PATH);
        app.setWar(war.toString());
        app.setThrowUnavailableOnStartupException(true);
        server.setHandler(app);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new IllegalStateException("the legacy web app did not start on Jetty: " + e.getMessage(), e);
        }
        return new ProductsApp(server, "http://127.0.0.1:" + connector.getLocalPort() + CONTEXT_PATH);
    }

    /** {@code http://127.0.0.1:PORT/legacy-webapp}: the app's root, as the client is told. */
    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

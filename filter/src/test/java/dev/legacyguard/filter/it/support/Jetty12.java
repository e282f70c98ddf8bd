package dev.legacyguard.filter.it.support;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12 (ee10) on a free loopback port, deploying exploded WARs as Jetty's own
 * deployer would: each with its own web-app class loader, so each has its own filter instance.
 */
public final class Jetty12 implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ContextHandlerCollection contexts = new ContextHandlerCollection();

    private Jetty12() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(contexts);
    }

    public static Jetty12 start() {
        Jetty12 jetty = new Jetty12();
        try {
            jetty.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Jetty did not start", e);
        }
        return jetty;
    }

    /** Deploys the exploded WAR at {@code contextPath}; fails if the app (its filter) does not start. */
    public URI deploy(Path war, String contextPath) {
        WebAppContext webapp = new WebAppContext(war.toString(), contextPath);
        webapp.setThrowUnavailableOnStartupException(true);
        contexts.addHandler(webapp);
        try {
            webapp.start();
        } catch (Exception e) {
            throw new IllegalStateException("the web app " + war + " did not start in Jetty", e);
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + contextPath + "/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Jetty did not stop", e);
        }
    }
}

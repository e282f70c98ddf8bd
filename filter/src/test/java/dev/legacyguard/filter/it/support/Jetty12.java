package dev.legacyguard.filter.it.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

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
        return startApp(new WebAppContext(war.toString(), contextPath));
    }

    /**
     * Deploys the exploded WAR with Jetty 12's CrossOriginHandler in front of its servlets (as
     * the {@code cross-origin} module or a context XML would put it), allowing {@code origin}:
     * the handler answers preflights itself, before any filter of the app.
     */
    public URI deployBehindCrossOriginHandler(Path war, String contextPath, String origin) {
        WebAppContext webapp = new WebAppContext(war.toString(), contextPath);
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(Set.of(Pattern.quote(origin)));
        webapp.insertHandler(cors);
        return startApp(webapp);
    }

    private URI startApp(WebAppContext webapp) {
        String contextPath = webapp.getContextPath();
        webapp.setThrowUnavailableOnStartupException(true);
        contexts.addHandler(webapp);
        try {
            webapp.start();
        } catch (Exception e) {
            throw new IllegalStateException("the web app " + webapp.getWar() + " did not start in Jetty", e);
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + contextPath + "/");
    }

    /** Stops the web app at {@code contextPath} and removes it, as undeploying it would: its filter is destroyed. */
    public void undeploy(String contextPath) {
        for (Handler handler : contexts.getHandlers()) {
            if (handler instanceof WebAppContext && ((WebAppContext) handler).getContextPath().equals(contextPath)) {
                try {
                    handler.stop();
                } catch (Exception e) {
                    throw new IllegalStateException("the web app at " + contextPath + " did not stop in Jetty", e);
                }
                contexts.removeHandler(handler);
                return;
            }
        }
        throw new IllegalArgumentException("no web app at " + contextPath);
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

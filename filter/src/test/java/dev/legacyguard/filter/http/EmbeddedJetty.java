package dev.legacyguard.filter.http;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty 12 (ee10) on 127.0.0.1 and a free port, with one context, an optional filter on /* and one servlet. */
public final class EmbeddedJetty implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private EmbeddedJetty(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the server; a filter whose {@code init} fails makes this throw, as it makes a real
     * deployment fail.
     */
    public static EmbeddedJetty start(String contextPath, Filter filter, Map<String, String> initParams,
                                      Servlet servlet) throws Exception {
        return start(contextPath, null, filter, initParams, servlet);
    }

    /** As above, with {@code webAppDir} as the context's resources (where {@code /WEB-INF/...} is found). */
    public static EmbeddedJetty start(String contextPath, Path webAppDir, Filter filter, Map<String, String> initParams,
                                      Servlet servlet) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(contextPath);
        if (webAppDir != null) {
            context.setBaseResourceAsPath(webAppDir);
        }
        if (filter != null) {
            FilterHolder holder = new FilterHolder(filter);
            holder.setInitParameters(initParams);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new EmbeddedJetty(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public RawHttp client() {
        return new RawHttp(port());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

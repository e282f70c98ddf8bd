package dev.legacyguard.agent.it;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import dev.legacyguard.filter.LogtoBearerFilter;

/**
 * The other half of the product: an API in Jetty 12 protected by the project's own
 * {@link LogtoBearerFilter}, which reads products with {@code read:products} and changes them
 * with {@code write:products}. The servlet answers with the caller the filter established.
 */
final class FilteredApi implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    FilteredApi(String issuerEndpoint, String audience) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder filter = new FilterHolder(new LogtoBearerFilter());
        filter.setInitParameter("logto.endpoint", issuerEndpoint);
        filter.setInitParameter("logto.audience", audience);
        filter.setInitParameter("logto.rule.10", "GET /products/** : read:products");
        filter.setInitParameter("logto.rule.20", "POST,PUT,DELETE /products/** : write:products");
        filter.setInitParameter("logto.unmatched", "deny");
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().print("hello " + request.getUserPrincipal().getName());
            }
        }), "/*");
        server.setHandler(context);
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

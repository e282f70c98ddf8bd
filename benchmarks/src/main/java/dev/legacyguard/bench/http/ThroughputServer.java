package dev.legacyguard.bench.http;

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
 * Jetty 12 (ee10) serving one trivial servlet twice: under {@code /open/} as it is, under
 * {@code /api/} behind the filter. Both paths share one server, one JIT and one thread pool, so
 * the load driver can alternate between them and compare like with like. Prints
 * {@code READY <port>} when it listens on loopback.
 *
 * <p>Argument: the filter's properties file.
 */
public final class ThroughputServer {

    public static final String OPEN_PATH = "/open/items";
    public static final String GUARDED_PATH = "/api/items";

    private ThroughputServer() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Items()), "/*");
        FilterHolder filter = new FilterHolder(LogtoBearerFilter.class);
        filter.setInitParameter("config", args[0]);
        context.addFilter(filter, "/api/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    /** The application: as cheap as a servlet gets, so the filter's share shows. */
    static final class Items extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final byte[] BODY = {'o', 'k'};

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }
}

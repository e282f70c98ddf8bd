package dev.legacyguard.bench.servlet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

import dev.legacyguard.filter.LogtoBearerFilter;

/**
 * Starts {@link LogtoBearerFilter}s the way a web application does (a FilterHolder with the
 * init-param {@code config}, initialised by Jetty 12's ServletContextHandler on start), without
 * a connector, and hands out the started instances so their {@code doFilter} can be called
 * directly.
 */
public final class FilterHost implements AutoCloseable {

    private final Server server;
    private final List<Filter> filters;

    private FilterHost(Server server, List<Filter> filters) {
        this.server = server;
        this.filters = filters;
    }

    /** One started filter per properties file, in the same order. */
    public static FilterHost start(List<Path> configs) {
        Server server = new Server();
        ServletContextHandler context = new ServletContextHandler("/");
        List<FilterHolder> holders = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            FilterHolder holder = new FilterHolder(LogtoBearerFilter.class);
            holder.setName("logto-" + i);
            holder.setInitParameter("config", configs.get(i).toAbsolutePath().toString());
            context.addFilter(holder, "/filter-" + i + "/*", EnumSet.of(DispatcherType.REQUEST));
            holders.add(holder);
        }
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the filters did not start; their configurations: " + configs, e);
        }
        List<Filter> filters = new ArrayList<>();
        for (FilterHolder holder : holders) {
            filters.add(holder.getFilter());
        }
        return new FilterHost(server, filters);
    }

    public Filter filter(int index) {
        return filters.get(index);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

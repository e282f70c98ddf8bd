package dev.legacyguard.filter.it.war;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An asynchronous legacy servlet: it starts async processing and finishes on another thread,
 * either by dispatching back to itself ({@code /async/dispatch}: the echo is written in the
 * ASYNC dispatch), by dispatching to the path in parameter {@code to}, or by writing the echo
 * there and completing ({@code /async/complete}).
 */
public class AsyncEchoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            EchoServlet.echo(request, response);
            return;
        }
        // startAsync() without arguments: the container dispatches its own, unwrapped request.
        AsyncContext async = request.startAsync();
        String target = request.getParameter("to");
        if (target != null) {
            async.start(() -> async.dispatch(target));
        } else if (request.getRequestURI().endsWith("/dispatch")) {
            async.start(async::dispatch);
        } else {
            async.start(() -> {
                try {
                    EchoServlet.echo(request, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    async.complete();
                }
            });
        }
    }
}

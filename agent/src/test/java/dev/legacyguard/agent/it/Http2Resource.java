package dev.legacyguard.agent.it;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An API on loopback that speaks HTTP/2 in clear text (h2c, reached by HTTP/1.1's upgrade, as
 * {@code java.net.http} does) and HTTP/1.1: Jetty 12's own HTTP/2 server. It records, per path,
 * the protocol each request came in and the Authorization header it carried.
 */
final class Http2Resource implements AutoCloseable {

    private final Server server = new Server();
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    Http2Resource() throws Exception {
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                seen.put(request.getHttpURI().getPath(), request.getConnectionMetaData().getProtocol() + " "
                        + (authorization == null ? ResourceServer.NONE : authorization));
                response.setStatus(200);
                Content.Sink.write(response, true, "ok", callback);
                return true;
            }
        });
        server.start();
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code PROTOCOL AUTHORIZATION} of the request to {@code path} ({@code HTTP/2.0 Bearer ...}), or null if none came. */
    String seenAt(String path) {
        return seen.get(path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

package dev.legacyguard.agent.instrument.apachehttpclient5async;

import java.io.IOException;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.reactor.IOReactor;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.CallDepth;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.LeasedHop;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.hc.client5.http.impl.async.AsyncProtocolExec#execute}, which
 * every hop passes with its own route (the redirect exec sends each redirect through the chain
 * again, copying the application's request, never the agent's header), before the connection
 * is leased. The first hop runs on the application's thread inside {@code execute} and may wait
 * for a token; a later hop runs on an I/O reactor thread, which must never wait: it gets a cached
 * token only, as does a first hop where the application calls {@code execute} from a callback. The deliberate failure goes to the hop's callback, which fails the exchange's
 * future and the application's callback; the hop is then skipped, and nothing is thrown. The
 * header decided here goes on the request only after the client's own interceptors
 * ({@link ProcessedRequestAdvice}).
 */
final class HopAdvice {

    private static final String CLIENT = "Apache HttpClient 5 async";

    private HopAdvice() {
    }

    /** True when the hop failed for want of a token: its body (the lease and the request) is skipped. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static boolean decide(@Advice.Argument(0) HttpRequest request, @Advice.Argument(2) AsyncExecChain.Scope scope,
            @Advice.Argument(4) AsyncExecCallback callback) {
        try {
            HttpRoute route = scope.route;
            HttpClientContext context = scope.clientContext;
            HttpHost target = route.getTargetHost();
            String path = request.getPath();
            String url = RequestUrls.join(target.getSchemeName(), target.getHostName(), target.getPort(),
                    path == null ? "/" : path);
            Header present = request.getFirstHeader("Authorization");
            // Unless the application set it, the Host header (or :authority) is written later from
            // the request's authority, without user info.
            Header host = request.getFirstHeader("Host");
            URIAuthority authority = request.getAuthority();
            String hostHeader = host != null ? host.getValue()
                    : authority == null ? null : new URIAuthority(authority.getHostName(), authority.getPort()).toString();
            String presentValue = present == null ? null : present.getValue();
            String added = (String) context.getAttribute(ContextAttributes.ADDED_HEADER);
            boolean throughProxy = route.getProxyHost() != null;
            // The application's thread inside execute may wait; a reactor thread never, also
            // where the application calls execute from a callback.
            boolean mayWait = CallDepth.forClass(CloseableHttpAsyncClient.class).inside()
                    && !CallDepth.forClass(IOReactor.class).inside();
            String header = mayWait
                    ? Authorizations.forHop(CLIENT, presentValue, added, url, hostHeader, throughProxy)
                    : Authorizations.forHopWithoutWaiting(CLIENT, presentValue, added, url, hostHeader, throughProxy);
            if (header == Authorizations.LEAVE_ALONE) {
                return false;
            }
            if (present != null) {
                request.removeHeaders("Authorization");
            }
            // Added once the client's own interceptors have run (ProcessedRequestAdvice): the
            // application's default headers and interceptors add an Authorization only to a
            // request that has none yet, after this (since 5.2 only once the connection is up).
            context.removeAttribute(ContextAttributes.ADDED_HEADER);
            if (header != null) {
                context.setAttribute(ContextAttributes.PENDING_HOP, new LeasedHop(request, path, hostHeader, url, throughProxy));
                context.setAttribute(ContextAttributes.PENDING_HEADER, header);
            } else {
                context.removeAttribute(ContextAttributes.PENDING_HOP);
                context.removeAttribute(ContextAttributes.PENDING_HEADER);
            }
            return false;
        } catch (IOException deliberate) {
            callback.failed(deliberate);
            return true;
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
            return false;
        }
    }
}

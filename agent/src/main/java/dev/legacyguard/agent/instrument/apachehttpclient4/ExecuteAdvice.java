package dev.legacyguard.agent.instrument.apachehttpclient4;

import java.io.IOException;

import org.apache.http.Header;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.RequestLine;
import org.apache.http.message.BufferedHeader;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.CharArrayBuffer;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.LeasedHop;
import dev.legacyguard.agent.bootstrap.NamedGetter;
import dev.legacyguard.agent.bootstrap.PreformattedHeaders;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.http.protocol.HttpRequestExecutor#execute}, which sends each
 * request on its connection: every redirect hop and retry passes here, with the hop's route
 * in the context. The route's target is where the connection goes (through the route's proxy,
 * if it has one); the request's own target
 * ({@code http.target_host}) is only what its URL says, and {@code execute(HttpHost, request)}
 * sends a URL to another host. RedirectExec (4.5) copies the original request's headers onto a
 * redirect, but the agent's header only ever lives on the per-hop request, and is decided
 * again on every hop; the first hop of a 4.3+ exec chain takes the URL its lease worked out
 * ({@link LeasedHop}). No call depth is kept: only this class's own method is woven, and it
 * never calls itself, so a request that passes here again on the same thread is another request,
 * decided for itself. The inlined code names no class constant: httpcore 4.0 is Java 1.3
 * bytecode, where one fails verification.
 */
final class ExecuteAdvice {

    private static final String CLIENT = "Apache HttpClient 4";
    private static final String ROUTE_INFO = "org.apache.http.conn.routing.RouteInfo";
    private static final String MANAGED_CONNECTION = "org.apache.http.conn.ManagedClientConnection";

    private ExecuteAdvice() {
    }

    /** The deliberate token failure, or null; a failure carried out of here skips the method's body. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static IOException decide(@Advice.Argument(0) HttpRequest request, @Advice.Argument(2) HttpContext context,
            @Advice.Local("addedHere") String addedHere, @Advice.Local("addedForUrl") String addedForUrl) {
        try {
            Header present = request.getFirstHeader("Authorization");
            String presentValue = present == null ? null : present.getValue();
            // Which header the agent added matters only when there is one: a lookup saved on nearly every call.
            String added = present == null ? null : (String) context.getAttribute(ContextAttributes.ADDED_HEADER);
            // The Host header is the application's own or the virtual host (RequestConfig) by now.
            Header host = request.getFirstHeader("Host");
            String hostHeader = host == null ? null : host.getValue();
            if (Authorizations.isTheApplications(presentValue, added)) {
                // Left alone before the URL is built: the application's own header stays as it is,
                // so what follows only asks for the header of the URL.
                return null;
            }
            RequestLine line = request.getRequestLine();
            LeasedHop leased = LeasedHop.takenFor(context.getAttribute(ContextAttributes.LEASED_HOP), request,
                    line.getUri(), hostHeader);
            String url;
            String header;
            if (leased != null) {
                url = leased.url();
                header = Authorizations.decide(CLIENT, url, hostHeader, leased.throughProxy());
            } else {
                if ("CONNECT".equalsIgnoreCase(line.getMethod())) {
                    return null;
                }
                // RouteInfo by name: it is httpclient's, which httpcore's class loader may not see.
                Object route = context.getAttribute("http.route");
                if (route == null) {
                    // HttpClient 4.0-4.2's DefaultRequestDirector keeps the route on its managed
                    // connection only; its http.target_host is the virtual host when one is set,
                    // not where the connection goes.
                    route = NamedGetter.of(MANAGED_CONNECTION, "getRoute").get(context.getAttribute("http.connection"));
                }
                Object target = NamedGetter.of(ROUTE_INFO, "getTargetHost").get(route);
                Object proxy = NamedGetter.of(ROUTE_INFO, "getProxyHost").get(route);
                if (target == null) {
                    // httpcore on its own, connecting to the target it names.
                    target = context.getAttribute("http.target_host");
                    proxy = context.getAttribute("http.proxy_host");
                }
                url = RequestUrls.join(target == null ? null : target.toString(), line.getUri());
                header = Authorizations.decide(CLIENT, url, hostHeader, proxy != null);
            }
            if (present != null) {
                request.removeHeaders("Authorization");
            }
            if (header != null) {
                // Any Authorization header is gone by now: the header is added, not set in place of one.
                // As the client's own pre-formatted line, made once per token: see PreformattedHeaders.
                Object kept = PreformattedHeaders.APACHE_HTTPCLIENT4.madeFor(header);
                if (kept instanceof BufferedHeader) {
                    request.addHeader((BufferedHeader) kept);
                } else if (PreformattedHeaders.mayBeWrittenAsIs(header)) {
                    CharArrayBuffer written = new CharArrayBuffer(15 + header.length());
                    written.append("Authorization: ");
                    written.append(header);
                    BufferedHeader formatted = new BufferedHeader(written);
                    PreformattedHeaders.APACHE_HTTPCLIENT4.keep(header, formatted);
                    request.addHeader(formatted);
                } else {
                    request.addHeader("Authorization", header);
                }
                context.setAttribute(ContextAttributes.ADDED_HEADER, header);
                addedHere = header;
                addedForUrl = url;
            } else {
                context.removeAttribute(ContextAttributes.ADDED_HEADER);
            }
            return null;
        } catch (IOException deliberate) {
            return deliberate;
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
            return null;
        }
    }

    /** Throws the deliberate failure {@code decide} carried, else reports how the request was answered. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void report(@Advice.Enter IOException refused, @Advice.Local("addedHere") String addedHere,
            @Advice.Local("addedForUrl") String addedForUrl, @Advice.Argument(0) HttpRequest request,
            @Advice.Return HttpResponse response, @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        }
        if (response == null) {
            return;
        }
        try {
            int status = response.getStatusLine().getStatusCode();
            if (!Authorizations.worthReporting(status)) {
                return;
            }
            Header present = request.getFirstHeader("Authorization");
            Header challenge = response.getFirstHeader("WWW-Authenticate");
            Authorizations.answeredHop(CLIENT, present == null ? null : present.getValue(), addedHere, addedForUrl,
                    status, challenge == null ? null : challenge.getValue());
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
        }
    }
}

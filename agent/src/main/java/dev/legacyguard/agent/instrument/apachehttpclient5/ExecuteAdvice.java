package dev.legacyguard.agent.instrument.apachehttpclient5;

import java.io.IOException;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BufferedHeader;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.CharArrayBuffer;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.LeasedHop;
import dev.legacyguard.agent.bootstrap.NamedGetter;
import dev.legacyguard.agent.bootstrap.PreformattedHeaders;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.hc.core5.http.impl.io.HttpRequestExecutor#execute}, which
 * sends each classic request on its connection: every redirect hop and retry passes here with
 * its own route, so the header is decided again on every hop; the first hop takes the URL
 * ConnectExec's lease worked out for the same request ({@link LeasedHop}). The route's target
 * is where the connection goes (through the route's proxy, if it has one); the request's
 * authority is only what its URL says, and {@code execute(HttpHost, request)} sends a URL to
 * another host. No call depth is kept: only this class's own four-argument method is woven,
 * and it never calls itself, so a request that passes here again on the same thread is another
 * request, decided for itself.
 */
final class ExecuteAdvice {

    private static final String CLIENT = "Apache HttpClient 5";
    private static final String ROUTE_INFO = "org.apache.hc.client5.http.RouteInfo";

    private ExecuteAdvice() {
    }

    /** The deliberate token failure, or null; a failure carried out of here skips the method's body. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static IOException decide(@Advice.Argument(0) ClassicHttpRequest request, @Advice.Argument(3) HttpContext context,
            @Advice.Local("addedHere") String addedHere, @Advice.Local("addedForUrl") String addedForUrl) {
        try {
            Header present = request.getFirstHeader("Authorization");
            String presentValue = present == null ? null : present.getValue();
            // Which header the agent added matters only when there is one: a lookup saved on nearly every call.
            String added = present == null ? null : (String) context.getAttribute(ContextAttributes.ADDED_HEADER);
            // The Host header is the application's own or the request's authority by now.
            Header host = request.getFirstHeader("Host");
            String hostHeader = host == null ? null : host.getValue();
            if (Authorizations.isTheApplications(presentValue, added)) {
                // Left alone before the URL is built: the application's own header stays as it is,
                // so what follows only asks for the header of the URL.
                return null;
            }
            String path = request.getPath();
            LeasedHop leased = LeasedHop.takenFor(context.getAttribute(ContextAttributes.LEASED_HOP), request, path, hostHeader);
            String url;
            String header;
            if (leased != null) {
                url = leased.url();
                header = Authorizations.decide(CLIENT, url, hostHeader, leased.throughProxy());
            } else {
                if ("CONNECT".equalsIgnoreCase(request.getMethod())) {
                    return null;
                }
                // HttpClientContext and RouteInfo by name: they are httpclient's, which httpcore's class
                // loader may not see. HttpHost is httpcore's own. 5.4+ keeps the route in a field, not
                // under the http.route attribute.
                Object route = NamedGetter.of("org.apache.hc.client5.http.protocol.HttpClientContext", "getHttpRoute").get(context);
                HttpHost target = (HttpHost) NamedGetter.of(ROUTE_INFO, "getTargetHost").get(route);
                // Not request.getUri(): it parses a java.net.URI for every new request, which was half
                // of what the advice cost a call. The same string, built without parsing; without a
                // route, httpcore is used on its own: the application connects to the authority it names.
                URIAuthority authority = request.getAuthority();
                String origin = target != null ? RequestUrls.origin(target.getSchemeName(), target.getHostName(), target.getPort())
                        : authority == null ? null : RequestUrls.origin(request.getScheme(), authority.getHostName(), authority.getPort());
                url = RequestUrls.join(origin, path == null ? "/" : path);
                header = Authorizations.decide(CLIENT, url, hostHeader,
                        NamedGetter.of(ROUTE_INFO, "getProxyHost").get(route) != null);
            }
            if (present != null) {
                request.removeHeaders("Authorization");
            }
            if (header != null) {
                // Any Authorization header is gone by now: the header is added, not set in place of one.
                // As the client's own pre-formatted line, made once per token: see PreformattedHeaders.
                Object kept = PreformattedHeaders.APACHE_HTTPCLIENT5.madeFor(header);
                if (kept instanceof BufferedHeader) {
                    request.addHeader((BufferedHeader) kept);
                } else if (PreformattedHeaders.mayBeWrittenAsIs(header)) {
                    CharArrayBuffer written = new CharArrayBuffer(15 + header.length());
                    written.append("Authorization: ");
                    written.append(header);
                    BufferedHeader formatted = BufferedHeader.create(written);
                    PreformattedHeaders.APACHE_HTTPCLIENT5.keep(header, formatted);
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
            @Advice.Local("addedForUrl") String addedForUrl, @Advice.Argument(0) ClassicHttpRequest request,
            @Advice.Return ClassicHttpResponse response, @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        }
        if (response == null) {
            return;
        }
        try {
            int status = response.getCode();
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

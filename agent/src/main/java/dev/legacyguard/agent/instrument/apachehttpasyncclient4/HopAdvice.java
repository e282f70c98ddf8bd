package dev.legacyguard.agent.instrument.apachehttpasyncclient4;

import java.io.IOException;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.conn.routing.RouteInfo;
import org.apache.http.nio.protocol.HttpAsyncClientExchangeHandler;
import org.apache.http.nio.reactor.IOReactor;
import org.apache.http.protocol.HttpContext;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.CallDepth;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.NamedGetter;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.http.impl.nio.client.MainClientExec}'s {@code prepare}
 * ({@code HttpHost, HttpRequest, InternalState, handler}) and {@code responseCompleted}
 * ({@code InternalState, handler}). Both end by preparing a hop: its request, rewritten and
 * processed (Host header included), and its route, under {@code http.request} and
 * {@code http.route} in the exchange's context. {@code prepare} runs inside {@code execute} on
 * the application's thread, so the first hop may wait for a token (unless the application calls
 * {@code execute} from a callback, on a reactor thread); a redirect is prepared in
 * {@code responseCompleted} on an I/O reactor thread, which must never wait: that hop gets a
 * cached token only, and without one the exchange fails through its future and callback. The
 * state and the exchange handler are package-private types: taken as arguments by position,
 * the context read through the state's public getter.
 */
final class HopAdvice {

    private static final String CLIENT = "Apache HttpAsyncClient 4";
    private static final String INTERNAL_STATE = "org.apache.http.impl.nio.client.InternalState";

    private HopAdvice() {
    }

    /** Reports how the hop that just completed was answered; returns that hop's request, so that exit sees a new one. */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object reportAnswer(@Advice.AllArguments Object[] arguments) {
        if (arguments.length != 2) {
            return null;
        }
        try {
            HttpContext context = (HttpContext) NamedGetter.of(INTERNAL_STATE, "getLocalContext").get(arguments[0]);
            Object hop = context.getAttribute("http.request");
            Object answer = context.getAttribute("http.response");
            if (hop instanceof HttpRequest && answer instanceof HttpResponse) {
                HttpResponse response = (HttpResponse) answer;
                int status = response.getStatusLine().getStatusCode();
                if (Authorizations.worthReporting(status)) {
                    Header present = ((HttpRequest) hop).getFirstHeader("Authorization");
                    Header challenge = response.getFirstHeader("WWW-Authenticate");
                    Authorizations.answeredHop(CLIENT, present == null ? null : present.getValue(),
                            (String) context.getAttribute(ContextAttributes.ADDED_HEADER),
                            (String) context.getAttribute(ContextAttributes.ADDED_FOR_URL), status,
                            challenge == null ? null : challenge.getValue());
                }
            }
            return hop;
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
            return null;
        }
    }

    /**
     * Decides the header of the hop just prepared. The deliberate token failure of a first hop is
     * thrown out of {@code prepare}, which {@code execute} catches and hands to the future and
     * callback before any connection is requested; a redirect's is given to the exchange
     * handler's {@code failed}.
     */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void decide(@Advice.Enter Object completedHop, @Advice.AllArguments Object[] arguments,
            @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (thrown != null) {
            return;
        }
        boolean firstHop = arguments.length == 4;
        // A reactor thread never waits, also where the application calls execute from a callback.
        boolean mayWait = firstHop && !CallDepth.forClass(IOReactor.class).inside();
        try {
            HttpContext context = (HttpContext) NamedGetter.of(INTERNAL_STATE, "getLocalContext")
                    .get(arguments[arguments.length - 2]);
            Object hop = context.getAttribute("http.request");
            if (!(hop instanceof HttpRequest) || !firstHop && hop == completedHop) {
                return;
            }
            HttpRequest request = (HttpRequest) hop;
            RouteInfo route = (RouteInfo) context.getAttribute("http.route");
            // The request line's target is the path, or the absolute URL sent to a proxy.
            HttpHost target = route.getTargetHost();
            String url = RequestUrls.join(target.getSchemeName(), target.getHostName(), target.getPort(),
                    request.getRequestLine().getUri());
            Header present = request.getFirstHeader("Authorization");
            Header host = request.getFirstHeader("Host");
            String presentValue = present == null ? null : present.getValue();
            String added = (String) context.getAttribute(ContextAttributes.ADDED_HEADER);
            String hostValue = host == null ? null : host.getValue();
            boolean throughProxy = route.getProxyHost() != null;
            String header = mayWait
                    ? Authorizations.forHop(CLIENT, presentValue, added, url, hostValue, throughProxy)
                    : Authorizations.forHopWithoutWaiting(CLIENT, presentValue, added, url, hostValue, throughProxy);
            if (header == Authorizations.LEAVE_ALONE) {
                return;
            }
            if (present != null) {
                request.removeHeaders("Authorization");
            }
            if (header != null) {
                request.setHeader("Authorization", header);
                context.setAttribute(ContextAttributes.ADDED_HEADER, header);
                context.setAttribute(ContextAttributes.ADDED_FOR_URL, url);
            } else {
                context.removeAttribute(ContextAttributes.ADDED_HEADER);
            }
        } catch (IOException deliberate) {
            if (firstHop) {
                thrown = deliberate;
            } else {
                ((HttpAsyncClientExchangeHandler) arguments[1]).failed(deliberate);
            }
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
        }
    }
}

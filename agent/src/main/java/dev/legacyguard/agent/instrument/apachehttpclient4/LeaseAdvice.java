package dev.legacyguard.agent.instrument.apachehttpclient4;

import java.io.IOException;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.RequestLine;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.routing.HttpRoute;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.LeasedHop;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.http.impl.execchain.MainClientExec#execute} (4.3+), before it
 * leases a connection: the same decision as {@link ExecuteAdvice} makes per hop, taken early so
 * that the deliberate token failure leaves no connection leased and opened. The hop that sends
 * this request on the leased connection decides again, at send time, for the URL worked out
 * here ({@link LeasedHop}): by then the request carries the same Host header, which
 * ProtocolExec wrote before this.
 */
final class LeaseAdvice {

    private static final String CLIENT = "Apache HttpClient 4";

    private LeaseAdvice() {
    }

    /** The deliberate token failure, or null; a failure carried out of here skips the lease and the request. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static IOException decideBeforeLease(@Advice.Argument(0) HttpRoute route, @Advice.Argument(1) HttpRequestWrapper request,
            @Advice.Argument(2) HttpClientContext context) {
        try {
            Header present = request.getFirstHeader("Authorization");
            Header host = request.getFirstHeader("Host");
            String hostHeader = host == null ? null : host.getValue();
            RequestLine line = request.getRequestLine();
            HttpHost target = route.getTargetHost();
            String url = RequestUrls.join(target.getSchemeName(), target.getHostName(), target.getPort(), line.getUri());
            boolean throughProxy = route.getProxyHost() != null;
            if (!"CONNECT".equalsIgnoreCase(line.getMethod())) {
                context.setAttribute(ContextAttributes.LEASED_HOP, new LeasedHop(request, line.getUri(), hostHeader, url,
                        throughProxy));
            }
            Authorizations.forHop(CLIENT, present == null ? null : present.getValue(),
                    present == null ? null : (String) context.getAttribute(ContextAttributes.ADDED_HEADER), url, hostHeader,
                    throughProxy);
            return null;
        } catch (IOException deliberate) {
            return deliberate;
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
            return null;
        }
    }

    /** Throws the deliberate failure {@code decideBeforeLease} carried. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void failForNoToken(@Advice.Enter IOException refused, @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        }
    }
}

package dev.legacyguard.agent.instrument.apachehttpclient5;

import java.io.IOException;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.net.URIAuthority;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.LeasedHop;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.hc.client5.http.impl.classic.ConnectExec#execute}, before it
 * acquires the endpoint: the same decision as {@link ExecuteAdvice} makes per hop, taken early
 * so that the deliberate token failure leaves no connection leased and opened. The request
 * processor that writes the {@code Host} header from the request's authority runs only later
 * (in {@code MainClientExec} since 5.2), so the header the request will carry is worked out here
 * the same way: else a virtual host naming another host would fail for want of a token the hop
 * never sends. The hop that sends this request on that connection decides again, at send
 * time, for the URL worked out here ({@link LeasedHop}), when the request then carries the same
 * path and that Host header: since 5.2 the application's request interceptors run in between.
 */
final class LeaseAdvice {

    private static final String CLIENT = "Apache HttpClient 5";

    private LeaseAdvice() {
    }

    /** The deliberate token failure, or null; a failure carried out of here skips the lease and the request. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static IOException decideBeforeLease(@Advice.Argument(0) ClassicHttpRequest request, @Advice.Argument(1) ExecChain.Scope scope) {
        try {
            HttpRoute route = scope.route;
            HttpHost target = route.getTargetHost();
            String path = request.getPath();
            Header present = request.getFirstHeader("Authorization");
            // Unless the application set it, the header RequestTargetHost will write: the authority without user info.
            Header host = request.getFirstHeader("Host");
            URIAuthority authority = request.getAuthority();
            String hostHeader = host != null ? host.getValue()
                    : authority == null ? null : new URIAuthority(authority.getHostName(), authority.getPort()).toString();
            String url = RequestUrls.join(target.getSchemeName(), target.getHostName(), target.getPort(),
                    path == null ? "/" : path);
            boolean throughProxy = route.getProxyHost() != null;
            if (!"CONNECT".equalsIgnoreCase(request.getMethod())) {
                scope.clientContext.setAttribute(ContextAttributes.LEASED_HOP, new LeasedHop(request, path, hostHeader, url,
                        throughProxy));
            }
            Authorizations.forHop(CLIENT, present == null ? null : present.getValue(),
                    present == null ? null : (String) scope.clientContext.getAttribute(ContextAttributes.ADDED_HEADER), url,
                    hostHeader, throughProxy);
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

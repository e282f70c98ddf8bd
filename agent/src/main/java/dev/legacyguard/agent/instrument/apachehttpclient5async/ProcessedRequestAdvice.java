package dev.legacyguard.agent.instrument.apachehttpclient5async;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;

import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.LeasedHop;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into httpcore5's {@code DefaultHttpProcessor#process} for requests, the client's own
 * request interceptors: the application's default headers ({@code setDefaultHeaders}) and its
 * interceptors add an {@code Authorization} there, and only to a request that has none yet. So
 * the header {@link HopAdvice} decided on is added here, after them, and only when the request
 * still has none: else the application's would never be sent. Up to 5.1 this runs inside
 * {@code AsyncProtocolExec}, right after the decision; since 5.2, when the request is produced on
 * the connection. The same processor class serves every other httpcore5 user: without the
 * pending attribute in the request's context, nothing happens.
 */
final class ProcessedRequestAdvice {

    private static final String CLIENT = "Apache HttpClient 5 async";

    private ProcessedRequestAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void addDecidedHeader(@Advice.Argument(0) HttpRequest request, @Advice.Argument(2) HttpContext context) {
        try {
            Object pending = context == null ? null : context.getAttribute(ContextAttributes.PENDING_HOP);
            // A CONNECT through a proxy shares the exchange's context; its request never gets the token.
            if (pending == null || "CONNECT".equalsIgnoreCase(request.getMethod())) {
                return;
            }
            String header = (String) context.getAttribute(ContextAttributes.PENDING_HEADER);
            context.removeAttribute(ContextAttributes.PENDING_HOP);
            context.removeAttribute(ContextAttributes.PENDING_HEADER);
            if (header == null || request.containsHeader("Authorization")) {
                return;
            }
            // Worked out as HopAdvice did: an interceptor that re-aimed the request leaves it without a token.
            Header host = request.getFirstHeader("Host");
            URIAuthority authority = request.getAuthority();
            String hostHeader = host != null ? host.getValue()
                    : authority == null ? null : new URIAuthority(authority.getHostName(), authority.getPort()).toString();
            LeasedHop hop = LeasedHop.aimedAs(pending, request.getPath(), hostHeader);
            if (hop == null) {
                return;
            }
            request.setHeader("Authorization", header);
            context.setAttribute(ContextAttributes.ADDED_HEADER, header);
            context.setAttribute(ContextAttributes.ADDED_FOR_URL, hop.url());
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
        }
    }
}

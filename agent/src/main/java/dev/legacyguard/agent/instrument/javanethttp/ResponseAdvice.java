package dev.legacyguard.agent.instrument.javanethttp;

import java.lang.invoke.MethodHandles;
import java.util.List;

import dev.legacyguard.agent.bootstrap.AddedHeaders;
import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.WovenCall;
import java.net.http.HttpHeaders;
import jdk.internal.net.http.HttpRequestImpl;
import jdk.internal.net.http.common.HttpHeadersBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the constructor of {@code jdk.internal.net.http.Response}, the status and
 * headers of one hop's answer (HTTP/1.1 or HTTP/2) and the request that got it: a 401 to a
 * request that carried the agent's header drops that token. An {@code Authorization} the
 * application set is sent instead of the agent's, and is not the agent's to report.
 */
final class ResponseAdvice {

    private static final String CLIENT = "java.net.http.HttpClient";

    private ResponseAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void report(@Advice.FieldValue("request") HttpRequestImpl request, @Advice.FieldValue("statusCode") int status,
            @Advice.FieldValue("headers") HttpHeaders headers) {
        if (!Authorizations.worthReporting(status)) {
            return;
        }
        try {
            MethodHandles.Lookup responseAccess = MethodHandles.lookup();
            List<String> values = ((HttpHeadersBuilder) WovenCall.of("getSystemHeadersBuilder").get(responseAccess, request))
                    .map().get("Authorization");
            String inSystem = values == null || values.isEmpty() ? null : values.get(0);
            String added = AddedHeaders.agentsAmongClientHeaders(inSystem);
            String present = request.headers().firstValue("Authorization").orElse(inSystem);
            Authorizations.answeredHop(CLIENT, present, added, request.uri().toString(), status,
                    headers.firstValue("WWW-Authenticate").orElse(null));
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
        }
    }
}

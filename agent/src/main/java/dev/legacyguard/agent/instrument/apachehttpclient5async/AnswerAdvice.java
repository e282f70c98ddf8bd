package dev.legacyguard.agent.instrument.apachehttpclient5async;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code handleResponse} of the callback {@code AsyncProtocolExec} hands down the
 * chain for one hop (its anonymous {@code AsyncProtocolExec$1}, holding the hop's request and
 * context as captured fields): each hop's answer, where a 401 reports the token it refused.
 */
final class AnswerAdvice {

    private static final String CLIENT = "Apache HttpClient 5 async";

    private AnswerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void report(@Advice.Argument(0) HttpResponse response, @Advice.FieldValue("val$request") HttpRequest request,
            @Advice.FieldValue("val$clientContext") HttpClientContext context) {
        try {
            int status = response.getCode();
            if (!Authorizations.worthReporting(status)) {
                return;
            }
            Header present = request.getFirstHeader("Authorization");
            Header challenge = response.getFirstHeader("WWW-Authenticate");
            Authorizations.answeredHop(CLIENT, present == null ? null : present.getValue(),
                    (String) context.getAttribute(ContextAttributes.ADDED_HEADER),
                    (String) context.getAttribute(ContextAttributes.ADDED_FOR_URL), status,
                    challenge == null ? null : challenge.getValue());
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
        }
    }
}

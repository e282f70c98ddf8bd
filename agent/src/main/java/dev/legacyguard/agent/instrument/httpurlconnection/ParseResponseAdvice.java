package dev.legacyguard.agent.instrument.httpurlconnection;

import java.net.HttpURLConnection;

import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.CallDepth;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;
import sun.net.www.MessageHeader;
import sun.net.www.http.HttpClient;

/**
 * Inlined into {@code sun.net.www.http.HttpClient#parseHTTP}, which reads each response's status
 * and headers: a 401 is reported with the request's Authorization, so a 401
 * {@code invalid_token} to the agent's token drops that token. Java 8 has a
 * {@code ProgressSource} between the two arguments used here, hence the first and the last
 * argument. The request answered is the client's {@code requests}, which each of its
 * {@code writeRequests} sets before sending. Its Authorization is reported whoever set it: the
 * source drops a token only when the header is the one of the token it currently caches for
 * that URL's resource.
 */
final class ParseResponseAdvice {

    private ParseResponseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        CallDepth.forClass(HttpClient.class).enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void report(@Advice.AllArguments Object[] arguments, @Advice.FieldValue("requests") MessageHeader requests) {
        if (!CallDepth.forClass(HttpClient.class).exit()) {
            return;
        }
        try {
            MessageHeader responses = (MessageHeader) arguments[0];
            int status = RequestUrls.statusOf(responses.getValue(0));
            HttpURLConnection connection = (HttpURLConnection) arguments[arguments.length - 1];
            if (Authorizations.worthReporting(status)) {
                Authorizations.answered("HttpURLConnection", connection.getURL().toString(),
                        requests == null ? null : requests.findValue("Authorization"), status,
                        responses.findValue("WWW-Authenticate"));
            }
        } catch (Throwable unexpected) {
            InstrumentationFailures.report("HttpURLConnection", unexpected);
        }
    }
}

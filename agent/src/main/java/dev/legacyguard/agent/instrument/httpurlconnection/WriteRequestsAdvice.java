package dev.legacyguard.agent.instrument.httpurlconnection;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

import dev.legacyguard.agent.bootstrap.AddedHeaders;
import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.CallDepth;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import net.bytebuddy.asm.Advice;
import sun.net.www.MessageHeader;

/**
 * Inlined into {@code sun.net.www.protocol.http.HttpURLConnection#writeRequests()}, which writes
 * every request the connection sends: the first one, each redirect hop it follows itself (with
 * the headers kept), and each retry. {@code url} is the hop's URL at that point, so the header
 * is decided again for every hop, except after a 305 answer: the connection then goes to the
 * proxy the answer named, with {@code url} unchanged.
 */
final class WriteRequestsAdvice {

    private static final String CLIENT = "HttpURLConnection";

    private WriteRequestsAdvice() {
    }

    /** The deliberate token failure, or null; a failure carried out of here skips writing the request. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static IOException decide(@Advice.This HttpURLConnection connection,
            @Advice.FieldValue("url") URL url,
            @Advice.FieldValue("requests") MessageHeader requests,
            @Advice.FieldValue("userHeaders") MessageHeader userHeaders,
            @Advice.FieldValue("useProxyResponseCode") boolean afterUseProxyAnswer) {
        if (!CallDepth.forClass(sun.net.www.protocol.http.HttpURLConnection.class).enter()) {
            return null;
        }
        try {
            // getRequestProperty hides Authorization; userHeaders holds what the application set.
            if (userHeaders.findValue("Authorization") != null) {
                return null;
            }
            // With no user header, one here is the agent's from an earlier write of this connection,
            // or the JDK's own authentication's.
            String present = requests.findValue("Authorization");
            // userHeaders holds a Host header the application set (sun.net.http.allowRestrictedHeaders).
            String header = Authorizations.forHop(CLIENT, present, AddedHeaders.agentsAmongClientHeaders(present),
                    afterUseProxyAnswer ? null : url.toString(),
                    userHeaders.findValue("Host"), connection.usingProxy());
            if (header == Authorizations.LEAVE_ALONE) {
                return null;
            }
            if (present != null) {
                requests.remove("Authorization");
            }
            if (header != null) {
                requests.set("Authorization", header);
            }
            return null;
        } catch (IOException deliberate) {
            return deliberate;
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
            return null;
        }
    }

    /** Throws the deliberate failure {@code decide} carried. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void leave(@Advice.Enter IOException refused, @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        }
        CallDepth.forClass(sun.net.www.protocol.http.HttpURLConnection.class).exit();
    }
}

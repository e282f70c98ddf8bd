package dev.legacyguard.agent.instrument.commonshttpclient3;

import java.io.IOException;

import org.apache.commons.httpclient.Header;
import org.apache.commons.httpclient.HttpConnection;
import org.apache.commons.httpclient.HttpMethodBase;

import dev.legacyguard.agent.bootstrap.AddedHeaders;
import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.RequestUrls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.commons.httpclient.HttpMethodBase#execute(HttpState,
 * HttpConnection)}, which writes one request on the connection and reads its answer: every
 * redirect hop, authentication round and retry of the director passes here. The URL is taken
 * from the connection (where it goes: host, port, protocol) and the method's path, never from
 * the method's URI; a connection through a proxy is one the director opened to the
 * {@code HostConfiguration}'s proxy.
 *
 * <p>The method object is reused across hops and keeps its headers, so the header the agent set
 * is recognised on the next hop by its name, the agent's own {@link AddedHeaders#NAME} (the
 * method hands out a header's name as it was given), and removed on a hop that gets none. It is
 * marked as generated, as the director marks its own credentials: the director then drops it
 * before each hop's authentication, and does not take it for the application's own header.
 * The Host header goes out as the method's virtual host, if set, else the connection's host.
 *
 * <p>No call depth is kept: only {@code HttpMethodBase}'s own method is woven, and it never
 * calls itself, so a request that passes here again on the same thread is another request,
 * decided for itself. commons-httpclient 3 is compiled for Java 1.1 (3.0.x) and 1.2 (3.1),
 * whose class files cannot load a class constant: the advice names no class literal.
 */
final class ExecuteAdvice {

    private static final String CLIENT = "commons-httpclient 3";

    private ExecuteAdvice() {
    }

    /** The deliberate token failure, or null; a failure carried out of here skips writing the request. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static IOException decide(@Advice.This HttpMethodBase method, @Advice.Argument(1) HttpConnection connection,
            @Advice.Local("url") String url) {
        try {
            if ("CONNECT".equals(method.getName())) {
                return null;
            }
            url = RequestUrls.under(connection.getProtocol().getScheme(), connection.getHost(), connection.getPort(),
                    method.getPath(), method.getQueryString());
            String virtualHost = method.getParams().getVirtualHost();
            Header present = method.getRequestHeader("Authorization");
            String presentValue = present == null ? null : present.getValue();
            String header = Authorizations.forHop(CLIENT, presentValue,
                    present != null && AddedHeaders.isTheAgents(present.getName()) ? presentValue : null, url,
                    virtualHost == null ? null : virtualHost + ":" + connection.getPort(), connection.isProxied());
            if (header == Authorizations.LEAVE_ALONE) {
                return null;
            }
            if (present != null) {
                method.removeRequestHeader("Authorization");
            }
            if (header != null) {
                method.setRequestHeader(new Header(AddedHeaders.NAME, header, true));
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
    static void report(@Advice.Enter IOException refused, @Advice.This HttpMethodBase method,
            @Advice.Local("url") String url, @Advice.Return int status, @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (refused != null) {
            thrown = refused;
        }
        if (!Authorizations.worthReporting(status)) {
            return;
        }
        try {
            Header present = method.getRequestHeader("Authorization");
            Header challenge = method.getResponseHeader("WWW-Authenticate");
            if (present != null && AddedHeaders.isTheAgents(present.getName())) {
                Authorizations.answered(CLIENT, url, present.getValue(), status, challenge == null ? null : challenge.getValue());
            }
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
        }
    }
}

package dev.legacyguard.agent.instrument.javanethttp;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.legacyguard.agent.bootstrap.AddedHeaders;
import dev.legacyguard.agent.bootstrap.Authorizations;
import dev.legacyguard.agent.bootstrap.InstrumentationFailures;
import dev.legacyguard.agent.bootstrap.WovenCall;
import java.net.http.HttpHeaders;
import jdk.internal.net.http.HttpRequestImpl;
import jdk.internal.net.http.common.HttpHeadersBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code jdk.internal.net.http.Exchange.responseAsync()}, which starts every
 * attempt of every hop (the first request, each redirect the client follows, a retry), HTTP/1.1
 * or HTTP/2, on the caller's thread or one of the client's. The header goes into the request's
 * system headers: those of a redirect hop start empty, the application cannot set them, and an
 * {@code Authorization} the application set (a user header) is sent instead of them. The hop's own proxy is the one the
 * client chose for the request (a redirect keeps the first hop's).
 *
 * <p>No thread of the client ever waits for a token: when the resource's token is not cached,
 * this attempt is replaced by one that starts once the token request, running on the agent's own
 * thread, has ended; it fails with the deliberate "no token" exception if that request failed
 * and {@code on-token-failure=fail}. The attempt is not nested in another, so no call depth is
 * counted.
 *
 * <p>Package-private members ({@code getSystemHeadersBuilder()}, {@code proxy()}, the exchange's
 * own {@code responseAsync()} for the later start) are called through {@link WovenCall} with this
 * class's own lookup: javac cannot compile such a call from the advice's package. The system
 * headers builder's {@code map()}, the live case-insensitive map of those headers, is public.
 */
final class ExchangeAdvice {

    private static final String CLIENT = "java.net.http.HttpClient";

    private ExchangeAdvice() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static CompletableFuture<?> decide(@Advice.This Object exchange, @Advice.FieldValue("request") HttpRequestImpl request) {
        try {
            MethodHandles.Lookup exchangeAccess = MethodHandles.lookup();
            Map<String, List<String>> system =
                    ((HttpHeadersBuilder) WovenCall.of("getSystemHeadersBuilder").get(exchangeAccess, request)).map();
            HttpHeaders user = request.headers();
            List<String> values = system.get("Authorization");
            String inSystem = values == null || values.isEmpty() ? null : values.get(0);
            // A Bearer among the system headers is the one the agent put there on an earlier attempt.
            String added = AddedHeaders.agentsAmongClientHeaders(inSystem);
            String present = user.firstValue("Authorization").orElse(inSystem);
            CompletableFuture<String> decision = Authorizations.forHopWhenReady(CLIENT, present, added,
                    request.uri().toString(), user.firstValue("Host").orElse(null),
                    WovenCall.of("proxy").get(exchangeAccess, request) != null);
            if (!decision.isDone()) {
                return decision.thenCompose((Function) WovenCall.of("responseAsync").later(exchangeAccess, exchange));
            }
            if (decision.isCompletedExceptionally()) {
                return decision;
            }
            String header = decision.join();
            if (header == Authorizations.LEAVE_ALONE) {
                return null;
            }
            if (header != null) {
                List<String> value = new ArrayList<String>(1);
                value.add(header);
                system.put("Authorization", value);
            } else if (added != null) {
                system.remove("Authorization");
            }
            return null;
        } catch (Throwable unexpected) {
            InstrumentationFailures.report(CLIENT, unexpected);
            return null;
        }
    }

    /** Returns the attempt that replaces this one: the later start, or the deliberate failure. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void replace(@Advice.Enter CompletableFuture<?> replacement,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) CompletableFuture<?> returned) {
        if (replacement != null) {
            returned = replacement;
        }
    }
}

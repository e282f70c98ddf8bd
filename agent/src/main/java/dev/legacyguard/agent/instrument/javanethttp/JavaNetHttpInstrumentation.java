package dev.legacyguard.agent.instrument.javanethttp;


import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import dev.legacyguard.agent.instrument.weave.MethodShape;

/**
 * The JDK's {@code java.net.http.HttpClient} (Java 11 and later), {@code send} and
 * {@code sendAsync}, HTTP/1.1 and HTTP/2. Both go through one internal exchange per attempt of
 * each hop, redirects the client follows itself included: that is where the header is decided,
 * on whatever thread of the client runs it, so the decision never waits for a token there (see
 * {@code ExchangeAdvice}). Each answer, HTTP/1.1 or HTTP/2, becomes one internal response object,
 * where a 401 is reported.
 */
public final class JavaNetHttpInstrumentation implements ClientInstrumentation {

    private static final String PACKAGE = JavaNetHttpInstrumentation.class.getPackage().getName();
    private static final String EXCHANGE = "jdk.internal.net.http.Exchange";
    private static final String RESPONSE = "jdk.internal.net.http.Response";
    private static final String REQUEST = "jdk.internal.net.http.HttpRequestImpl";

    @Override
    public String client() {
        return "java.net.http.HttpClient (HTTP/1.1, HTTP/2)";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Arrays.asList(new AdvisedType(this, EXCHANGE, PACKAGE + ".ExchangeAdvice"),
                new AdvisedType(this, RESPONSE, PACKAGE + ".ResponseAdvice"));
    }

    @Override
    public MethodShape advisedMethods(String typeName) {
        return typeName.equals(EXCHANGE)
                ? MethodShape.named("responseAsync").takesArguments(0).returns("java.util.concurrent.CompletableFuture")
                // The constructor that sets the fields; the shorter one delegates to it.
                : MethodShape.constructor().takesArguments(7).takesArgument(0, REQUEST);
    }
}

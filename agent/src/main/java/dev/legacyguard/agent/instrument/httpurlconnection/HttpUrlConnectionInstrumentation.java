package dev.legacyguard.agent.instrument.httpurlconnection;


import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import dev.legacyguard.agent.instrument.weave.MethodShape;

/**
 * The JDK's HTTP client behind {@code java.net.HttpURLConnection}, for http and https (the
 * https wrapper {@code HttpsURLConnectionImpl} delegates to a subclass of the same class). It
 * writes every request, including redirect hops it follows itself, in one private method.
 */
public final class HttpUrlConnectionInstrumentation implements ClientInstrumentation {

    private static final String PACKAGE = HttpUrlConnectionInstrumentation.class.getPackage().getName();
    private static final String CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";
    private static final String HTTP_CLIENT = "sun.net.www.http.HttpClient";

    @Override
    public String client() {
        return "HttpURLConnection (http, https)";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Arrays.asList(new AdvisedType(this, CONNECTION, PACKAGE + ".WriteRequestsAdvice"),
                new AdvisedType(this, HTTP_CLIENT, PACKAGE + ".ParseResponseAdvice"));
    }

    @Override
    public MethodShape advisedMethods(String typeName) {
        return typeName.equals(CONNECTION)
                ? MethodShape.named("writeRequests").isPrivate().takesArguments(0)
                : MethodShape.named("parseHTTP").returns("boolean").takesArgument(0, "sun.net.www.MessageHeader");
    }
}

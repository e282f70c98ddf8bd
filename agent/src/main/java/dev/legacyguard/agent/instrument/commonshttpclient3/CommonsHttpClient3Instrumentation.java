package dev.legacyguard.agent.instrument.commonshttpclient3;


import java.util.Collections;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import dev.legacyguard.agent.instrument.weave.MethodShape;

/**
 * commons-httpclient 3.x ({@code org.apache.commons.httpclient}): its {@code HttpMethodDirector}
 * follows redirects, answers authentication challenges and retries on its own, each time calling
 * {@code HttpMethodBase#execute(HttpState, HttpConnection)} with the connection of that hop, and
 * so does an application that executes a method on a connection itself.
 */
public final class CommonsHttpClient3Instrumentation implements ClientInstrumentation {

    private static final String PACKAGE = CommonsHttpClient3Instrumentation.class.getPackage().getName();

    @Override
    public String client() {
        return "commons-httpclient 3.x";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Collections.singletonList(
                new AdvisedType(this, "org.apache.commons.httpclient.HttpMethodBase", PACKAGE + ".ExecuteAdvice"));
    }

    @Override
    public MethodShape advisedMethods(String typeName) {
        return MethodShape.named("execute").isPublic().returns("int").takesArguments(2)
                .takesArgument(0, "org.apache.commons.httpclient.HttpState")
                .takesArgument(1, "org.apache.commons.httpclient.HttpConnection");
    }
}

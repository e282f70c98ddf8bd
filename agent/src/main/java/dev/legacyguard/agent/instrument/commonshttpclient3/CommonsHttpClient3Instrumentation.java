package dev.legacyguard.agent.instrument.commonshttpclient3;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Collections;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

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
    public ElementMatcher<? super MethodDescription> advisedMethods(String typeName) {
        return named("execute").and(isPublic()).and(returns(int.class)).and(takesArguments(2))
                .and(takesArgument(0, named("org.apache.commons.httpclient.HttpState")))
                .and(takesArgument(1, named("org.apache.commons.httpclient.HttpConnection")));
    }
}

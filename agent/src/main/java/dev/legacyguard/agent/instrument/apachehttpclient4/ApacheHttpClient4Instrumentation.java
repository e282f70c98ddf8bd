package dev.legacyguard.agent.instrument.apachehttpclient4;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Collections;
import java.util.List;

import dev.legacyguard.agent.instrument.AdvisedType;
import dev.legacyguard.agent.instrument.ClientInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Apache HttpClient 4.x: every client in the 4.x line (4.0-4.2's DefaultHttpClient and the
 * 4.3+ exec chain alike) sends each request through httpcore's {@code HttpRequestExecutor}.
 */
public final class ApacheHttpClient4Instrumentation implements ClientInstrumentation {

    @Override
    public String client() {
        return "Apache HttpClient 4.x";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Collections.singletonList(new AdvisedType(this, "org.apache.http.protocol.HttpRequestExecutor",
                ApacheHttpClient4Instrumentation.class.getPackage().getName() + ".ExecuteAdvice"));
    }

    @Override
    public ElementMatcher<? super MethodDescription> advisedMethods(String typeName) {
        return named("execute").and(isPublic()).and(takesArguments(3))
                .and(takesArgument(0, named("org.apache.http.HttpRequest")))
                .and(takesArgument(2, named("org.apache.http.protocol.HttpContext")));
    }
}

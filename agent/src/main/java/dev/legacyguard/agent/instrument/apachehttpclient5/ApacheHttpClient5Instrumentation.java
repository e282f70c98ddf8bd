package dev.legacyguard.agent.instrument.apachehttpclient5;

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
 * Apache HttpClient 5.x classic: its exec chain sends each request through httpcore5's
 * blocking {@code HttpRequestExecutor} (the three-argument overload calls this one).
 */
public final class ApacheHttpClient5Instrumentation implements ClientInstrumentation {

    @Override
    public String client() {
        return "Apache HttpClient 5.x classic";
    }

    @Override
    public List<AdvisedType> advisedTypes() {
        return Collections.singletonList(new AdvisedType(this, "org.apache.hc.core5.http.impl.io.HttpRequestExecutor",
                ApacheHttpClient5Instrumentation.class.getPackage().getName() + ".ExecuteAdvice"));
    }

    @Override
    public ElementMatcher<? super MethodDescription> advisedMethods(String typeName) {
        return named("execute").and(isPublic()).and(takesArguments(4))
                .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                .and(takesArgument(3, named("org.apache.hc.core5.http.protocol.HttpContext")));
    }
}

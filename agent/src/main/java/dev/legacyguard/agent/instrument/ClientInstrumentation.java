package dev.legacyguard.agent.instrument;

import java.util.List;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** One HTTP client (and version range): which classes and methods get which advice. */
public interface ClientInstrumentation {

    /** For the startup banner, e.g. {@code Apache HttpClient 5.x classic}. */
    String client();

    List<AdvisedType> advisedTypes();

    /**
     * The methods of one of {@link #advisedTypes()} that get its advice. Asked only when that
     * class is first woven, so ByteBuddy's matchers (like the rest of ByteBuddy) load only if
     * the application uses the client.
     */
    ElementMatcher<? super MethodDescription> advisedMethods(String typeName);
}

package dev.legacyguard.agent.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** A class that sends requests, the method that sends them, and the advice inlined there. */
public final class AdvisedType {

    /**
     * Builds the method matcher when the class is first woven, so that ByteBuddy's matchers
     * (like the rest of ByteBuddy) load only if the application uses the client.
     */
    public interface Methods {
        ElementMatcher<? super MethodDescription> matcher();
    }

    private final String typeName;
    private final Methods methods;
    private final String adviceClassName;

    public AdvisedType(String typeName, Methods methods, String adviceClassName) {
        this.typeName = typeName;
        this.methods = methods;
        this.adviceClassName = adviceClassName;
    }

    /** The binary name, e.g. {@code sun.net.www.http.HttpClient}. */
    String typeName() {
        return typeName;
    }

    Methods methods() {
        return methods;
    }

    String adviceClassName() {
        return adviceClassName;
    }
}

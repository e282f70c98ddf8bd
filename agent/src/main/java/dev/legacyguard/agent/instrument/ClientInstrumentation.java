package dev.legacyguard.agent.instrument;

import java.util.List;

import dev.legacyguard.agent.instrument.weave.MethodShape;

/** One HTTP client (and version range): which classes and methods get which advice. */
public interface ClientInstrumentation {

    /** For the startup banner, e.g. {@code Apache HttpClient 5.x classic}. */
    String client();

    List<AdvisedType> advisedTypes();

    /** The methods of one of {@link #advisedTypes()} that get its advice, asked when that class is woven. */
    MethodShape advisedMethods(String typeName);
}

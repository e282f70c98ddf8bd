package dev.legacyguard.agent.instrument;

import java.util.List;

/** One HTTP client (and version range): which classes and methods get which advice. */
public interface ClientInstrumentation {

    /** For the startup banner, e.g. {@code Apache HttpClient 5.x classic}. */
    String client();

    List<AdvisedType> advisedTypes();
}

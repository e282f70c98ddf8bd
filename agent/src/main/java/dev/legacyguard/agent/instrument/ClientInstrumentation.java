package dev.legacyguard.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;

/** One HTTP client (and version range): which types and methods get which advice. */
public interface ClientInstrumentation {

    /** For the startup banner, e.g. {@code Apache HttpClient 5.x classic}. */
    String client();

    AgentBuilder instrument(AgentBuilder builder, AdviceFactory advice);
}

package dev.legacyguard.agent.it.app.client;

/**
 * How one HTTP client sends one request: all a client adds to the behaviour suite
 * ({@code ClientSuiteIT}). An implementation is a public class with a public no-argument
 * constructor that makes the client once, as an application does, and knows nothing about the
 * agent. Run by {@link ClientSuiteApp} in a JVM started with {@code -javaagent}.
 */
public interface OneRequest {

    /** The body every {@code POST} of the suite sends, as {@code application/json}. */
    String POST_BODY = "{\"order\":42}";

    /**
     * Sends {@code method} ({@code GET} or {@code POST}, the latter with {@link #POST_BODY}) to
     * {@code url}, with the {@code Authorization} header {@code authorization} when it is not
     * null, following redirects as the client does when told to follow them, reads the answer's
     * body, and returns the final status code.
     */
    int send(String method, String url, String authorization) throws Exception;
}

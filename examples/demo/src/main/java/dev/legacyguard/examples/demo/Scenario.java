package dev.legacyguard.examples.demo;

import java.util.List;

/**
 * One run of the client: without the agent, or with the agent acting as one M2M app.
 * Each run makes the same four calls (GET and POST, with HttpURLConnection and Apache HttpClient).
 */
record Scenario(String title, String appId, String appSecret, List<Expectation> expectations) {

    static final String READ = "read:products";
    static final String WRITE = "write:products";

    static List<Scenario> all(String readerSecret, String editorSecret) {
        return List.of(
                new Scenario("no agent", null, null,
                        List.of(Expectation.challenge("GET"), Expectation.challenge("POST"))),
                new Scenario("agent, reader-app", "reader-app", readerSecret,
                        List.of(Expectation.allowed("GET", "reader-app", READ),
                                Expectation.insufficientScope("POST", "reader-app", WRITE))),
                new Scenario("agent, editor-app", "editor-app", editorSecret,
                        List.of(Expectation.allowed("GET", "editor-app", READ),
                                Expectation.allowed("POST", "editor-app", WRITE))));
    }

    boolean withAgent() {
        return appId != null;
    }

    Expectation expectationFor(String method) {
        return expectations.stream().filter(e -> e.method().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no expectation for " + method + " in " + title));
    }
}

package dev.legacyguard.examples.demo;

/** One expected call and what really happened; {@code call} is null when the client never made it. */
record Outcome(Scenario scenario, String client, Expectation expectation, ClientCall call) {

    boolean asExpected() {
        return call != null && expectation.isMetBy(call);
    }

    String got() {
        return call == null ? "(no such call in the client's output)" : call.summary();
    }
}

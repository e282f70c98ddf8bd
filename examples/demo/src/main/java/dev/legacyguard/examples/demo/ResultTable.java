package dev.legacyguard.examples.demo;

import java.io.PrintStream;
import java.util.List;

/** The short table the demo ends with: each call, what was expected, what happened, and why. */
final class ResultTable {

    private static final String FORMAT = "%-4s %-18s %-18s %-5s %-38s %s%n";
    private static final int GOT_WIDTH = 80;

    private ResultTable() {
    }

    static void print(List<Outcome> outcomes, PrintStream out) {
        out.printf(FORMAT, "ok", "run", "client", "call", "expected", "got / why");
        for (Outcome outcome : outcomes) {
            out.printf(FORMAT, outcome.asExpected() ? "OK" : "FAIL", outcome.scenario().title(), outcome.client(),
                    outcome.expectation().method(), outcome.expectation().label(), cut(outcome.got()));
            out.printf(FORMAT, "", "", "", "", "", "why: " + outcome.expectation().why());
        }
    }

    private static String cut(String text) {
        return text.length() <= GOT_WIDTH ? text : text.substring(0, GOT_WIDTH - 3) + "...";
    }
}

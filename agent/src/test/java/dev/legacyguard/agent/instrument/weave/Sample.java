package dev.legacyguard.agent.instrument.weave;

import java.util.ArrayList;
import java.util.List;

/** A class to inline test advice into; loaded woven by {@link AdviceInlinerTest}, never as compiled. */
public class Sample {

    /** What the body of each call saw, so that a test can tell a skipped body from one that ran. */
    public static final List<String> BODIES = new ArrayList<>();

    private final String name;

    public Sample(String name) {
        this.name = name;
    }

    public String greet(String who, long times, double factor) {
        BODIES.add("greet " + who);
        if (who == null) {
            throw new IllegalArgumentException("no one to greet");
        }
        return "hello " + who + " " + times + " " + factor;
    }

    public int twice(int n) {
        BODIES.add("twice " + n);
        return n * 2;
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.legacyguard.filter.jmx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.legacyguard.filter.decision.RequestDecision;
import dev.legacyguard.filter.decision.RequestDecision.Outcome;

/**
 * How many requests the filter decided, by outcome, and the invalid tokens by the check that
 * refused them. Counting is on every request's path, so it takes no lock and allocates nothing:
 * one striped counter per outcome, found by the outcome's ordinal (any outcome added later is
 * counted too), and one per check name, made only the first time that check refuses a token.
 */
public final class RequestCounts {

    private final LongAdder[] byOutcome = new LongAdder[Outcome.values().length];
    private final ConcurrentHashMap<String, LongAdder> invalidByCheck = new ConcurrentHashMap<>();

    public RequestCounts() {
        for (int i = 0; i < byOutcome.length; i++) {
            byOutcome[i] = new LongAdder();
        }
    }

    public void count(RequestDecision decision) {
        byOutcome[decision.outcome().ordinal()].increment();
        if (decision.outcome() == Outcome.INVALID_TOKEN) {
            LongAdder counter = invalidByCheck.get(decision.check());
            if (counter == null) {
                counter = invalidByCheck.computeIfAbsent(decision.check(), check -> new LongAdder());
            }
            counter.increment();
        }
    }

    /** Every outcome, in the enum's order, with its count (zero included, so the table's rows never change). */
    Map<String, Long> byOutcome() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.name(), byOutcome[outcome.ordinal()].sum());
        }
        return counts;
    }

    Map<String, Long> invalidTokensByCheck() {
        Map<String, Long> counts = new TreeMap<>();
        invalidByCheck.forEach((check, counter) -> counts.put(check, counter.sum()));
        return counts;
    }

    /** An ASYNC dispatch resumes a request already counted as accepted, so it is not counted again here. */
    long accepted() {
        long sum = 0;
        for (Outcome outcome : Outcome.values()) {
            if (RequestDecision.passes(outcome) && outcome != Outcome.PASS_RESUMED) {
                sum += byOutcome[outcome.ordinal()].sum();
            }
        }
        return sum;
    }

    long refused() {
        long sum = 0;
        for (Outcome outcome : Outcome.values()) {
            if (RequestDecision.refuses(outcome)) {
                sum += byOutcome[outcome.ordinal()].sum();
            }
        }
        return sum;
    }
}

package dev.legacyguard.filter.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void writesWholeSecondsInSecondsWhateverUnitTheyWereConfiguredIn() {
        assertEquals("60 s", DurationText.spaced(Duration.ofMinutes(1)));
        assertEquals("86400 s", DurationText.spaced(Duration.ofHours(24)));
        assertEquals("0 s", DurationText.spaced(Duration.ZERO));
        assertEquals("60s", DurationText.compact(Duration.ofMinutes(1)));
    }

    @Test
    void writesAnythingElseInTheMillisecondsItActsOn() {
        assertEquals("1500 ms", DurationText.spaced(Duration.ofMillis(1500)));
        assertEquals("250 ms", DurationText.spaced(Duration.ofMillis(250)));
        assertEquals("1500ms", DurationText.compact(Duration.ofMillis(1500)));
    }
}

package dev.legacyguard.filter.log;

import java.time.Duration;

/**
 * How the filter's messages write a duration setting: in seconds when it is whole seconds, else
 * in the milliseconds it acts on, so that a configured {@code 1500ms} never reads as 1 s or 2 s.
 */
public final class DurationText {

    private DurationText() {
    }

    /** {@code 60 s}, {@code 1500 ms}: the style of log lines and answers. */
    public static String spaced(Duration duration) {
        return of(duration, " ");
    }

    /** {@code 60s}, {@code 1500ms}: the style the configuration is written in, used by the start-up line. */
    public static String compact(Duration duration) {
        return of(duration, "");
    }

    private static String of(Duration duration, String gap) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + gap + "s" : millis + gap + "ms";
    }
}

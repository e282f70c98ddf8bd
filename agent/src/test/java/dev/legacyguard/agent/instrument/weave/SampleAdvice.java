package dev.legacyguard.agent.instrument.weave;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.bytebuddy.asm.Advice;

/**
 * Test advice for {@link Sample}, using every binding the inliner supports; reports what it saw
 * to {@link #SEEN}, public because the woven class, of another loader, is in another runtime package.
 */
public final class SampleAdvice {

    public static final List<String> SEEN = new ArrayList<>();

    private SampleAdvice() {
    }

    static final class Greet {

        private Greet() {
        }

        /** "skip" skips the body with a deliberate IOException; "boom" fails the advice itself. */
        @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
        static IOException enter(@Advice.This Object self, @Advice.Argument(0) String who, @Advice.Argument(1) long times,
                @Advice.AllArguments Object[] all, @Advice.FieldValue("name") String name, @Advice.Origin Class<?> origin,
                @Advice.Local("seen") String seen) {
            if ("boom".equals(who)) {
                throw new IllegalStateException("advice failed");
            }
            seen = who + "/" + times;
            SampleAdvice.SEEN.add("enter " + self + " " + Arrays.toString(all) + " " + name + " " + origin.getSimpleName());
            return "skip".equals(who) ? new IOException("skipped") : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter IOException refused, @Advice.Local("seen") String seen,
                @Advice.Return(readOnly = false) String returned, @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (refused != null) {
                thrown = refused;
                return;
            }
            SampleAdvice.SEEN.add("exit " + seen + " " + returned + " " + thrown);
            if (thrown == null) {
                returned = returned + "!";
            }
        }
    }

    static final class Twice {

        private Twice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return(readOnly = false) int returned) {
            returned = returned + 1;
        }
    }

    static final class Construct {

        private Construct() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("name") String name) {
            SampleAdvice.SEEN.add("constructed " + name);
        }
    }
}

package dev.legacyguard.agent.instrument.weave;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import net.bytebuddy.asm.Advice;

/** What the inliner refuses to inline, each with a message that names the advice method and why. */
class AdviceClassTest {

    @Test
    void refusesEnterAdviceThatLetsItsFailuresThrough() {
        assertRefused(UnsuppressedEnter.class, "UnsuppressedEnter.enter is @Advice.OnMethodEnter without suppress = Throwable.class");
    }

    @Test
    void refusesExitAdviceThatSuppressesLessThanThrowable() {
        assertRefused(ExitSuppressingExceptions.class, "ExitSuppressingExceptions.exit is @Advice.OnMethodExit without suppress");
    }

    @Test
    void refusesAnAssignmentToAReadOnlyParameter() {
        assertRefused(WritesItsArgument.class, "WritesItsArgument.enter assigns its @Advice.ARGUMENT parameter");
    }

    @Test
    void refusesAParameterWithoutAdviceAnnotation() {
        assertRefused(UnannotatedParameter.class, "UnannotatedParameter.enter has parameter 0 without an @Advice annotation");
    }

    @Test
    void refusesAnnotationsItDoesNotSupport() {
        assertRefused(NotInlined.class, "NotInlined.enter sets inline, which the agent's inliner does not support");
        assertRefused(TakesTheMethodName.class, "TakesTheMethodName.enter takes an @Advice.Origin other than the Class");
    }

    @Test
    void refusesThrownWithoutOnThrowable() {
        assertRefused(ThrownWithoutOnThrowable.class, "exit takes @Advice.Thrown without onThrowable = Throwable.class");
    }

    private static void assertRefused(Class<?> advice, String expected) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> AdviceInliner.of(ClassFiles.of(advice.getName().replace('.', '/'), advice.getClassLoader())));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    static final class UnsuppressedEnter {
        @Advice.OnMethodEnter
        static void enter() {
        }
    }

    static final class ExitSuppressingExceptions {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
        }

        @Advice.OnMethodExit(suppress = Exception.class)
        static void exit() {
        }
    }

    static final class WritesItsArgument {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false) String first) {
            first = "changed";
        }
    }

    static final class UnannotatedParameter {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(String first) {
        }
    }

    static final class NotInlined {
        @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
        static void enter() {
        }
    }

    static final class TakesTheMethodName {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Origin("#m") String method) {
        }
    }

    static final class ThrownWithoutOnThrowable {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Thrown Throwable thrown) throws IOException {
        }
    }
}

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

    @Test
    void refusesWhatOnlyAnExitMethodCanTakeInAnEnterMethod() {
        assertRefused(EnterTakesReturn.class, "EnterTakesReturn.enter takes @Advice.RETURN, which only an exit method can have");
    }

    @Test
    void refusesAnExitMethodThatReturnsAValue() {
        assertRefused(ExitReturns.class, "ExitReturns.exit returns a value; an exit method returns nothing");
    }

    @Test
    void refusesBindingsOfTheWrongType() {
        assertRefused(EnterOfAnotherType.class, "takes @Advice.Enter as java.lang.Object, but the enter method returns"
                + " java.lang.String");
        assertRefused(ThrownAsException.class, "takes @Advice.Thrown as java.lang.Exception; declare it Throwable");
        assertRefused(LocalOfTwoTypes.class, "takes @Advice.Local(\"seen\") as java.lang.Integer, the enter method as"
                + " java.lang.String");
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

    static final class EnterTakesReturn {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Return Object returned) {
        }
    }

    static final class ExitReturns {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static int exit() {
            return 1;
        }
    }

    static final class EnterOfAnotherType {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static String enter() {
            return "x";
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter Object entered) {
        }
    }

    static final class ThrownAsException {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Thrown Exception thrown) {
        }
    }

    static final class LocalOfTwoTypes {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Local("seen") String seen) {
            seen = "x";
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Local("seen") Integer seen) {
        }
    }
}

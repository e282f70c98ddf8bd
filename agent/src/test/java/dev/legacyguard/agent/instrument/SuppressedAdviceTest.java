package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.instrument.classloader.BootDelegation;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

class SuppressedAdviceTest {

    private final TypePool types = TypePool.Default.ofSystemLoader();

    @Test
    void everyAdviceTheAgentWeavesSuppressesThrowable() {
        List<String> adviceClasses = new ArrayList<>(List.of(BootDelegation.adviceClassName()));
        for (ClientInstrumentation client : AgentInstaller.clients()) {
            for (AdvisedType type : client.advisedTypes()) {
                adviceClasses.add(type.adviceClassName());
            }
        }
        for (String adviceClass : adviceClasses) {
            assertDoesNotThrow(() -> SuppressedAdvice.require(types.describe(adviceClass).resolve()), adviceClass);
        }
    }

    @Test
    void refusesEnterAdviceThatLetsItsFailuresThrough() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SuppressedAdvice.require(TypeDescription.ForLoadedType.of(UnsuppressedEnter.class)));
        assertTrue(refused.getMessage().contains("UnsuppressedEnter.enter is @OnMethodEnter without suppress"),
                refused.getMessage());
    }

    @Test
    void refusesExitAdviceThatSuppressesLessThanThrowable() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SuppressedAdvice.require(TypeDescription.ForLoadedType.of(ExitSuppressingExceptions.class)));
        assertTrue(refused.getMessage().contains("ExitSuppressingExceptions.exit is @OnMethodExit"), refused.getMessage());
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
}

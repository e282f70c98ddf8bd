package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandles;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.bootstrap.elsewhere.ElsewhereAccess;

class WovenCallTest {

    static class Builder {
        String systemHeaders() {
            return "builder";
        }
    }

    static final class OtherBuilder {
        String systemHeaders() {
            return "other builder";
        }
    }

    static final class DerivedBuilder extends Builder {
    }

    private final WovenCall call = WovenCall.of("systemHeaders");

    @Test
    void callsAPackagePrivateMethodWithTheWovenClasssOwnAccess() throws Throwable {
        assertEquals("builder", call.get(MethodHandles.lookup(), new Builder()));
        assertEquals("builder", call.get(MethodHandles.lookup(), new DerivedBuilder()), "declared by a superclass");
        assertNull(call.get(MethodHandles.lookup(), null));
    }

    @Test
    void callsEachReceiverClasssOwnMethodWhenTheyTakeTurns() throws Throwable {
        for (int i = 0; i < 3; i++) {
            assertEquals("builder", call.get(MethodHandles.lookup(), new Builder()));
            assertEquals("other builder", call.get(MethodHandles.lookup(), new OtherBuilder()));
        }
    }

    @Test
    void givesAnotherClassNoHandleThatOnlyThisClassMayUse() throws Throwable {
        assertEquals("builder", call.get(MethodHandles.lookup(), new Builder()));
        // Asked right after this class's call: the handle it made must not answer for another class.
        assertThrows(IllegalAccessException.class, () -> call.get(ElsewhereAccess.lookup(), new Builder()));
    }

    @Test
    void refusesALookupWithoutTheClasssFullAccess() throws Throwable {
        assertEquals("builder", call.get(MethodHandles.lookup(), new Builder()));
        assertThrows(IllegalAccessException.class, () -> call.get(MethodHandles.lookup().dropLookupMode(
                MethodHandles.Lookup.PRIVATE), new Builder()));
    }

    @Test
    void isOneCallPerMethodName() {
        assertEquals(call, WovenCall.of("systemHeaders"));
    }
}

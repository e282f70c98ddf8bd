package dev.legacyguard.agent.instrument.classloader;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.bootstrap.BearerHooks;

class BootDelegationTest {

    @Test
    void delegatesExactlyTheBootstrapPackage() {
        assertEquals(BearerHooks.class.getPackage().getName() + ".", BootDelegationAdvice.BOOTSTRAP_PACKAGE);
    }

    @Test
    void wantsAClassLoaderThatOverridesLoadClass() throws IOException {
        assertTrue(BootDelegation.wants(internalName(ChildFirstLoader.class), classFile(ChildFirstLoader.class)));
        assertTrue(BootDelegation.wants(internalName(ByNameLoader.class), classFile(ByNameLoader.class)));
    }

    @Test
    void leavesAClassThatOnlyCallsLoadClassAlone() throws IOException {
        assertFalse(BootDelegation.wants(internalName(LoadsThroughALoader.class), classFile(LoadsThroughALoader.class)));
    }

    @Test
    void leavesAStaticLoadClassAlone() throws IOException {
        assertFalse(BootDelegation.wants(internalName(StaticLoadClass.class), classFile(StaticLoadClass.class)));
    }

    @Test
    void leavesTheJdksLoadersAndTheAgentsOwnClassesAlone() throws IOException {
        assertFalse(BootDelegation.wants("java/lang/ClassLoader", classFile(ClassLoader.class)));
        assertFalse(BootDelegation.wants("dev/legacyguard/agent/AgentMain$IsolatedClassLoader",
                classFile(ChildFirstLoader.class)));
        assertFalse(BootDelegation.wants(URLClassLoader.class));
        assertTrue(BootDelegation.wants(ChildFirstLoader.class));
        assertFalse(BootDelegation.wants(LoadsThroughALoader.class));
    }

    @Test
    void aTruncatedOrForeignClassFileDoesNotFailTheCheck() throws IOException {
        byte[] file = classFile(ChildFirstLoader.class);
        for (int length = 0; length < file.length; length++) {
            byte[] truncated = Arrays.copyOf(file, length);
            assertDoesNotThrow(() -> BootDelegation.wants(internalName(ChildFirstLoader.class), truncated));
        }
        assertFalse(BootDelegation.wants("a/B", "not a class file at all".getBytes(StandardCharsets.US_ASCII)));
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName(type) + ".class")) {
            return in.readAllBytes();
        }
    }

    static final class ChildFirstLoader extends ClassLoader {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            return super.loadClass(name, resolve);
        }
    }

    static final class ByNameLoader extends ClassLoader {
        @Override
        public Class<?> loadClass(String name) throws ClassNotFoundException {
            return super.loadClass(name);
        }
    }

    static final class LoadsThroughALoader {
        Class<?> load(ClassLoader loader, String name) throws ClassNotFoundException {
            return loader.loadClass(name);
        }
    }

    static final class StaticLoadClass {
        static Class<?> loadClass(String name) throws ClassNotFoundException {
            return Class.forName(name);
        }
    }
}

package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.instrument.commonshttpclient3.CommonsHttpClient3Instrumentation;

/**
 * commons-httpclient 3 is compiled for Java 1.1 and 1.2: its class files cannot hold what later
 * javac emits (a class literal is an {@code ldc} of a class constant only from Java 5 on). The
 * advice inlined into them must still give a class the JVM verifies; else loading the class
 * fails the application's first call with a {@code VerifyError}.
 */
class OldClassFileWeavingTest {

    private static final String METHOD_BASE = "org.apache.commons.httpclient.HttpMethodBase";

    @Test
    void theCommonsHttpClient3AdviceWovenIntoItsJava12ClassFileVerifies() throws Exception {
        ClientInstrumentation client = new CommonsHttpClient3Instrumentation();
        AdvisedType type = client.advisedTypes().get(0);
        assertEquals(METHOD_BASE, type.typeName());
        URL jar = Class.forName(METHOD_BASE).getProtectionDomain().getCodeSource().getLocation();
        byte[] original;
        try (URLClassLoader plain = new URLClassLoader(new URL[] {jar}, null);
                InputStream in = plain.getResourceAsStream(METHOD_BASE.replace('.', '/') + ".class")) {
            original = in.readAllBytes();
        }
        assertTrue(original[7] < 49, "the class file predates Java 5 (major version " + original[7] + ")");
        byte[] woven = new AdviceWeaver(getClass().getClassLoader(), null).weave(METHOD_BASE, type.adviceClassName(),
                client.advisedMethods(METHOD_BASE), getClass().getClassLoader(), original);
        assertNotNull(woven, "execute(HttpState, HttpConnection) was not found to weave");
        try (WovenFirst loader = new WovenFirst(jar, woven)) {
            // Initialising links the class, which runs the verifier over the woven execute method.
            assertEquals(METHOD_BASE, Class.forName(METHOD_BASE, true, loader).getName());
        }
    }

    /** Loads commons-httpclient from its jar, with the woven class in place of the original, the rest from the test's loader. */
    private static final class WovenFirst extends URLClassLoader {

        private final byte[] woven;

        WovenFirst(URL jar, byte[] woven) {
            super(new URL[] {jar}, WovenFirst.class.getClassLoader());
            this.woven = woven;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && name.startsWith("org.apache.commons.httpclient.")) {
                    loaded = name.equals(METHOD_BASE) ? defineClass(name, woven, 0, woven.length) : findClass(name);
                }
                return loaded != null ? loaded : super.loadClass(name, resolve);
            }
        }
    }
}

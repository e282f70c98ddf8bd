package dev.legacyguard.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.it.support.JarContents;
import dev.legacyguard.filter.it.support.LicenseFiles;
import dev.legacyguard.filter.it.support.LicenseFiles.Bundled;
import dev.legacyguard.filter.it.support.LicenseFiles.License;
import dev.legacyguard.filter.it.support.SharedCore;

/** The packaged agent jar: manifest, layout, the shared core inside it and bytecode level. */
class AgentJarIT {

    private static final int JAVA_8 = 52;

    @Test
    void manifestDeclaresPremainAgentAndMainClassAndRetransformation() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertAll(
                    () -> assertEquals("dev.legacyguard.agent.AgentMain", manifest.getValue("Premain-Class")),
                    () -> assertEquals("dev.legacyguard.agent.AgentMain", manifest.getValue("Agent-Class")),
                    () -> assertEquals("dev.legacyguard.agent.AgentMain", manifest.getValue("Main-Class")),
                    () -> assertEquals("true", manifest.getValue("Can-Retransform-Classes")),
                    () -> assertEquals("true", manifest.getValue("Can-Redefine-Classes")),
                    () -> assertEquals("0.1.0-SNAPSHOT", manifest.getValue("Implementation-Version")));
        }
    }

    @Test
    void onlyTheLauncherIsAClassTheApplicationClassPathCanLoad() throws IOException {
        List<String> loadable = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    loadable.add(entry.getName());
                }
            }
        }
        Collections.sort(loadable);
        assertEquals(List.of("dev/legacyguard/agent/AgentMain$BootstrapJar.class",
                "dev/legacyguard/agent/AgentMain$IsolatedClassLoader.class",
                "dev/legacyguard/agent/AgentMain.class"), loadable);
    }

    @Test
    void bundlesOnlyTheAsmOfByteBuddyRelocatedAndOutOfTheApplicationsSight() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertAll(
                    () -> assertTrue(names.contains("inst/dev/legacyguard/agent/shaded/bytebuddy/jar/asm/ClassReader.classdata")),
                    () -> assertEquals(List.of(), names.stream().filter(name -> name.contains("/bytebuddy/")
                            && !name.endsWith("/") && !name.contains("/bytebuddy/jar/asm/")).toList(),
                            "only ASM of ByteBuddy is used at run time"),
                    () -> assertTrue(names.stream().noneMatch(name -> name.contains("net/bytebuddy")),
                            "ByteBuddy must be relocated"),
                    () -> assertTrue(names.contains("boot/dev/legacyguard/agent/bootstrap/BearerHooks.classdata")));
        }
    }

    @Test
    void carriesOurLicenceAndTheLicenceOfByteBuddyAndTheAsmItBundles() throws IOException {
        try (JarContents jar = JarContents.open(ForkedJvm.agentJar())) {
            assertEquals(List.of(), LicenseFiles.missing(jar, List.of(
                    new Bundled("Byte Buddy", License.APACHE_2, "META-INF/licenses/ByteBuddy"),
                    new Bundled("ASM", License.BSD_3, "META-INF/licenses/ASM"))));
            assertTrue(jar.has("META-INF/licenses/ByteBuddy-NOTICE"), "Apache-2.0 asks that ByteBuddy's NOTICE travel with it");
        }
    }

    @Test
    void everyClassOfTheAgentRunsOnJava8() throws IOException {
        List<String> tooNew = new ArrayList<>();
        int agentClasses = 0;
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class") && !entry.getName().endsWith(".classdata")) {
                    continue;
                }
                int major = majorVersion(jar, entry);
                if (major > JAVA_8) {
                    tooNew.add(entry.getName() + " (" + major + ")");
                }
                if (entry.getName().contains("dev/legacyguard/agent/") && !entry.getName().contains("/shaded/")) {
                    agentClasses++;
                    assertEquals(JAVA_8, major, entry.getName());
                }
            }
        }
        assertTrue(agentClasses > 30, "found only " + agentClasses + " agent classes");
        assertEquals(List.of(), tooNew);
    }

    private static int majorVersion(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt(), entry.getName() + " is not a class file");
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }

    @Test
    void bundlesEveryClassOfTheSharedCoreRelocatedUnderInstOnly() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            List<String> missing = new ArrayList<>();
            for (String name : SharedCore.classFiles()) {
                String relocated = "inst/dev/legacyguard/agent/shaded/core/" + name.replace(".class", ".classdata");
                if (!names.contains(relocated)) {
                    missing.add(relocated);
                }
            }
            assertEquals(List.of(), missing);
            for (String name : names) {
                assertFalse(name.contains(SharedCore.PACKAGE_PATH), name + " is the core unrelocated");
                assertFalse(name.startsWith("boot") && name.contains("/shaded/"), name + ": the boot class path gets no bundled code");
                if (name.endsWith(".class") || name.endsWith(".classdata")) {
                    String constants = new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertFalse(constants.contains(SharedCore.PACKAGE_PATH), name + " refers to the unrelocated core");
                }
            }
        }
    }

    /** A token's fingerprint is how the agent's log lines and the filter's are matched: both jars must agree. */
    @Test
    void fingerprintsATokenAsTheFiltersJarDoes() throws Exception {
        String token = "eyJhbGciOiJFUzM4NCIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJtMm0ifQ.c2lnbmF0dXJl";
        String agent;
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            agent = fingerprint(new InstClassLoader(jar), "dev.legacyguard.agent.shaded.core.log.Fingerprint", token);
        }
        Path filterJar = Path.of(System.getProperty("containers.dir"), "logto-servlet-filter-all.jar");
        String filter;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {filterJar.toUri().toURL()}, null)) {
            filter = fingerprint(loader, "dev.legacyguard.filter.shaded.core.log.Fingerprint", token);
        }
        assertTrue(agent.matches("sha256:[0-9a-f]{12}"), agent);
        assertEquals(filter, agent);
    }

    private static String fingerprint(ClassLoader loader, String className, String token) throws Exception {
        Method of = Class.forName(className, true, loader).getMethod("of", String.class);
        return (String) of.invoke(null, token);
    }

    /** Reads inst/ as the agent's own isolated loader does: each class as a .classdata entry. */
    private static final class InstClassLoader extends ClassLoader {
        private final JarFile jar;

        InstClassLoader(JarFile jar) {
            super(ClassLoader.getPlatformClassLoader());
            this.jar = jar;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            JarEntry entry = jar.getJarEntry("inst/" + name.replace('.', '/') + ".classdata");
            if (entry == null) {
                throw new ClassNotFoundException(name);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}

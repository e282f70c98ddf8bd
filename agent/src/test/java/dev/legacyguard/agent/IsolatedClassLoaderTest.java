package dev.legacyguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.legacyguard.agent.bootstrap.AddedHeaders;
import dev.legacyguard.agent.instrument.AdvisedType;

class IsolatedClassLoaderTest {

    /** The JDK's loaders, as the agent's loader has them for parent, recording what they are asked for. */
    static final class AskedParent extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        AskedParent() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @TempDir
    Path dir;

    @Test
    void takesTheAgentsOwnClassesFromTheJarWithoutAskingTheJdksLoaders() throws Exception {
        AskedParent parent = new AskedParent();
        try (JarFile jar = jarWith("inst/", AdvisedType.class)) {
            ClassLoader loader = new AgentMain.IsolatedClassLoader(jar, parent, null, "1");
            Class<?> loaded = loader.loadClass(AdvisedType.class.getName());
            assertSame(loader, loaded.getClassLoader());
            assertSame(loaded, loader.loadClass(AdvisedType.class.getName()), "defined once");
            assertEquals(List.of("java.lang.Object"), parent.asked);
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("dev.legacyguard.agent.NoSuchClass"));
        }
    }

    @Test
    void asksTheJdksLoadersFirstForTheBootstrapPackageWhichTheBootstrapLoaderHoldsInAnAgent() throws Exception {
        AskedParent parent = new AskedParent();
        try (JarFile jar = jarWith("boot/", AddedHeaders.class)) {
            ClassLoader loader = new AgentMain.IsolatedClassLoader(jar, parent, null, "1");
            // Not on this test's bootstrap class path: the jar's copy, found only after the parent's search.
            Class<?> loaded = loader.loadClass(AddedHeaders.class.getName());
            assertSame(loader, loaded.getClassLoader());
            assertEquals(AddedHeaders.class.getName(), parent.asked.get(0));
        }
    }

    /** A jar holding {@code type}'s class file as the agent's jar does, under {@code folder} as .classdata. */
    private JarFile jarWith(String folder, Class<?> type) throws IOException {
        String classFile = type.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("agent.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream in = type.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(folder + classFile + "data"));
            in.transferTo(out);
            out.closeEntry();
        }
        return new JarFile(jar.toFile());
    }
}

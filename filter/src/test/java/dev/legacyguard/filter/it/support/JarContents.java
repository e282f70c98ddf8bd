package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/** Reads a built jar's entries and class-file headers. */
public final class JarContents implements AutoCloseable {

    private final JarFile jar;

    private JarContents(JarFile jar) {
        this.jar = jar;
    }

    public static JarContents open(Path path) throws IOException {
        return new JarContents(new JarFile(path.toFile()));
    }

    public List<String> names() {
        return Collections.list(jar.entries()).stream().map(ZipEntry::getName).collect(Collectors.toList());
    }

    public List<String> classes() {
        return names().stream().filter(n -> n.endsWith(".class")).collect(Collectors.toList());
    }

    public boolean has(String name) {
        return jar.getEntry(name) != null;
    }

    public byte[] bytes(String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        if (entry == null) {
            throw new IllegalArgumentException(name + " is not in " + jar.getName());
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** The class file's major version (JVMS §4.1): 52 is Java 8. */
    public int majorVersion(String classFile) throws IOException {
        byte[] bytes = bytes(classFile);
        if (bytes.length < 8 || (bytes[0] & 0xFF) != 0xCA || (bytes[1] & 0xFF) != 0xFE) {
            throw new IllegalStateException(classFile + " is not a class file");
        }
        return ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
    }

    /** Class files a JVM of the given class-file version cannot load, with their versions. */
    public List<String> classesNewerThan(int major) throws IOException {
        List<String> newer = new ArrayList<>();
        for (String name : classes()) {
            int version = majorVersion(name);
            if (version > major) {
                newer.add(name + " (" + version + ")");
            }
        }
        return newer;
    }

    @Override
    public void close() throws IOException {
        jar.close();
    }
}

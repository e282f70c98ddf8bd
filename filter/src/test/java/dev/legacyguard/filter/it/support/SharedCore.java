package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.legacyguard.core.json.Json;

/**
 * The class files of the shared core (legacyguard-core) as the build made them, so that a jar
 * test can check every one of them is bundled, relocated, whatever the core comes to hold.
 */
public final class SharedCore {

    /** Where the core's classes are before relocation; no drop-in jar may hold anything here. */
    public static final String PACKAGE_PATH = "dev/legacyguard/core/";

    private SharedCore() {
    }

    /** Every class file of the core, relative to {@link #PACKAGE_PATH}, e.g. {@code json/Json.class}. */
    public static List<String> classFiles() {
        Path location = location();
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                Path root = location.resolve(PACKAGE_PATH);
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (entry.getName().startsWith(PACKAGE_PATH) && entry.getName().endsWith(".class")) {
                            names.add(entry.getName().substring(PACKAGE_PATH.length()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(names);
        if (names.isEmpty()) {
            throw new IllegalStateException("no class of the shared core found in " + location);
        }
        return names;
    }

    private static Path location() {
        try {
            return Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out a web application the way a user ships one: {@code WEB-INF/web.xml} declaring the
 * filter, {@code WEB-INF/logto.properties}, the app's classes, and the filter jar in
 * {@code WEB-INF/lib}. Containers deploy the directory as an exploded WAR.
 */
public final class ExplodedWar {

    private final Path dir;
    private String webXml;
    private String properties;
    private final Map<String, String> extraProperties = new LinkedHashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final List<Path> libs = new ArrayList<>();

    private ExplodedWar(Path dir) {
        this.dir = dir;
    }

    public static ExplodedWar at(Path dir) {
        return new ExplodedWar(dir);
    }

    /** A {@code web.xml} from the test class path. */
    public ExplodedWar webXml(String resource) {
        this.webXml = resource;
        return this;
    }

    /** A {@code logto.properties} from the test class path. */
    public ExplodedWar properties(String resource) {
        this.properties = resource;
        return this;
    }

    /** A line appended to {@code logto.properties}, as an administrator would add it. */
    public ExplodedWar property(String key, String value) {
        extraProperties.put(key, value);
        return this;
    }

    /** An app class, copied from the test class path into {@code WEB-INF/classes}. */
    public ExplodedWar appClass(Class<?> type) {
        classes.add(type);
        return this;
    }

    public ExplodedWar lib(Path jar) {
        libs.add(jar);
        return this;
    }

    public Path build() {
        Files2.deleteTree(dir);
        Path webInf = dir.resolve("WEB-INF");
        Files2.write(webInf.resolve("web.xml"), resource(webXml));
        StringBuilder props = new StringBuilder(resource(properties));
        extraProperties.forEach((key, value) -> props.append(key).append(" = ").append(value).append('\n'));
        Files2.write(webInf.resolve("logto.properties"), props.toString());
        for (Class<?> type : classes) {
            String classFile = type.getName().replace('.', '/') + ".class";
            Files2.copy(classFileOf(type), webInf.resolve("classes").resolve(classFile));
        }
        for (Path jar : libs) {
            Files2.copy(jar, webInf.resolve("lib").resolve(jar.getFileName().toString()));
        }
        return dir;
    }

    private static Path classFileOf(Class<?> type) {
        try {
            return Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException(type + " is not a class file in a directory; test-classes expected", e);
        }
    }

    private static String resource(String name) {
        if (name == null) {
            throw new IllegalStateException("the WAR needs both a web.xml and a logto.properties resource");
        }
        try (InputStream in = ExplodedWar.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

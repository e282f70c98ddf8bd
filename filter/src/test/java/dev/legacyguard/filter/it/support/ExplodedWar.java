package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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
    private final List<String> classes = new ArrayList<>();
    private final List<Path> libs = new ArrayList<>();
    private UnaryOperator<String> webXmlRewriter = UnaryOperator.identity();
    private UnaryOperator<byte[]> classRewriter = UnaryOperator.identity();

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
        return appClass(type.getName());
    }

    /** As above, by binary name: for a class the test JVM itself cannot load (another servlet API). */
    public ExplodedWar appClass(String binaryName) {
        classes.add(binaryName);
        return this;
    }

    /** Rewrites the web.xml as it is written, e.g. into another servlet API's namespace. */
    public ExplodedWar webXmlRewriter(UnaryOperator<String> rewriter) {
        this.webXmlRewriter = rewriter;
        return this;
    }

    /** Rewrites each app class file as it is copied, e.g. into another servlet API's packages. */
    public ExplodedWar classRewriter(UnaryOperator<byte[]> rewriter) {
        this.classRewriter = rewriter;
        return this;
    }

    public ExplodedWar lib(Path jar) {
        libs.add(jar);
        return this;
    }

    public Path build() {
        Files2.deleteTree(dir);
        Path webInf = dir.resolve("WEB-INF");
        Files2.write(webInf.resolve("web.xml"), webXmlRewriter.apply(resource(webXml)));
        StringBuilder props = new StringBuilder(resource(properties));
        extraProperties.forEach((key, value) -> props.append(key).append(" = ").append(value).append('\n'));
        Files2.write(webInf.resolve("logto.properties"), props.toString());
        for (String binaryName : classes) {
            String classFile = binaryName.replace('.', '/') + ".class";
            write(webInf.resolve("classes").resolve(classFile), classRewriter.apply(bytes(classFile)));
        }
        for (Path jar : libs) {
            Files2.copy(jar, webInf.resolve("lib").resolve(jar.getFileName().toString()));
        }
        return dir;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        if (name == null) {
            throw new IllegalStateException("the WAR needs both a web.xml and a logto.properties resource");
        }
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ExplodedWar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.legacyguard.filter.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put what the integration tests need; the failsafe configuration names each. */
public final class BuildOutputs {

    private BuildOutputs() {
    }

    /** The shaded jar users drop into {@code WEB-INF/lib}. */
    public static Path allJar() {
        return existing("it.all-jar");
    }

    /** The javax.servlet flavour, built by the filter-javax module. */
    public static Path javaxJar() {
        return existing("it.javax-jar");
    }

    public static Path plainJar() {
        return existing("it.plain-jar");
    }

    /** BouncyCastle's provider jar, for a container that brings it. */
    public static Path bouncyCastleJar() {
        return existing("it.bcprov-jar");
    }

    /** The unpacked Tomcat 10.1 distribution ({@code CATALINA_HOME}). */
    public static Path tomcatHome() {
        return existing("it.tomcat-home");
    }

    /** The unpacked Tomcat 9 distribution, for the javax flavour. */
    public static Path tomcat9Home() {
        return existing("it.tomcat9-home");
    }

    /** The unpacked jetty-distribution 9.4 ({@code JETTY_HOME}), for the javax flavour. */
    public static Path jetty94Home() {
        return existing("it.jetty94-home");
    }

    /** The unpacked Tomcat 10.0 distribution. */
    public static Path tomcat10Dot0Home() {
        return existing("it.tomcat10.0-home");
    }

    /** The unpacked jetty-home 10, for the javax flavour. */
    public static Path jetty10Home() {
        return existing("it.jetty10-home");
    }

    /** The unpacked jetty-home 11. */
    public static Path jetty11Home() {
        return existing("it.jetty11-home");
    }

    /** The unpacked Tomcat 11 distribution. */
    public static Path tomcat11Home() {
        return existing("it.tomcat11-home");
    }

    /** The unpacked jetty-home 12 distribution ({@code JETTY_HOME}). */
    public static Path jettyHome() {
        return existing("it.jetty-home");
    }

    /** The {@code java} launcher of the Temurin 25 JDK the root pom's {@code jdk25.home} names. */
    public static String jdk25Java() {
        Path java = Path.of(required("jdk25.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("the container tests also run on JDK 25, but there is no " + java
                    + "; install Temurin 25 there or run maven with -Djdk25.home=/path/to/jdk-25");
        }
        return java.toString();
    }

    /** A scratch directory of this test class, emptied first. */
    public static Path workDir(Class<?> testClass) {
        Path dir = Path.of(required("it.dir")).resolve(testClass.getSimpleName());
        Files2.deleteTree(dir);
        return Files2.createDirectories(dir);
    }

    private static Path existing(String property) {
        Path path = Path.of(required(property));
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points at " + path
                    + ", which does not exist; run the integration tests through 'mvn verify'");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("system property " + property
                    + " is not set; run the integration tests through 'mvn verify' (maven-failsafe-plugin sets it)");
        }
        return value;
    }
}

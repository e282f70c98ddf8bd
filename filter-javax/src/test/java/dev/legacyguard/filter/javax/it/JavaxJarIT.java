package dev.legacyguard.filter.javax.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.JarContents;
import dev.legacyguard.filter.it.support.LicenseFiles;
import dev.legacyguard.filter.it.support.SharedCore;
import org.junit.jupiter.api.Test;

/** The javax jar is the -all jar with every jakarta.servlet reference moved to javax.servlet. */
class JavaxJarIT {

    @Test
    void refersToJavaxServletOnly() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.javaxJar())) {
            boolean usesJavax = false;
            for (String name : jar.classes()) {
                String constants = new String(jar.bytes(name), StandardCharsets.ISO_8859_1);
                assertFalse(constants.contains("jakarta/servlet") || constants.contains("jakarta.servlet"),
                        name + " still refers to jakarta.servlet");
                usesJavax |= constants.contains("javax/servlet/Filter");
            }
            assertTrue(usesJavax, "the filter should implement javax.servlet.Filter");
        }
    }

    @Test
    void keepsTheFilterClassNameSoWebXmlDoesNotChange() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.javaxJar())) {
            assertTrue(jar.has("dev/legacyguard/filter/LogtoBearerFilter.class"));
            assertTrue(jar.has("dev/legacyguard/filter/shaded/jose4j/jwt/consumer/JwtConsumer.class"));
        }
    }

    @Test
    void classesAllRunOnJava8() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.javaxJar())) {
            assertEquals(List.of(), jar.classesNewerThan(52), "Java 8 reads class files up to major version 52");
        }
    }

    @Test
    void startsTheExplainCommand() throws IOException {
        try (JarFile jar = new JarFile(BuildOutputs.javaxJar().toFile())) {
            assertEquals("dev.legacyguard.filter.cli.Main",
                    jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void carriesOurLicenceAndTheLicenceOfEveryLibraryItBundles() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.javaxJar())) {
            assertEquals(List.of(), LicenseFiles.missing(jar, LicenseFiles.FILTER_ALL_JAR));
        }
    }

    @Test
    void keepsTheSharedCoreRelocatedIntoTheFiltersPackage() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.javaxJar())) {
            List<String> missing = new ArrayList<>();
            for (String name : SharedCore.classFiles()) {
                if (!jar.has("dev/legacyguard/filter/shaded/core/" + name)) {
                    missing.add(name);
                }
            }
            assertEquals(List.of(), missing);
            assertFalse(jar.names().stream().anyMatch(n -> n.startsWith(SharedCore.PACKAGE_PATH)), "the core unrelocated");
        }
    }
}

package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.JarContents;
import dev.legacyguard.filter.it.support.LicenseFiles;
import dev.legacyguard.filter.it.support.SharedCore;
import org.junit.jupiter.api.Test;

/**
 * What the two filter jars must be: Java 8 class files; the -all jar self-contained (jose4j and
 * the core shared with the agent relocated, and its slf4j private) but without the servlet API or
 * a public slf4j, so it adds nothing to a WAR's class path but the filter.
 */
class ShadedJarIT {

    private static final String OWN = "dev/legacyguard/filter/";
    private static final String SHADED = OWN + "shaded/";

    @Test
    void plainJarHoldsOnlyTheFiltersJava8Classes() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.plainJar())) {
            List<String> classes = jar.classes();
            assertFalse(classes.isEmpty());
            for (String name : classes) {
                assertTrue(name.startsWith(OWN) && !name.startsWith(SHADED), name);
                assertEquals(52, jar.majorVersion(name), name + " must be Java 8 bytecode (major version 52)");
            }
        }
    }

    @Test
    void allJarClassesAllRunOnJava8() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.allJar())) {
            assertEquals(List.of(), jar.classesNewerThan(52), "Java 8 reads class files up to major version 52");
        }
    }

    @Test
    void allJarBundlesJose4jAndItsSlf4jOnlyUnderTheShadedPackage() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.allJar())) {
            List<String> foreign = new ArrayList<>();
            for (String name : jar.classes()) {
                if (!name.startsWith(OWN)) {
                    foreign.add(name);
                }
            }
            assertEquals(List.of(), foreign, "classes outside dev.legacyguard.filter would land on the app's class path");
            assertTrue(jar.has(SHADED + "jose4j/jwt/consumer/JwtConsumer.class"));
            assertTrue(jar.has(SHADED + "slf4j/LoggerFactory.class"));
            assertFalse(jar.names().stream().anyMatch(n -> n.endsWith("module-info.class")), "no module descriptors");
        }
    }

    @Test
    void allJarFilterClassesUseTheRelocatedJose4jAndTheAppsOwnSlf4j() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.allJar())) {
            for (String name : jar.classes()) {
                String constants = new String(jar.bytes(name), StandardCharsets.ISO_8859_1);
                assertFalse(constants.contains("org/jose4j/"), name + " still refers to org.jose4j");
                if (name.startsWith(SHADED)) {
                    assertFalse(constants.contains("org/slf4j/"),
                            name + " would need the app's slf4j; bundled code must use the private copy");
                }
            }
        }
    }

    @Test
    void allJarRegistersThePrivateSlf4jBindingUnderTheRelocatedServiceName() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.allJar())) {
            String service = "META-INF/services/dev.legacyguard.filter.shaded.slf4j.spi.SLF4JServiceProvider";
            assertTrue(jar.has(service));
            String provider = new String(jar.bytes(service), StandardCharsets.UTF_8).trim();
            assertTrue(jar.has(provider.replace('.', '/') + ".class"), provider);
            assertFalse(jar.names().stream().anyMatch(n -> n.startsWith("META-INF/services/org.slf4j")),
                    "a public slf4j provider would bind the app's logging");
        }
    }

    @Test
    void allJarCarriesOurLicenceAndTheLicenceOfEveryLibraryItBundles() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.allJar())) {
            assertEquals(List.of(), LicenseFiles.missing(jar, LicenseFiles.FILTER_ALL_JAR));
        }
    }

    @Test
    void plainJarCarriesOurLicenceAndNotice() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.plainJar())) {
            assertEquals(List.of(), LicenseFiles.missing(jar, List.of()));
        }
    }

    @Test
    void allJarBundlesEveryClassOfTheSharedCoreOnlyRelocated() throws IOException {
        try (JarContents jar = JarContents.open(BuildOutputs.allJar())) {
            List<String> missing = new ArrayList<>();
            for (String name : SharedCore.classFiles()) {
                if (!jar.has(SHADED + "core/" + name)) {
                    missing.add(name);
                }
            }
            assertEquals(List.of(), missing, "shared core classes missing from " + SHADED + "core/");
            for (String name : jar.names()) {
                assertFalse(name.startsWith(SharedCore.PACKAGE_PATH), name + " is the core unrelocated");
            }
            for (String name : jar.classes()) {
                String constants = new String(jar.bytes(name), StandardCharsets.ISO_8859_1);
                assertFalse(constants.contains(SharedCore.PACKAGE_PATH), name + " still refers to the unrelocated core");
            }
        }
    }
}

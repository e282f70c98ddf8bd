package dev.legacyguard.filter.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a drop-in jar owes the libraries it bundles: our licence as META-INF/LICENSE, a
 * META-INF/NOTICE that names every bundled library with its licence and where its text is, and
 * that text itself.
 */
public final class LicenseFiles {

    public static final String LICENSE = "META-INF/LICENSE";
    public static final String NOTICE = "META-INF/NOTICE";

    /** A licence, by the name the NOTICE gives it and a sentence only its text contains. */
    public enum License {
        APACHE_2("Apache License, Version 2.0", "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"),
        MIT("MIT License", "Permission is hereby granted"),
        BSD_3("3-clause BSD License", "Redistribution and use in source and binary forms");

        private final String name;
        private final String sentence;

        License(String name, String sentence) {
            this.name = name;
            this.sentence = sentence;
        }
    }

    /** A bundled library: the name the NOTICE lists it under, its licence, the entry holding the text. */
    public record Bundled(String name, License license, String entry) {
    }

    /** What the filter's -all jar, and so its javax flavour, bundles. */
    public static final List<Bundled> FILTER_ALL_JAR = List.of(
            new Bundled("jose4j", License.APACHE_2, "META-INF/licenses/jose4j"),
            new Bundled("SLF4J", License.MIT, "META-INF/licenses/slf4j"));

    private LicenseFiles() {
    }

    /** What the jar lacks, one line each; empty when it carries everything. */
    public static List<String> missing(JarContents jar, List<Bundled> bundled) throws IOException {
        List<String> missing = new ArrayList<>();
        requireText(jar, LICENSE, License.APACHE_2, missing);
        String notice = jar.has(NOTICE) ? text(jar, NOTICE) : "";
        if (notice.isEmpty()) {
            missing.add(NOTICE + " is absent or empty");
        }
        for (Bundled library : bundled) {
            String listed = library.name() + " … " + library.license().name + " … " + library.entry();
            if (!notice.contains(library.name()) || !notice.contains(library.license().name)
                    || !notice.contains(library.entry())) {
                missing.add(NOTICE + " does not list " + listed);
            }
            requireText(jar, library.entry(), library.license(), missing);
        }
        return missing;
    }

    private static void requireText(JarContents jar, String entry, License license, List<String> missing)
            throws IOException {
        if (!jar.has(entry)) {
            missing.add(entry + " is absent (" + license.name + ")");
        } else if (!text(jar, entry).contains(license.sentence)) {
            missing.add(entry + " is not the " + license.name + " text");
        }
    }

    private static String text(JarContents jar, String entry) throws IOException {
        return new String(jar.bytes(entry), StandardCharsets.UTF_8);
    }
}

package dev.legacyguard.filter.javax.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.TestWars;
import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * The filter module's test WAR moved to javax.servlet the way the javax jar is made: every
 * {@code jakarta.servlet} reference in its classes relocated to {@code javax.servlet}, its
 * web.xml in the Java EE namespace, the javax jar in its {@code WEB-INF/lib}. So the javax
 * flavour runs the same app and the same contract suite as the jakarta jar.
 */
final class JavaxWars {

    private static final String JAKARTA = "jakarta/servlet/";
    private static final String JAVAX = "javax/servlet/";

    private JavaxWars() {
    }

    static ExplodedWar app(Path dir) {
        return TestWars.around(dir, BuildOutputs.javaxJar())
                .webXmlRewriter(JavaxWars::javaEeNamespace)
                .classRewriter(JavaxWars::relocated);
    }

    /** The Servlet 3.1 descriptor header in place of the Servlet 5.0 one; the declarations do not change. */
    static String javaEeNamespace(String webXml) {
        return webXml
                .replace("https://jakarta.ee/xml/ns/jakartaee/web-app_5_0.xsd", "http://xmlns.jcp.org/xml/ns/javaee/web-app_3_1.xsd")
                .replace("https://jakarta.ee/xml/ns/jakartaee", "http://xmlns.jcp.org/xml/ns/javaee")
                .replace("version=\"5.0\"", "version=\"3.1\"");
    }

    static byte[] relocated(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassRemapper(writer, new Remapper() {
            @Override
            public String map(String internalName) {
                return internalName.startsWith(JAKARTA) ? JAVAX + internalName.substring(JAKARTA.length()) : internalName;
            }
        }), 0);
        return writer.toByteArray();
    }
}

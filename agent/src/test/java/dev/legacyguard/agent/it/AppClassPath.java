package dev.legacyguard.agent.it;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The forked application's class path: the scenario app and the real client jars, found
 * through one class of each; never the agent's own classes.
 */
final class AppClassPath {

    private static final List<String> ONE_CLASS_PER_HTTPCORE_JAR = List.of(
            "org.apache.http.protocol.HttpRequestExecutor",
            "org.apache.hc.core5.http.impl.io.HttpRequestExecutor");
    private static final List<String> ONE_CLASS_PER_OTHER_JAR = List.of(
            "org.apache.http.impl.client.HttpClients",
            "org.apache.commons.httpclient.HttpClient",
            "org.apache.http.impl.nio.client.HttpAsyncClients",
            "org.apache.http.nio.reactor.IOReactor",
            "org.apache.commons.logging.LogFactory",
            "org.apache.commons.codec.binary.Base64",
            "org.apache.hc.client5.http.impl.classic.HttpClients",
            "org.apache.hc.core5.http2.HttpVersionPolicy",
            "org.slf4j.LoggerFactory");

    private AppClassPath() {
    }

    static List<String> entries() {
        List<String> entries = webApp();
        entries.addAll(httpcore());
        return entries;
    }

    /** The scenario app's own classes (and the launchers'). */
    static String testClasses() {
        return System.getProperty("test.classes", "target/test-classes");
    }

    /** The httpcore 4 and 5 jars, which hold the classes the agent instruments. */
    static List<String> httpcore() {
        return jarsOf(ONE_CLASS_PER_HTTPCORE_JAR);
    }

    /** Everything but httpcore: the scenario app, the httpclient jars and their other dependencies. */
    static List<String> webApp() {
        List<String> entries = new ArrayList<>();
        entries.add(testClasses());
        entries.addAll(jarsOf(ONE_CLASS_PER_OTHER_JAR));
        return entries;
    }

    /** HttpClient 4 and everything it needs, as a web app carries them in its {@code WEB-INF/lib}. */
    static List<String> httpClient4() {
        return jarsOf(List.of("org.apache.http.impl.client.HttpClients", "org.apache.http.protocol.HttpRequestExecutor",
                "org.apache.commons.logging.LogFactory", "org.apache.commons.codec.binary.Base64"));
    }

    private static List<String> jarsOf(List<String> classNames) {
        List<String> jars = new ArrayList<>();
        for (String className : classNames) {
            jars.add(jarOf(className));
        }
        return jars;
    }

    /** The jar (or directory) of the test class path that holds {@code className}. */
    static String jarOf(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("the test class path lacks " + className + ": " + e, e);
        }
    }
}

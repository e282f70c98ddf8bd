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

    private static final List<String> ONE_CLASS_PER_JAR = List.of(
            "org.apache.http.impl.client.HttpClients",
            "org.apache.http.protocol.HttpRequestExecutor",
            "org.apache.commons.logging.LogFactory",
            "org.apache.commons.codec.binary.Base64",
            "org.apache.hc.client5.http.impl.classic.HttpClients",
            "org.apache.hc.core5.http.impl.io.HttpRequestExecutor",
            "org.apache.hc.core5.http2.HttpVersionPolicy",
            "org.slf4j.LoggerFactory");

    private AppClassPath() {
    }

    static List<String> entries() {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("test.classes", "target/test-classes"));
        for (String className : ONE_CLASS_PER_JAR) {
            try {
                Path jar = Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
                entries.add(jar.toString());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("the test class path lacks " + className + ": " + e, e);
            }
        }
        return entries;
    }
}

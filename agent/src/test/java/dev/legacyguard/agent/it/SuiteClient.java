package dev.legacyguard.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One client at one version, as the behaviour suite runs it: the {@code OneRequest} class that
 * sends with it, and the jars of that version. {@code jars} names a directory under
 * {@code target/clients/} that {@code agent/pom.xml} fills with the exact artifacts of the
 * version (execution {@code copy-clients}), or is null for a client the JDK holds.
 * {@code asynchronous}: the client follows redirects on I/O threads, where the agent never
 * waits for a token, so the suite expects what the agent documents for such a hop.
 */
record SuiteClient(String name, String oneRequestClass, String jars, boolean asynchronous) {

    /** A client that sends on the caller's thread (every client but the asynchronous ones). */
    SuiteClient(String name, String oneRequestClass, String jars) {
        this(name, oneRequestClass, jars, false);
    }

    /** The client's class path: its jars, sorted for a stable command line. */
    List<String> classPath() {
        List<String> entries = new ArrayList<>();
        if (jars == null) {
            return entries;
        }
        Path dir = Path.of(System.getProperty("clients.dir", "target/clients"), jars);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no jars of " + name + " at " + dir + "; run these tests with 'mvn verify', "
                    + "whose pre-integration-test phase copies them there");
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(file -> entries.add(file.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e, e);
        }
        return entries;
    }

    @Override
    public String toString() {
        return name;
    }
}

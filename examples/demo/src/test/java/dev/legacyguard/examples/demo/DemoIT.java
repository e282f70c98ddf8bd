package dev.legacyguard.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path, exactly as the README gives it: {@code java -jar examples/demo/target/demo.jar}
 * in its own process, which starts the dev issuer and Jetty and forks the client three times.
 */
class DemoIT {

    private static int exitCode;
    private static List<String> output;

    @BeforeAll
    static void runTheDemo() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("demo.jar", "target/demo.jar"));
        // In target/ so a failed run's output can still be read afterwards; mvn clean removes it.
        Path log = Path.of(System.getProperty("basedir", ""), "target", "demo-it.out").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!demo.waitFor(5, TimeUnit.MINUTES)) {
            demo.destroyForcibly();
            throw new AssertionError("the demo did not finish within 5 minutes (output in " + log + "):\n"
                    + Files.readString(log));
        }
        exitCode = demo.exitValue();
        output = Files.readAllLines(log, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", output));
    }

    @Test
    void exitsZeroBecauseEveryOutcomeWasTheExpectedOne() {
        assertEquals(0, exitCode, String.join("\n", output));
        assertTrue(output.stream().anyMatch(l -> l.startsWith("DEMO PASSED")), table());
    }

    @Test
    void withoutTheAgentBothClientsGetA401WithABearerChallenge() {
        assertRow("no agent", "HttpURLConnection", "GET", "401 Bearer ");
        assertRow("no agent", "ApacheHttpClient", "POST", "401 Bearer ");
    }

    @Test
    void theReaderAppMayReadButItsWriteIsRefusedNamingWriteProducts() {
        assertRow("agent, reader-app", "HttpURLConnection", "GET", "200 \\{\"caller\":\"reader-app\"");
        assertRow("agent, reader-app", "ApacheHttpClient", "GET", "200 \\{\"caller\":\"reader-app\"");
        assertRow("agent, reader-app", "HttpURLConnection", "POST", "403 Bearer .*error=\"insufficient_scope\".*write:products");
        assertRow("agent, reader-app", "ApacheHttpClient", "POST", "403 Bearer .*error=\"insufficient_scope\".*write:products");
    }

    @Test
    void theEditorAppMayReadAndWrite() {
        assertRow("agent, editor-app", "HttpURLConnection", "POST", "200 \\{\"caller\":\"editor-app\"");
        assertRow("agent, editor-app", "ApacheHttpClient", "POST", "200 \\{\"caller\":\"editor-app\"");
    }

    @Test
    void saysThatTheIssuerIsForDevelopmentOnly() {
        assertTrue(output.stream().anyMatch(l -> l.contains("FOR DEVELOPMENT ONLY")), String.join("\n", output));
    }

    private static void assertRow(String run, String client, String method, String gotPattern) {
        Pattern row = Pattern.compile("^OK\\s+" + Pattern.quote(run) + "\\s+" + client + "\\s+" + method + "\\s+.*\\s"
                + gotPattern + ".*$");
        assertTrue(output.stream().anyMatch(l -> row.matcher(l).matches()),
                "no OK row for " + run + " / " + client + " / " + method + " matching " + gotPattern + " in:\n"
                        + table());
    }

    /** The demo's closing table (the full output is printed once, by runTheDemo). */
    private static String table() {
        int header = output.indexOf(output.stream().filter(l -> l.startsWith("ok   run")).findFirst().orElse(""));
        return String.join("\n", header < 0 ? output : output.subList(header, output.size()));
    }
}

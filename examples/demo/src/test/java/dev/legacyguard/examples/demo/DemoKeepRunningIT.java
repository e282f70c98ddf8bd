package dev.legacyguard.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code --keep-running} leaves the issuer and the app up and prints curl lines that work as
 * printed: run them with bash, as a reader would paste them.
 */
class DemoKeepRunningIT {

    @Test
    void theCurlLinesItPrintsWorkAgainstTheIssuerAndTheAppLeftRunning() throws Exception {
        requireOnPath("curl", "bash");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("demo.jar", "target/demo.jar"), "--keep-running")
                .redirectErrorStream(true)
                .start();
        try {
            List<String> curlLines = curlLines(demo);
            String script = "set -e\n" + String.join("\n", curlLines) + "\n";
            Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            String answers = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the curl lines did not finish");
            assertEquals(0, bash.exitValue(), answers);

            assertTrue(answers.contains("HTTP/1.1 401"), "the API without a token: 401\n" + answers);
            assertTrue(answers.contains("\"caller\":\"reader-app\""), "the API with the fetched token: 200\n" + answers);
            assertTrue(answers.contains("error=\"insufficient_scope\"") && answers.contains("scope=\"write:products\""),
                    "POST with the reader's token: 403 naming write:products\n" + answers);
            assertTrue(answers.contains("\"authorization_servers\""), "the resource metadata document\n" + answers);
            assertTrue(answers.contains("\"caller\":\"demo-user\""),
                    "the API with the token the agent's token command got for demo-user's PAT: 200\n" + answers);
            String inOrganization = answers.substring(answers.indexOf("\"caller\":\"demo-user\""));
            assertTrue(inOrganization.contains("\"caller\":\"reader-app\""),
                    "/orgs/acme/products with reader-app's token in organization acme: 200\n" + answers);
            assertTrue(inOrganization.contains("the token is for organization 'acme' but the path names organization 'other'"),
                    "/orgs/other/products with that token: 403 naming both organizations\n" + answers);
        } finally {
            demo.destroy();
            assertTrue(demo.waitFor(30, TimeUnit.SECONDS), "the demo did not stop on SIGTERM");
        }
    }

    /** Reads the demo's output up to and including the block of lines to paste. */
    private static List<String> curlLines(Process demo) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        List<String> curl = new ArrayList<>();
        boolean inBlock = false;
        for (String line; (line = out.readLine()) != null; ) {
            seen.add(line);
            if (line.startsWith("== still running")) {
                inBlock = true;
            } else if (inBlock && (line.startsWith("curl ") || line.startsWith("TOKEN="))) {
                curl.add(line);
            } else if (inBlock) {
                return curl;
            }
        }
        throw new AssertionError("the demo ended before printing its curl lines:\n" + String.join("\n", seen));
    }

    /**
     * Under CI (CI=true, which .ci/run sets) a missing tool fails the test, so that CI never
     * reports green for a test it did not run; elsewhere the test is skipped with a loud line.
     */
    private static void requireOnPath(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "DemoKeepRunningIT needs " + String.join(" and ", missing)
                + " on the PATH to run the curl lines the demo prints; install it";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: a test CI cannot run fails instead of being skipped)");
        }
        System.err.println("*** SKIPPED, NOT RUN: " + message);
        abort(message);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Path.of(dir, tool).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }
}

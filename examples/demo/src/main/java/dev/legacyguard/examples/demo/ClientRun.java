package dev.legacyguard.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the legacy client in its own JVM, as an operator would: {@code java -jar legacy-client.jar},
 * with or without {@code -javaagent:logto-agent.jar=logto-agent.properties}. Only the values
 * that depend on this run (endpoint, app, URL) are given as system properties; the App Secret
 * goes in {@code LOGTO_APP_SECRET}, as recommended.
 */
final class ClientRun {

    private static final long TIMEOUT_SECONDS = 120;

    private final DemoParts parts;

    ClientRun(DemoParts parts) {
        this.parts = parts;
    }

    /** Every line the client JVM printed (agent lines included), and the calls among them. */
    record Result(List<String> lines, List<ClientCall> calls, int exitCode) {
    }

    Result run(Scenario scenario, String issuerEndpoint, String appBaseUrl) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (scenario.withAgent()) {
            command.add("-javaagent:" + parts.agentJar() + "=" + parts.clientAgentConfig());
            command.add("-Dlogto.endpoint=" + issuerEndpoint);
            command.add("-Dlogto.app-id=" + scenario.appId());
            command.add("-Dlogto.resource.products.urls=" + appBaseUrl + "/api/");
        }
        command.add("-jar");
        command.add(parts.clientJar().toString());
        command.add(appBaseUrl);

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LOGTO_"));
        if (scenario.withAgent()) {
            environment.put("LOGTO_APP_SECRET", scenario.appSecret());
        }
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        List<ClientCall> calls = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                ClientCall.parse(line).ifPresent(calls::add);
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            lines.add("(the client did not finish within " + TIMEOUT_SECONDS + "s and was stopped)");
            return new Result(lines, calls, -1);
        }
        return new Result(lines, calls, process.exitValue());
    }
}

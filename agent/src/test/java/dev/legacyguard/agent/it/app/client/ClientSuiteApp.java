package dev.legacyguard.agent.it.app.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for an old service that calls out through one client: {@code ClientSuiteApp
 * ONE_REQUEST_CLASS SCENARIOS}. Each scenario line is {@code NAME METHOD URL [AUTHORIZATION...]};
 * for each it prints {@code RESULT NAME status=CODE} or {@code RESULT NAME error=EXCEPTION},
 * then {@code DONE}.
 */
public final class ClientSuiteApp {

    private ClientSuiteApp() {
    }

    public static void main(String[] args) throws Exception {
        OneRequest client = (OneRequest) Class.forName(args[0]).getConstructor().newInstance();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] scenario = line.trim().split(" ", 4);
                System.out.println("RESULT " + scenario[0] + " " + send(client, scenario));
            }
        }
        System.out.println("DONE");
        // Some clients (the asynchronous ones) keep non-daemon threads; the service's work is done.
        System.exit(0);
    }

    private static String send(OneRequest client, String[] scenario) {
        try {
            return "status=" + client.send(scenario[1], scenario[2], scenario.length > 3 ? scenario[3] : null);
        } catch (Exception e) {
            return "error=" + e;
        }
    }
}

package dev.legacyguard.agent.it.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.util.EntityUtils;

/**
 * A stand-in for an old service, run in a forked JVM with the agent: it makes the calls a
 * scenario file lists with the real clients and prints one {@code RESULT} line per call. It
 * knows nothing about the agent.
 *
 * <p>Scenario lines: {@code NAME CLIENT URL [AUTHORIZATION...]} with CLIENT one of
 * {@code huc}, {@code hc4}, {@code hc5}; or {@code NAME classes CLASS...}, which reports which
 * of the named classes the application's class loader can load.
 */
public final class ScenarioApp {

    private final org.apache.http.impl.client.CloseableHttpClient httpClient4 =
            org.apache.http.impl.client.HttpClients.createDefault();
    private final org.apache.hc.client5.http.impl.classic.CloseableHttpClient httpClient5 =
            org.apache.hc.client5.http.impl.classic.HttpClients.createDefault();

    public static void main(String[] args) throws IOException {
        ScenarioApp app = new ScenarioApp();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                System.out.println("RESULT " + app.run(line.trim().split(" ", 4)));
            }
        }
        System.out.println("DONE");
    }

    private String run(String[] scenario) {
        String name = scenario[0];
        if (scenario[1].equals("classes")) {
            return name + " " + loadable(scenario[2].split(","));
        }
        String authorization = scenario.length > 3 ? scenario[3] : null;
        try {
            int status = switch (scenario[1]) {
                case "huc" -> viaHttpUrlConnection(scenario[2], authorization);
                case "hc4" -> viaHttpClient4(scenario[2], authorization);
                case "hc5" -> viaHttpClient5(scenario[2], authorization);
                default -> throw new IllegalArgumentException("unknown client " + scenario[1]);
            };
            return name + " status=" + status;
        } catch (Exception e) {
            return name + " error=" + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
        }
    }

    private static int viaHttpUrlConnection(String url, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }

    private int viaHttpClient4(String url, String authorization) throws IOException {
        HttpGet get = new HttpGet(url);
        if (authorization != null) {
            get.setHeader("Authorization", authorization);
        }
        try (CloseableHttpResponse response = httpClient4.execute(get)) {
            EntityUtils.consume(response.getEntity());
            return response.getStatusLine().getStatusCode();
        }
    }

    private int viaHttpClient5(String url, String authorization) throws IOException {
        org.apache.hc.client5.http.classic.methods.HttpGet get = new org.apache.hc.client5.http.classic.methods.HttpGet(url);
        if (authorization != null) {
            get.setHeader("Authorization", authorization);
        }
        return httpClient5.execute(get, response -> {
            org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    private static String loadable(String[] classNames) {
        List<String> visible = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (String className : classNames) {
            try {
                Class.forName(className, false, ScenarioApp.class.getClassLoader());
                visible.add(className);
            } catch (ClassNotFoundException e) {
                hidden.add(className);
            }
        }
        return "visible=" + String.join(",", visible) + " hidden=" + String.join(",", hidden);
    }
}

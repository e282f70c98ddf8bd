package dev.legacyguard.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * The first outgoing calls of a fresh JVM, through {@code HttpURLConnection} to a loopback
 * API: what a service notices of the agent after start-up. The agent weaves its advice into a
 * client class when the class loads, so the process's first call pays for that; it fetches a
 * resource's token when the resource is first called, so the first call to the resource pays
 * for that. Prints {@code firstCallNanos=A firstResourceCallNanos=B nextCallNanos=C
 * requests=N withBearer=M}: A for a URL of no configured resource (the same API under another
 * host name), B for the resource's URL, C for the call after it.
 *
 * <p>Arguments: port.
 */
public final class FirstCalls {

    private FirstCalls() {
    }

    public static void main(String[] args) throws Exception {
        try (LoopbackApi api = LoopbackApi.start(Integer.parseInt(args[0]), 1)) {
            URL resource = new URL(api.url());
            URL elsewhere = new URL(api.url().replace("127.0.0.1", "localhost"));
            long first = timed(elsewhere);
            long firstResource = timed(resource);
            long next = timed(resource);
            System.out.println("firstCallNanos=" + first + " firstResourceCallNanos=" + firstResource + " nextCallNanos="
                    + next + " requests=" + api.requests() + " withBearer=" + api.requestsWithBearer());
        }
    }

    private static long timed(URL url) throws IOException {
        long started = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.getResponseCode();
        try (InputStream body = connection.getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        return System.nanoTime() - started;
    }
}

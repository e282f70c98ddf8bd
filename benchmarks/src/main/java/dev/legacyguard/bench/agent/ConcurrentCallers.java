package dev.legacyguard.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run with {@code -javaagent}: {@code callers} threads call the loopback API through
 * HttpURLConnection, all released at once for the first call (the moment a cold agent is most
 * tempted to ask for many tokens), then every {@code pauseMillis} until {@code runMillis} have
 * passed. Prints one line, {@code calls=N failures=N withBearer=N distinctTokens=N}, for the
 * suite, which counts the token requests on the issuer's side.
 *
 * <p>Arguments: port callers runMillis pauseMillis.
 */
public final class ConcurrentCallers {

    private ConcurrentCallers() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int callers = Integer.parseInt(args[1]);
        long runMillis = Long.parseLong(args[2]);
        long pauseMillis = Long.parseLong(args[3]);
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        try (LoopbackApi api = LoopbackApi.start(port, 16)) {
            URL url = new URL(api.url());
            CountDownLatch start = new CountDownLatch(1);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runMillis);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        do {
                            calls.incrementAndGet();
                            if (!callSucceeds(url)) {
                                failures.incrementAndGet();
                            }
                            Thread.sleep(pauseMillis);
                        } while (System.nanoTime() < deadline);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "caller-" + i);
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join(runMillis + 60_000);
            }
            System.out.println("calls=" + calls + " failures=" + failures + " withBearer=" + api.requestsWithBearer()
                    + " distinctTokens=" + api.distinctTokens());
        }
    }

    private static boolean callSucceeds(URL url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            try (InputStream body = connection.getInputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }
}

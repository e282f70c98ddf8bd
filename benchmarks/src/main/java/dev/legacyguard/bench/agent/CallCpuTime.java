package dev.legacyguard.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Locale;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * The CPU time the calling thread spends per outgoing call, which is where the agent's work
 * happens. Unlike wall time it does not include waiting for the server thread to be scheduled,
 * which on a small shared machine varies far more than the agent costs. Run in JVMs with and
 * without {@code -javaagent}; prints {@code client=NAME round=N cpuNanos=C wallNanos=W} per
 * measured round, after the same number of unmeasured warm-up rounds.
 *
 * <p>Arguments: port callsPerRound rounds.
 */
public final class CallCpuTime {

    private interface Call {
        void run() throws IOException;
    }

    private CallCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LoopbackApi api = LoopbackApi.start(port, 2);
             CloseableHttpClient apache4 = HttpClients.createDefault();
             org.apache.hc.client5.http.impl.classic.CloseableHttpClient apache5 =
                     org.apache.hc.client5.http.impl.classic.HttpClients.createDefault()) {
            URL url = new URL(api.url());
            measure("httpUrlConnection", calls, rounds, threads, () -> {
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                connection.getResponseCode();
                try (InputStream body = connection.getInputStream()) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            });
            measure("apacheHttpClient4", calls, rounds, threads, () -> {
                try (CloseableHttpResponse response = apache4.execute(new HttpGet(api.url()))) {
                    EntityUtils.consume(response.getEntity());
                }
            });
            measure("apacheHttpClient5", calls, rounds, threads, () -> apache5.execute(
                    new org.apache.hc.client5.http.classic.methods.HttpGet(api.url()), response -> {
                        org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                        return null;
                    }));
            System.out.println("requests=" + api.requests() + " withBearer=" + api.requestsWithBearer());
        }
    }

    private static void measure(String client, int calls, int rounds, ThreadMXBean threads, Call call) throws IOException {
        for (int round = -rounds; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            if (round >= 0) {
                System.out.println(String.format(Locale.ROOT, "client=%s round=%d cpuNanos=%d wallNanos=%d", client, round,
                        (threads.getCurrentThreadCpuTime() - cpu) / calls, (System.nanoTime() - wall) / calls));
            }
        }
    }
}

package dev.legacyguard.bench.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 load driver, run as its own JVM: {@code connections} keep-alive connections
 * on loopback, each sending GETs back to back with the next token of a fixed pool, for a fixed
 * time per phase and at most {@code maxRequests} per connection and phase. Phases are
 * {@code open:MILLIS} or {@code api:MILLIS} and run in the order given; for each it prints
 * {@code phase=NAME millis=M ok=N errors=N rps=R serverCpuNanos=C}, C being the CPU time the
 * server process used per request during the phase (what the filter adds to a server that is
 * busy; -1 where the OS does not tell).
 *
 * <p>Arguments: port serverPid tokensFile connections maxRequests phase...
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ProcessHandle server = ProcessHandle.of(Long.parseLong(args[1])).orElseThrow(
                () -> new IllegalArgumentException("no server process " + args[1]));
        List<String> tokens = Files.readAllLines(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        long maxRequests = Long.parseLong(args[4]);
        List<Connection> pool = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            pool.add(new Connection(port, tokens, i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            for (int p = 5; p < args.length; p++) {
                String[] phase = args[p].split(":");
                String path = phase[0].equals("api") ? ThroughputServer.GUARDED_PATH : ThroughputServer.OPEN_PATH;
                long millis = Long.parseLong(phase[1]);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
                long serverCpu = cpuNanos(server);
                long started = System.nanoTime();
                List<Future<long[]>> results = new ArrayList<>();
                for (Connection connection : pool) {
                    results.add(threads.submit(() -> connection.run(path, deadline, maxRequests)));
                }
                long ok = 0;
                long errors = 0;
                for (Future<long[]> result : results) {
                    long[] counts = result.get();
                    ok += counts[0];
                    errors += counts[1];
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long serverCpuAfter = cpuNanos(server);
                long cpuPerRequest = serverCpu < 0 || serverCpuAfter < 0 || ok == 0 ? -1 : (serverCpuAfter - serverCpu) / ok;
                System.out.println(String.format(Locale.ROOT, "phase=%s millis=%d ok=%d errors=%d rps=%.1f serverCpuNanos=%d",
                        phase[0], millis, ok, errors, ok / seconds, cpuPerRequest));
            }
        } finally {
            threads.shutdownNow();
            for (Connection connection : pool) {
                connection.close();
            }
        }
    }

    /** The process's CPU time so far (Linux: from /proc, in clock ticks), or -1. */
    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** One keep-alive connection, reopened if the server closes it. */
    static final class Connection {
        private final int port;
        private final List<String> tokens;
        private int nextToken;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(int port, List<String> tokens, int offset) {
            this.port = port;
            this.tokens = tokens;
            this.nextToken = offset % tokens.size();
        }

        /** {ok, errors} until the deadline or {@code maxRequests}. */
        long[] run(String path, long deadline, long maxRequests) throws IOException {
            long ok = 0;
            long errors = 0;
            while (ok + errors < maxRequests && System.nanoTime() < deadline) {
                if (socket == null) {
                    open();
                }
                String token = tokens.get(nextToken);
                nextToken = nextToken + 1 == tokens.size() ? 0 : nextToken + 1;
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (readResponse() == 200) {
                    ok++;
                } else {
                    errors++;
                }
            }
            return new long[] {ok, errors};
        }

        private void open() throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        /** Reads one response whole and returns its status; closes the connection if the server asked to. */
        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring("content-length:".length()).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            for (long skipped = 0; skipped < length; skipped++) {
                if (in.read() < 0) {
                    throw new EOFException("the server closed the connection in the middle of a body");
                }
            }
            if (close) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}

package dev.legacyguard.agent.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that counts the TCP connections clients open to it and closes each at once:
 * what a call that fails before its request is written leaves behind.
 */
final class ConnectionCounter implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    ConnectionCounter() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "connection-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /**
     * The connections clients opened, once every one of them has been accepted: a client whose
     * JVM has ended may still have its last connection waiting in the accept queue. A marker
     * connection goes in behind them; the queue is first in, first out, so once the marker is
     * accepted (and closed at once, which its read sees), so are they.
     */
    int connections() throws IOException {
        try (Socket marker = new Socket(InetAddress.getLoopbackAddress(), socket.getLocalPort())) {
            marker.setSoTimeout(30_000);
            if (marker.getInputStream().read() != -1) {
                throw new IllegalStateException("the counter's port answered with data");
            }
        }
        return accepted.get() - 1;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                accepted.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

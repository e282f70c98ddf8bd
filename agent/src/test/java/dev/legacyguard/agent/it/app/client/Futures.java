package dev.legacyguard.agent.it.app.client;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** How a service waits for an asynchronous client's call: a failed exchange's cause is what it sees, as a callback's {@code failed} gets it. */
final class Futures {

    private Futures() {
    }

    static <T> T await(Future<T> call) throws Exception {
        try {
            return call.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception ? (Exception) failed.getCause() : failed;
        }
    }
}

package dev.legacyguard.bench.agent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for an asynchronous client's call as a service that needs the answer does. */
final class AsyncCalls {

    private AsyncCalls() {
    }

    /** The call's result; its failure as the {@code IOException} it is, or wrapped in one. */
    static <T> T await(Future<T> call) throws IOException {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the call");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
        }
    }
}

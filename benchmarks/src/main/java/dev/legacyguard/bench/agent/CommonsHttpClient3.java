package dev.legacyguard.bench.agent;

import org.apache.commons.httpclient.HttpClient;
import org.apache.commons.httpclient.MultiThreadedHttpConnectionManager;

/**
 * The commons-httpclient 3 client the agent's benchmarks call with: pooled connections, without
 * the stale check. That check (on by default in 3.x) reads each pooled connection with a 1 ms
 * timeout before reusing it: a millisecond's wait and a SocketTimeoutException per call, whose
 * CPU time varies from round to round by more than the agent costs. HttpClient 4.4+ no longer
 * checks by default, and services that tune 3.x turn it off too.
 */
final class CommonsHttpClient3 {

    private CommonsHttpClient3() {
    }

    static HttpClient create() {
        MultiThreadedHttpConnectionManager connections = new MultiThreadedHttpConnectionManager();
        connections.getParams().setStaleCheckingEnabled(false);
        return new HttpClient(connections);
    }

    static void close(HttpClient client) {
        ((MultiThreadedHttpConnectionManager) client.getHttpConnectionManager()).shutdown();
    }
}

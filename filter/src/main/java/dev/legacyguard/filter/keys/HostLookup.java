package dev.legacyguard.filter.keys;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks up the JWKS host's name with a time limit. InetAddress's lookup cannot be interrupted
 * and may last the system resolver's timeout times its attempts, tens of seconds; it runs on a
 * daemon thread of its own, the fetch stops waiting at the limit, and the lookup's result, when
 * it comes, fills the JVM's address cache that the connection reads next. At most one lookup
 * runs at a time: a fetch that finds one still running waits for that one.
 */
final class HostLookup {

    /** What resolves a name; InetAddress's resolver but in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final String host;
    private final Resolver resolver;
    private FutureTask<InetAddress[]> running;

    HostLookup(String host, Resolver resolver) {
        this.host = host;
        this.resolver = resolver;
    }

    /** Returns once {@code host} resolved within {@code limit}; throws, saying which, if not. */
    void await(Duration limit) throws JwksFetchException {
        try {
            lookup().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new JwksFetchException("host name " + host + " did not resolve within " + limit.toMillis()
                    + " ms (logto.jwks.connect-timeout); check the DNS servers of this machine");
        } catch (ExecutionException e) {
            throw new JwksFetchException("host name " + host + " could not be resolved: " + e.getCause()
                    + "; check logto.jwks-uri and the DNS servers of this machine", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JwksFetchException("interrupted while resolving host name " + host, e);
        }
    }

    private synchronized FutureTask<InetAddress[]> lookup() {
        if (running == null || running.isDone()) {
            running = new FutureTask<>(() -> resolver.resolve(host));
            Thread thread = new Thread(running, "logto-jwks-resolve");
            thread.setDaemon(true);
            thread.start();
        }
        return running;
    }
}

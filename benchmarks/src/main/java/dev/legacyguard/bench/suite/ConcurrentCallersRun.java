package dev.legacyguard.bench.suite;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.legacyguard.bench.agent.ConcurrentCallers;

/**
 * 200 callers in one agent JVM, released at once while the token endpoint answers slowly (so
 * all of them are waiting while the first token request is in flight), then calling on until
 * just before the token's refresh-ahead point: the issuer counts the token requests.
 */
final class ConcurrentCallersRun {

    /** Slow enough that every caller arrives while the first token request is still in flight. */
    static final long TOKEN_ENDPOINT_DELAY_MILLIS = 500;
    private static final Pattern SUMMARY = Pattern.compile(
            "calls=(\\d+) failures=(\\d+) withBearer=(\\d+) distinctTokens=(\\d+)");

    record Outcome(int callers, long runMillis, long calls, long failures, long withBearer, long distinctTokens,
                   long tokenRequests) implements Serializable {
    }

    private ConcurrentCallersRun() {
    }

    static Outcome measure(Profile profile, Issuer issuer, Path agentJar) {
        int port = Jvm.freePort();
        List<String> jvmArgs = issuer.agentArgs(agentJar, Issuer.HERD_API, port);
        issuer.issuer.setTokenEndpoint(true, TOKEN_ENDPOINT_DELAY_MILLIS);
        issuer.issuer.resetStats();
        try {
            List<String> lines = Jvm.runToEnd(Jvm.java(jvmArgs, Jvm.ownClasses(), ConcurrentCallers.class,
                    List.of(Integer.toString(port), Integer.toString(profile.callers()),
                            Long.toString(profile.callersRunMillis()), Long.toString(profile.callersPauseMillis()))),
                    profile.callersRunMillis() / 1000 + 120);
            long tokenRequests = issuer.issuer.tokenRequests();
            for (String line : lines) {
                Matcher m = SUMMARY.matcher(line);
                if (m.matches()) {
                    return new Outcome(profile.callers(), profile.callersRunMillis(), Long.parseLong(m.group(1)),
                            Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                            tokenRequests);
                }
            }
            throw new IllegalStateException("the concurrent callers printed no summary: " + lines);
        } finally {
            issuer.issuer.setTokenEndpoint(true, 0);
        }
    }
}

package dev.legacyguard.bench.filter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A token the service has never seen: every call takes the next of a pool of distinct tokens,
 * and the filter's cache holds only an eighth of the pool, so each call is a miss that parses,
 * checks and verifies. The floor is a bare {@link Signature} verify of the same bytes with the
 * same key, which no validator can beat.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ColdTokenBenchmark {

    /** One prepared request per pool token, taken in turn. */
    @State(Scope.Thread)
    public static class NewRequests {
        Exchange[] exchanges;
        int next;

        @Setup(Level.Trial)
        public void build(Validators validators) {
            exchanges = validators.pool.stream().map(Exchange::new).toArray(Exchange[]::new);
        }

        Exchange next() {
            Exchange exchange = exchanges[next];
            next = next + 1 == exchanges.length ? 0 : next + 1;
            return exchange;
        }

        @TearDown(Level.Iteration)
        public void check() {
            for (Exchange exchange : exchanges) {
                exchange.expectNoRefusal();
            }
        }
    }

    /** The pool's tokens taken in turn. */
    @State(Scope.Thread)
    public static class NewTokens {
        List<String> tokens;
        int next;

        @Setup(Level.Trial)
        public void build(Validators validators) {
            tokens = validators.pool;
        }

        String next() {
            String token = tokens.get(next);
            next = next + 1 == tokens.size() ? 0 : next + 1;
            return token;
        }
    }

    /**
     * The signature check alone: signing input and decoded signature prepared in advance, one
     * {@link Signature} reused. ES384 JWS signatures are raw R||S, which the JDK reads directly
     * as "SHA384withECDSAinP1363Format".
     */
    @State(Scope.Thread)
    public static class BareSignature {
        Signature signature;
        Validators validators;
        byte[][] signingInputs;
        byte[][] signatures;
        int next;

        @Setup(Level.Trial)
        public void build(Validators validators) throws GeneralSecurityException {
            this.validators = validators;
            signature = Signature.getInstance(jdkAlgorithm(validators.alg));
            int size = validators.pool.size();
            signingInputs = new byte[size][];
            signatures = new byte[size][];
            for (int i = 0; i < size; i++) {
                String token = validators.pool.get(i);
                int lastDot = token.lastIndexOf('.');
                signingInputs[i] = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
                signatures[i] = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
            }
        }

        boolean verifyNext() throws GeneralSecurityException {
            int i = next;
            next = next + 1 == signatures.length ? 0 : next + 1;
            signature.initVerify(validators.key.publicKey());
            signature.update(signingInputs[i]);
            if (!signature.verify(signatures[i])) {
                throw new IllegalStateException("a pool token's signature did not verify with the bare JDK check");
            }
            return true;
        }

        static String jdkAlgorithm(String jwsAlg) {
            switch (jwsAlg) {
                case "ES384":
                    return "SHA384withECDSAinP1363Format";
                case "RS256":
                    return "SHA256withRSA";
                default:
                    throw new IllegalArgumentException("no JDK signature algorithm for " + jwsAlg);
            }
        }
    }

    /** The filter as shipped, on a token it has not seen (cache miss, then insert). */
    @Benchmark
    public Object filterNewToken(Validators validators, NewRequests requests) throws IOException, ServletException {
        return requests.next().through(validators.missingFilter);
    }

    /** The floor: {@link Signature#verify} alone on the same bytes and key. */
    @Benchmark
    public boolean signatureVerifyFloor(BareSignature bare) throws GeneralSecurityException {
        return bare.verifyNext();
    }

    /** Spring Security's NimbusJwtDecoder on the same new tokens. */
    @Benchmark
    public Object springNimbusJwtDecoderNewToken(Validators validators, NewTokens tokens) {
        return validators.nimbus.decode(tokens.next());
    }
}

package dev.legacyguard.bench.filter;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;

import org.jose4j.jwt.consumer.InvalidJwtException;
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
 * A token the service has seen before and that is still valid, as on every request after a
 * client's first: the filter's whole {@code doFilter} up to {@code chain.doFilter}, against
 * validators that check the signature every time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WarmTokenBenchmark {

    /** The same request over and over, as one client sends it. */
    @State(Scope.Thread)
    public static class SameRequest {
        Exchange exchange;

        @Setup(Level.Trial)
        public void build(Validators validators) {
            exchange = new Exchange(validators.warmToken);
        }

        @TearDown(Level.Iteration)
        public void check() {
            exchange.expectNoRefusal();
        }
    }

    /** The filter as shipped: the token cache answers. Also sampled, for the median. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    public Object filterCached(Validators validators, SameRequest same) throws IOException, ServletException {
        return same.exchange.through(validators.cachingFilter);
    }

    /** The same filter with {@code logto.token-cache.size=0}: every request verifies the signature. */
    @Benchmark
    public Object filterReverifying(Validators validators, SameRequest same) throws IOException, ServletException {
        return same.exchange.through(validators.reverifyingFilter);
    }

    /** jose4j's JwtConsumer built once, keys from the same JWKS: the usual hand-written validator. */
    @Benchmark
    public Object jose4jJwtConsumer(Validators validators) throws InvalidJwtException {
        return validators.jose4j.processToClaims(validators.warmToken);
    }

    /** Spring Security's NimbusJwtDecoder, the validator users would pick instead; it has no token cache. */
    @Benchmark
    public Object springNimbusJwtDecoder(Validators validators) {
        return validators.nimbus.decode(validators.warmToken);
    }
}

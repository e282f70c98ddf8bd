package dev.legacyguard.bench.filter;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.legacyguard.bench.tokens.LoopbackJwks;
import dev.legacyguard.bench.tokens.SigningKey;
import dev.legacyguard.bench.tokens.TokenMint;
import dev.legacyguard.filter.token.EcdsaProvider;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.VerifierOptions;
import dev.legacyguard.filter.token.Verification;

/**
 * What a forged token costs the server: the issuer's kid, valid claims, a signature made with
 * another key, so that every check passes until the signature's. A refused token is never
 * cached, so every call is a full ECDSA verification. Measured with the JDK's SunEC and with
 * BouncyCastle's provider, each next to its floor: the provider's bare {@link Signature#verify}
 * of the same bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ForgedSignatureBenchmark {

    /** The system property naming bcprov's jar (run.sh and the POM set it). */
    public static final String BCPROV_JAR_PROPERTY = "bench.bcprov.jar";
    public static final String SUN_EC = "SunEC";
    public static final String BOUNCY_CASTLE = "BC";

    /** A verifier as the filter builds it, and forged tokens for it. */
    @State(Scope.Benchmark)
    public static class Forgeries {

        @Param({"ES384", "ES256"})
        public String alg;

        @Param({SUN_EC, BOUNCY_CASTLE})
        public String provider;

        @Param({"256"})
        public int poolSize;

        /** Null for SunEC: the JVM's default providers, as {@link Signature#getInstance(String)} picks them. */
        Provider jca;
        SigningKey key;
        /** The key as the provider's own object, as the filter keeps it (BouncyCastle caches its precomputation there). */
        PublicKey floorKey;
        TokenVerifier verifier;
        List<String> tokens;
        byte[][] signingInputs;
        byte[][] signatures;
        private LoopbackJwks jwks;

        @Setup(Level.Trial)
        public void start() throws Exception {
            key = SigningKey.generate(alg);
            SigningKey forger = SigningKey.generate(alg); // the same kid, another key
            jwks = LoopbackJwks.serve(List.of(key));
            jca = BOUNCY_CASTLE.equals(provider) ? bouncyCastle() : null;
            floorKey = jca == null ? key.publicKey() : (PublicKey) KeyFactory.getInstance("EC", jca).translateKey(key.publicKey());
            verifier = TokenVerifier.create(VerifierOptions.builder()
                    .issuer(jwks.issuer())
                    .jwksUri(jwks.jwksUri())
                    .audiences(List.of(TokenMint.AUDIENCE))
                    .algorithms(List.of(alg))
                    .ecdsaProvider(jca == null ? EcdsaProvider.jvmDefault() : EcdsaProvider.of(jca))
                    .build());
            tokens = new TokenMint(jwks.issuer(), forger).tokens(poolSize);
            signingInputs = new byte[poolSize][];
            signatures = new byte[poolSize][];
            for (int i = 0; i < poolSize; i++) {
                String token = tokens.get(i);
                int lastDot = token.lastIndexOf('.');
                signingInputs[i] = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
                signatures[i] = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
            }
            refusesOnlyTheSignature(new TokenMint(jwks.issuer(), key).token(-1));
        }

        /** A benchmark of a refusal for another reason would measure the wrong thing. */
        private void refusesOnlyTheSignature(String genuine) {
            Verification accepted = verifier.verify(genuine);
            if (!accepted.valid()) {
                throw new IllegalStateException("the verifier refuses a genuine " + alg + " token: " + accepted);
            }
            Verification forged = verifier.verify(tokens.get(0));
            if (forged.valid() || !"signature".equals(forged.failure().check())) {
                throw new IllegalStateException("a forged token must fail the signature check only: " + forged);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            verifier.close();
            jwks.close();
        }

        /** The provider's name for ECDSA on raw R||S, as JWS writes it: no DER conversion in the floor. */
        String rawSignatureAlgorithm() {
            String digest = "ES256".equals(alg) ? "SHA256" : "SHA384";
            return jca == null ? digest + "withECDSAinP1363Format" : digest + "withPLAIN-ECDSA";
        }
    }

    /** Where this thread is in the pool, and its own {@link Signature} for the floor. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        Signature signature;

        @Setup(Level.Trial)
        public void build(Forgeries forgeries) throws GeneralSecurityException {
            signature = forgeries.jca == null ? Signature.getInstance(forgeries.rawSignatureAlgorithm())
                    : Signature.getInstance(forgeries.rawSignatureAlgorithm(), forgeries.jca);
        }

        int next(int size) {
            int i = next;
            next = next + 1 == size ? 0 : next + 1;
            return i;
        }
    }

    /** The verifier as the filter runs it, on a forged token it has not seen. */
    @Benchmark
    public Verification verifierRefusesForgedToken(Forgeries forgeries, Cursor cursor) {
        return forgeries.verifier.verify(forgeries.tokens.get(cursor.next(forgeries.poolSize)));
    }

    /** The floor: the provider's {@link Signature#verify} alone on the same bytes and key, one {@link Signature} reused. */
    @Benchmark
    public boolean signatureVerifyFloor(Forgeries forgeries, Cursor cursor) throws GeneralSecurityException {
        int i = cursor.next(forgeries.poolSize);
        cursor.signature.initVerify(forgeries.floorKey);
        cursor.signature.update(forgeries.signingInputs[i]);
        if (cursor.signature.verify(forgeries.signatures[i])) {
            throw new IllegalStateException("a forged signature verified");
        }
        return false;
    }

    /**
     * BouncyCastle's provider from bcprov's jar, by its own class loader: on the benchmarks' class
     * path the filter would pick it for every other benchmark too.
     */
    static Provider bouncyCastle() throws ReflectiveOperationException, IOException {
        String jar = System.getProperty(BCPROV_JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property " + BCPROV_JAR_PROPERTY + " = " + jar + " names no file;"
                    + " set it to bcprov-jdk18on's jar (mvn package copies it to benchmarks/target/bouncycastle/bcprov.jar)");
        }
        // Never closed: the provider's classes load lazily for as long as the trial runs.
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ForgedSignatureBenchmark.class.getClassLoader());
        return (Provider) loader.loadClass("org.bouncycastle.jce.provider.BouncyCastleProvider")
                .getConstructor().newInstance();
    }
}

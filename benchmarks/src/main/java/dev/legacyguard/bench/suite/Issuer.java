package dev.legacyguard.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.legacyguard.bench.tokens.TokenMint;
import dev.legacyguard.testissuer.TestIssuer;

/**
 * The real test issuer (oidc-provider configured like Logto) for the parts that need tokens
 * over HTTP: the throughput run's token pool, and every JVM started with the agent.
 */
final class Issuer implements AutoCloseable {

    static final String APP_ID = "bench-app";
    static final String APP_SECRET = "bench-secret";
    /** The API resource of the throughput run and of the agent's per-call benchmark. */
    static final String API = TokenMint.AUDIENCE;
    /** A resource whose tokens live briefly, for the concurrent callers. */
    static final String HERD_API = "https://herd.bench.example";

    final TestIssuer issuer;

    Issuer() {
        issuer = TestIssuer.builder()
                .resource(API, 3600, TokenMint.SCOPE)
                .resource(HERD_API, Profile.HERD_TOKEN_TTL_SECONDS, TokenMint.SCOPE)
                .app(APP_ID, APP_SECRET, API, TokenMint.SCOPE)
                .app(APP_ID, APP_SECRET, HERD_API, TokenMint.SCOPE)
                .start();
    }

    /** {@code count} distinct ES384 access tokens for {@link #API}, one per line. */
    Path tokenFile(int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(issuer.accessToken(APP_ID, APP_SECRET, API, TokenMint.SCOPE));
        }
        try {
            Path file = Files.createTempFile("bench-tokens", ".txt");
            file.toFile().deleteOnExit();
            Files.write(file, tokens);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the token pool", e);
        }
    }

    /** JVM arguments that start the agent for {@code resource}, whose API listens on loopback {@code apiPort}. */
    List<String> agentArgs(Path agentJar, String resource, int apiPort) {
        return List.of("-javaagent:" + agentJar,
                "-Dlogto.endpoint=" + issuer.endpoint(),
                "-Dlogto.app-id=" + APP_ID,
                "-Dlogto.app-secret=" + APP_SECRET,
                "-Dlogto.resource.bench.indicator=" + resource,
                "-Dlogto.resource.bench.urls=http://127.0.0.1:" + apiPort + "/api/",
                "-Dlogto.resource.bench.scopes=" + TokenMint.SCOPE);
    }

    @Override
    public void close() {
        issuer.close();
    }
}

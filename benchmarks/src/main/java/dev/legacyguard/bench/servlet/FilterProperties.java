package dev.legacyguard.bench.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.legacyguard.bench.tokens.TokenMint;

/**
 * The filter's properties file for a benchmark: one issuer, one API resource, one algorithm,
 * and a rule requiring the scope the benchmark tokens carry, so every accepted request also
 * passes the scope check.
 */
public final class FilterProperties {

    public static final String PROTECTED_PATH = "/api/items";

    private final Map<String, String> values = new LinkedHashMap<>();

    public FilterProperties(String issuer, String jwksUri, String audience, String algorithm) {
        values.put("logto.issuer", issuer);
        values.put("logto.jwks-uri", jwksUri);
        values.put("logto.audience", audience);
        values.put("logto.algorithms", algorithm);
        values.put("logto.rule.1", "GET /api/** : " + TokenMint.SCOPE);
        values.put("logto.unmatched", "deny");
    }

    /** {@code logto.token-cache.size}: 0 turns the verified-token cache off. */
    public FilterProperties cacheSize(int entries) {
        values.put("logto.token-cache.size", Integer.toString(entries));
        return this;
    }

    public Path write() {
        try {
            Path file = Files.createTempFile("bench-logto", ".properties");
            file.toFile().deleteOnExit();
            StringBuilder text = new StringBuilder();
            values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the benchmark's filter configuration", e);
        }
    }
}

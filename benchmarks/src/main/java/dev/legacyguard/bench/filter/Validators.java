package dev.legacyguard.bench.filter;

import java.util.List;

import jakarta.servlet.Filter;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;

import dev.legacyguard.bench.servlet.FilterHost;
import dev.legacyguard.bench.servlet.FilterProperties;
import dev.legacyguard.bench.tokens.LoopbackJwks;
import dev.legacyguard.bench.tokens.SigningKey;
import dev.legacyguard.bench.tokens.TokenMint;

/**
 * Everything that validates the benchmark tokens, configured alike (issuer, audience, one
 * algorithm, typ at+jwt) against the same JWKS on loopback: the filter with its token cache,
 * the filter without it, the filter with a cache smaller than the token pool, a jose4j
 * JwtConsumer built once, and Spring Security's NimbusJwtDecoder.
 */
@State(Scope.Benchmark)
public class Validators {

    @Param({"ES384", "RS256"})
    public String alg;

    /** Distinct tokens for the cold benchmarks; the cold filter's cache holds an eighth of them. */
    @Param({"2048"})
    public int poolSize;

    public SigningKey key;
    public String warmToken;
    public List<String> pool;

    public Filter cachingFilter;
    public Filter reverifyingFilter;
    public Filter missingFilter;
    public JwtConsumer jose4j;
    public JwtDecoder nimbus;

    private LoopbackJwks jwks;
    private FilterHost host;

    @Setup(Level.Trial)
    public void start() throws Exception {
        key = SigningKey.generate(alg);
        jwks = LoopbackJwks.serve(List.of(key));
        String issuer = jwks.issuer();
        TokenMint mint = new TokenMint(issuer, key);
        warmToken = mint.token(-1);
        pool = mint.tokens(poolSize);

        FilterProperties config = new FilterProperties(issuer, jwks.jwksUri(), TokenMint.AUDIENCE, alg);
        host = FilterHost.start(List.of(
                config.cacheSize(10_000).write(),
                config.cacheSize(0).write(),
                config.cacheSize(Math.max(1, poolSize / 8)).write()));
        cachingFilter = host.filter(0);
        reverifyingFilter = host.filter(1);
        missingFilter = host.filter(2);

        jose4j = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(60)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(TokenMint.AUDIENCE)
                .setExpectedType(true, "at+jwt")
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwks.jwksUri())))
                .build();

        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.from(alg))
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(TokenMint.AUDIENCE))));
        nimbus = decoder;

        acceptsBenchmarkTokens();
    }

    /** A benchmark of a rejection would measure the wrong thing: every validator must accept the tokens. */
    private void acceptsBenchmarkTokens() throws InvalidJwtException {
        for (String token : List.of(warmToken, pool.get(0))) {
            jose4j.processToClaims(token);
            nimbus.decode(token);
            for (Filter filter : List.of(cachingFilter, reverifyingFilter, missingFilter)) {
                Exchange.expectPassed(filter, token);
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        host.close();
        jwks.close();
    }
}

package dev.legacyguard.filter.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.util.HashMap;
import java.util.Map;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;

/**
 * The signature, checked with the key the key check chose and only with the header's alg.
 *
 * <p>It calls jose4j's algorithm for the alg directly, on the token's own bytes, instead of
 * building a {@code JsonWebSignature}: that would split, decode and JSON-parse the header a
 * second time (ParsedToken already did, and the header, alg and key checks already ran on it),
 * which cost a cold RS256 token about as much again as the RSA verify itself. jose4j's algorithm
 * still validates the key (RSA size, EC curve) and verifies RS* and PS*; ES* signatures go to
 * {@link EcdsaSignature}, whose provider jose4j could only take by its JVM-wide registered name.
 */
final class SignatureCheck implements TokenCheck {

    /** jose4j's default: the JVM's configured providers. Never changed after construction. */
    private static final ProviderContext PROVIDERS = new ProviderContext();

    /** Only the configured algorithms, so no other alg can ever reach a verify. */
    private final Map<String, JsonWebSignatureAlgorithm> algorithms = new HashMap<>();
    private final Map<String, EcdsaSignature> ecdsa = new HashMap<>();

    SignatureCheck(Iterable<String> configured, EcdsaProvider ecdsaProvider) {
        for (String alg : configured) {
            if (AlgorithmCheck.alwaysRefused(alg)) {
                continue;
            }
            EcdsaSignature es = EcdsaSignature.forAlg(alg, ecdsaProvider);
            if (es != null) {
                ecdsa.put(alg, es);
            }
            try {
                algorithms.put(alg, AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(alg));
            } catch (InvalidAlgorithmException e) {
                algorithms.put(alg, null); // accepted by the alg check, so answered "cannot be checked" below
            }
        }
    }

    @Override
    public String name() {
        return "signature";
    }

    @Override
    public Needs needs() {
        return Needs.KEY;
    }

    @Override
    public Failure check(ParsedToken token) {
        String alg = token.alg();
        if (alg == null || !algorithms.containsKey(alg)) {
            return Failure.invalid("signature", "not checked: alg " + Quoted.of(alg) + " is not accepted");
        }
        try {
            JsonWebSignatureAlgorithm algorithm = algorithms.get(alg);
            if (algorithm == null) {
                throw new InvalidAlgorithmException(alg + " is not available in this JVM");
            }
            algorithm.validateVerificationKey(token.key.publicKey());
            if (token.signature == null) {
                throw new IllegalArgumentException("the signature is not base64url");
            }
            String compact = token.compact;
            byte[] securedInput = compact.substring(0, compact.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
            EcdsaSignature es = ecdsa.get(alg);
            boolean verified = es != null
                    ? es.verify(token.signature, (ECPublicKey) token.key.publicKey(), securedInput)
                    : algorithm.verifySignature(token.signature, token.key.publicKey(), securedInput, PROVIDERS);
            if (verified) {
                token.signatureVerified = true;
                return null;
            }
            return Failure.invalid("signature", "signature does not verify with key " + Quoted.of(token.key.kid())
                    + " (" + alg + "); the token was altered or not signed by the issuer");
        } catch (JoseException | GeneralSecurityException | RuntimeException e) {
            // jose4j's message may quote token parts, so it is not passed on.
            return Failure.invalid("signature", "signature could not be checked with key " + Quoted.of(token.key.kid())
                    + " (" + alg + "): it is malformed for this algorithm");
        }
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "verified with key " + Quoted.of(token.key.kid()) + " (" + token.alg() + ")";
    }
}

package dev.legacyguard.filter.token;

import java.util.HashMap;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** The signature, checked with the key the key check chose and only with the header's alg. */
final class SignatureCheck implements TokenCheck {

    /** One constraint per algorithm, built once: jose4j then refuses any other alg on its own too. */
    private final Map<String, AlgorithmConstraints> constraints = new HashMap<>();

    SignatureCheck(Iterable<String> algorithms) {
        for (String alg : algorithms) {
            if (AlgorithmCheck.alwaysRefused(alg)) {
                continue;
            }
            constraints.put(alg, new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg));
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
        AlgorithmConstraints permitted = alg == null ? null : constraints.get(alg);
        if (permitted == null) {
            return Failure.invalid("signature", "not checked: alg " + Quoted.of(alg) + " is not accepted");
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(permitted);
            jws.setCompactSerialization(token.compact);
            jws.setKey(token.key.publicKey());
            if (jws.verifySignature()) {
                token.signatureVerified = true;
                return null;
            }
            return Failure.invalid("signature", "signature does not verify with key " + Quoted.of(token.key.kid())
                    + " (" + alg + "); the token was altered or not signed by the issuer");
        } catch (JoseException | RuntimeException e) {
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

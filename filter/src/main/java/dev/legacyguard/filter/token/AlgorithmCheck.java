package dev.legacyguard.filter.token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Header alg in the allow-list. {@code none} and HMAC are refused whatever the list says: with a
 * public JWKS, accepting HS* would let anyone sign with the public key as the HMAC secret.
 */
final class AlgorithmCheck implements TokenCheck {

    private final Set<String> accepted;

    AlgorithmCheck(List<String> algorithms) {
        this.accepted = new LinkedHashSet<>(algorithms);
    }

    @Override
    public String name() {
        return "alg";
    }

    @Override
    public Needs needs() {
        return Needs.HEADER;
    }

    @Override
    public Failure check(ParsedToken token) {
        Object alg = token.header.get("alg");
        if (!(alg instanceof String)) {
            return Failure.invalid("alg", alg == null ? "header alg is missing" : "header alg is not a string");
        }
        String name = (String) alg;
        if ("NONE".equals(name.toUpperCase(Locale.ROOT))) {
            return Failure.invalid("alg", "alg " + Quoted.of(name) + " (an unsigned token) is always refused");
        }
        if (alwaysRefused(name)) {
            return Failure.invalid("alg", "alg " + Quoted.of(name) + " (a shared-secret HMAC) is always refused:"
                    + " tokens must be signed with one of the issuer's published asymmetric keys");
        }
        if (!accepted.contains(name)) {
            return Failure.invalid("alg", "alg " + Quoted.of(name) + " is not accepted (accepted: "
                    + String.join(", ", accepted) + "; see logto.algorithms)");
        }
        return null;
    }

    /** {@code none} and every HMAC algorithm, in any letter case. */
    static boolean alwaysRefused(String alg) {
        String upper = alg.toUpperCase(Locale.ROOT);
        return "NONE".equals(upper) || upper.startsWith("HS");
    }

    @Override
    public String passDetail(ParsedToken token) {
        return token.alg() + " is accepted";
    }
}

package dev.legacyguard.filter.token;

import java.util.Arrays;
import java.util.List;

/**
 * Refuses tokens that point at their own keys or demand extensions we do not implement.
 * Tokens carrying jku/x5u/jwk/x5c are refused outright rather than ignored: Logto never sends
 * them, so one that does is forged or comes from a misconfigured issuer, and refusing says so
 * clearly. Keys only ever come from the configured JWKS.
 */
final class HeaderCheck implements TokenCheck {

    private static final List<String> KEY_POINTERS = Arrays.asList("jku", "x5u", "jwk", "x5c");

    @Override
    public String name() {
        return "header";
    }

    @Override
    public Needs needs() {
        return Needs.HEADER;
    }

    @Override
    public Failure check(ParsedToken token) {
        for (String name : KEY_POINTERS) {
            if (token.header.containsKey(name)) {
                return Failure.invalid("header", "header parameter '" + name + "' is refused: keys are taken only"
                        + " from the issuer's JWKS, never from the token; Logto's access tokens do not carry it");
            }
        }
        if (token.header.containsKey("b64")) {
            return Failure.invalid("header", "header parameter 'b64' (unencoded payload, RFC 7797) is not supported;"
                    + " access tokens carry a base64url payload");
        }
        if (token.header.containsKey("crit")) {
            // We implement no JWS extensions, so every critical one is unknown to us (RFC 7515 4.1.11).
            return Failure.invalid("crit", "header crit " + Quoted.of(token.header.get("crit"))
                    + " names extensions this verifier does not support; Logto's access tokens carry no crit");
        }
        return null;
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "no jku, x5u, jwk, x5c, b64 or crit";
    }
}

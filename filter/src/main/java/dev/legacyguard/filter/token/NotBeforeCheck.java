package dev.legacyguard.filter.token;

import java.time.Instant;

/** Claim nbf, when present, not in the future beyond the skew. */
final class NotBeforeCheck implements TokenCheck {

    private final TimeWindow window;

    NotBeforeCheck(TimeWindow window) {
        this.window = window;
    }

    @Override
    public String name() {
        return "nbf";
    }

    @Override
    public Needs needs() {
        return Needs.CLAIMS;
    }

    @Override
    public Failure check(ParsedToken token) {
        Object nbf = token.claims.get("nbf");
        if (nbf == null) {
            return null;
        }
        Failure notADate = NumericDate.refusal("nbf", nbf);
        if (notADate != null) {
            return notADate;
        }
        return window.notBefore(NumericDate.seconds(nbf), window.nowMillis());
    }

    @Override
    public String passDetail(ParsedToken token) {
        Object nbf = token.claims.get("nbf");
        return nbf == null ? "no nbf claim" : "valid since " + Instant.ofEpochSecond(NumericDate.seconds(nbf));
    }
}

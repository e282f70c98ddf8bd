package dev.legacyguard.filter.token;

/** A compact JWS: three base64url parts whose header and payload are JSON objects. */
final class FormatCheck implements TokenCheck {

    @Override
    public String name() {
        return "format";
    }

    @Override
    public Needs needs() {
        return Needs.NOTHING;
    }

    @Override
    public Failure check(ParsedToken token) {
        return token.formatProblem == null ? null : Failure.invalid("format", token.formatProblem);
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "a signed JWT (JWS compact serialization, 3 parts)";
    }
}

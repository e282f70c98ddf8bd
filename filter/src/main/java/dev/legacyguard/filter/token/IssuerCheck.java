package dev.legacyguard.filter.token;

import java.util.List;

/** Claim iss equals one of the configured issuers exactly (the tenant's domain, a custom domain). */
final class IssuerCheck implements TokenCheck {

    private final List<String> issuers;
    private final String expected;

    IssuerCheck(List<String> issuers) {
        this.issuers = issuers;
        this.expected = issuers.size() == 1 ? "expected " + issuers.get(0) : "expected one of " + String.join(", ", issuers);
    }

    @Override
    public String name() {
        return "iss";
    }

    @Override
    public Needs needs() {
        return Needs.CLAIMS;
    }

    @Override
    public Failure check(ParsedToken token) {
        Object iss = token.claims.get("iss");
        if (iss == null) {
            return Failure.invalid("iss", "claim iss is missing (" + expected + ")");
        }
        if (!issuers.contains(iss)) {
            return Failure.invalid("iss", "issuer " + Quoted.of(iss) + " not accepted (" + expected
                    + "; see logto.issuer / logto.endpoint)");
        }
        return null;
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "issuer " + token.claims.get("iss");
    }
}

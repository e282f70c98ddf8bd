package dev.legacyguard.filter.token;

/** Claim iss equals the configured issuer exactly. */
final class IssuerCheck implements TokenCheck {

    private final String issuer;

    IssuerCheck(String issuer) {
        this.issuer = issuer;
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
            return Failure.invalid("iss", "claim iss is missing (expected " + issuer + ")");
        }
        if (!issuer.equals(iss)) {
            return Failure.invalid("iss", "issuer " + Quoted.of(iss) + " not accepted (expected " + issuer
                    + "; see logto.issuer / logto.endpoint)");
        }
        return null;
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "issuer " + issuer;
    }
}

package dev.legacyguard.filter.token;

/** Header typ at+jwt (RFC 9068), so ID tokens and other JWTs from the same issuer are refused. */
final class TypCheck implements TokenCheck {

    private final boolean required;
    private final String resource;

    TypCheck(boolean required, String resource) {
        this.required = required;
        this.resource = resource;
    }

    @Override
    public String name() {
        return "typ";
    }

    @Override
    public Needs needs() {
        return Needs.HEADER;
    }

    @Override
    public Failure check(ParsedToken token) {
        if (!required) {
            return null;
        }
        Object typ = token.header.get("typ");
        if (typ == null) {
            return Failure.invalid("typ", "header typ is missing; an access token has typ at+jwt"
                    + " (request an access token with resource=" + resource + ")");
        }
        if (!(typ instanceof String) || !isAccessTokenType((String) typ)) {
            return Failure.invalid("typ", "header typ " + Quoted.of(typ) + " is not at+jwt: this is not an access"
                    + " token (an ID token has typ JWT); request an access token with resource=" + resource);
        }
        return null;
    }

    @Override
    public String passDetail(ParsedToken token) {
        return required ? "typ " + Quoted.of(token.header.get("typ")) : "not required (require-typ is off)";
    }

    private static boolean isAccessTokenType(String typ) {
        return "at+jwt".equalsIgnoreCase(typ) || "application/at+jwt".equalsIgnoreCase(typ);
    }
}

package dev.legacyguard.filter.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Claim aud (a string or an array of strings) contains at least one accepted resource indicator;
 * or, when organization tokens are accepted, it is one organization token audience
 * ({@code urn:logto:organization:<id>}), which only paths bound to an organization accept later.
 */
final class AudienceCheck implements TokenCheck {

    private final Set<String> accepted;
    private final boolean acceptOrganizationTokens;

    AudienceCheck(List<String> audiences, boolean acceptOrganizationTokens) {
        this.accepted = new LinkedHashSet<>(audiences);
        this.acceptOrganizationTokens = acceptOrganizationTokens;
    }

    @Override
    public String name() {
        return "aud";
    }

    @Override
    public Needs needs() {
        return Needs.CLAIMS;
    }

    @Override
    public Failure check(ParsedToken token) {
        Object aud = token.claims.get("aud");
        if (aud == null) {
            return Failure.invalid("aud", "claim aud is missing (accepted: " + String.join(", ", accepted) + ")");
        }
        List<String> audiences = audiences(aud);
        if (audiences == null) {
            return Failure.invalid("aud", "claim aud is neither a string nor an array of strings");
        }
        for (String a : audiences) {
            if (accepted.contains(a)) {
                return null;
            }
        }
        String organization = AccessToken.organizationOf(audiences);
        if (organization != null) {
            return organizationToken(token, organization);
        }
        StringBuilder found = new StringBuilder();
        for (String a : audiences) {
            found.append(found.length() == 0 ? "" : ", ").append(Quoted.of(a));
        }
        return Failure.invalid("aud", (audiences.size() == 1 ? "audience " : "audiences ") + found
                + " not accepted (accepted: " + String.join(", ", accepted)
                + "); request the token with resource=" + accepted.iterator().next());
    }

    private Failure organizationToken(ParsedToken token, String organization) {
        if (!acceptOrganizationTokens) {
            return Failure.invalid("aud", "audience " + Quoted.of(AccessToken.ORGANIZATION_AUDIENCE_PREFIX + organization)
                    + " is an organization token, not accepted (accepted: " + String.join(", ", accepted)
                    + "); request the token with resource=" + accepted.iterator().next()
                    + ", or set logto.organization-tokens=accept for paths bound to an organization");
        }
        Object claimed = token.claims.get("organization_id");
        if (claimed != null && !organization.equals(claimed)) {
            return Failure.invalid("aud", "the organization token's audience names organization " + Quoted.of(organization)
                    + " but its organization_id is " + Quoted.of(claimed));
        }
        return null;
    }

    @Override
    public String passDetail(ParsedToken token) {
        List<String> audiences = audiences(token.claims.get("aud"));
        String organization = Collections.disjoint(audiences, accepted) ? AccessToken.organizationOf(audiences) : null;
        return "audience " + audiences + (organization == null ? " is accepted"
                : " is an organization token for " + Quoted.of(organization)
                + ", accepted on paths bound to an organization (logto.organization-tokens=accept)");
    }

    /** @return the audiences, or null when aud has the wrong shape */
    static List<String> audiences(Object aud) {
        if (aud instanceof String) {
            return Collections.singletonList((String) aud);
        }
        if (!(aud instanceof List)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) aud) {
            if (!(o instanceof String)) {
                return null;
            }
            out.add((String) o);
        }
        return out;
    }
}

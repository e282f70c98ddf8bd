package dev.legacyguard.filter.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Claim aud (a string or an array of strings) contains at least one accepted resource indicator. */
final class AudienceCheck implements TokenCheck {

    private final Set<String> accepted;

    AudienceCheck(List<String> audiences) {
        this.accepted = new LinkedHashSet<>(audiences);
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
        StringBuilder found = new StringBuilder();
        for (String a : audiences) {
            found.append(found.length() == 0 ? "" : ", ").append(Quoted.of(a));
        }
        return Failure.invalid("aud", (audiences.size() == 1 ? "audience " : "audiences ") + found
                + " not accepted (accepted: " + String.join(", ", accepted)
                + "); request the token with resource=" + accepted.iterator().next());
    }

    @Override
    public String passDetail(ParsedToken token) {
        return "audience " + audiences(token.claims.get("aud")) + " is accepted";
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

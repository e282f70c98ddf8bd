package dev.legacyguard.filter.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a request must bring: nothing (public), a valid token (authenticated), a valid token
 * with every listed scope, or nothing will do (deny). Built once per rule at start-up; a rule
 * whose path names an organization yields, per request, a copy that also requires the token to
 * be for that {@link #organization()}.
 */
public final class Requirement {
    public enum Kind { PUBLIC, AUTHENTICATED, SCOPES, DENY }

    private final Kind kind;
    private final String[] scopes;
    private final String scopeList;
    private final String origin;
    private final String organization;

    private Requirement(Kind kind, String[] scopes, String scopeList, String origin, String organization) {
        this.kind = kind;
        this.scopes = scopes;
        this.scopeList = scopeList;
        this.origin = origin;
        this.organization = organization;
    }

    private Requirement(Kind kind, String[] scopes, String origin) {
        this(kind, scopes, String.join(" ", scopes), origin, null);
    }

    public static Requirement scopes(List<String> scopes, String origin) {
        return new Requirement(Kind.SCOPES, scopes.toArray(new String[0]), origin);
    }

    public static Requirement of(Kind kind, String origin) {
        if (kind == Kind.SCOPES) {
            throw new IllegalArgumentException("a scope requirement needs its scopes");
        }
        return new Requirement(kind, new String[0], origin);
    }

    /** This requirement, and a token for {@code organizationId} (a segment of the request's path). */
    Requirement inOrganization(String organizationId) {
        return new Requirement(kind, scopes, scopeList, origin, organizationId);
    }

    static Requirement unmatched(UnmatchedPolicy policy) {
        Kind kind = policy == UnmatchedPolicy.PUBLIC ? Kind.PUBLIC
                : policy == UnmatchedPolicy.DENY ? Kind.DENY : Kind.AUTHENTICATED;
        return of(kind, "logto.unmatched=" + policy.word());
    }

    /**
     * What a request must bring when each of {@code requirements} applies to it at once (its own
     * method's and those of its method overrides, named by {@code methods} in the same order):
     * denied if any is denied, public only if all are public, otherwise every scope any of them
     * needs, in the one organization any of them names. A single distinct requirement is returned
     * as it is, so its answers name its rule. Rules that name different organizations for the same
     * path deny it: no token is for two organizations.
     */
    static Requirement allOf(List<String> methods, List<Requirement> requirements) {
        Requirement strictest = requirements.get(0);
        boolean distinct = false;
        for (Requirement requirement : requirements) {
            if (requirement.isDenied()) {
                return requirement;
            }
            if (strictest.isPublic()) {
                strictest = requirement;
            } else if (!requirement.isPublic() && !requirement.sameAs(strictest)) {
                distinct = true;
            }
        }
        if (!distinct) {
            return strictest;
        }
        Set<String> scopes = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        StringBuilder origin = new StringBuilder();
        for (int i = 0; i < requirements.size(); i++) {
            Requirement requirement = requirements.get(i);
            Collections.addAll(scopes, requirement.scopes);
            if (requirement.organization != null) {
                organizations.add(requirement.organization);
            }
            origin.append(i == 0 ? "" : i == requirements.size() - 1 ? " and " : ", ")
                    .append(requirement.origin).append(" for ").append(methods.get(i));
        }
        if (organizations.size() > 1) {
            return of(Kind.DENY, origin + ", which name different organizations " + organizations);
        }
        Requirement combined = scopes.isEmpty() ? of(Kind.AUTHENTICATED, origin.toString())
                : scopes(new ArrayList<>(scopes), origin.toString());
        return organizations.isEmpty() ? combined : combined.inOrganization(organizations.iterator().next());
    }

    /** The same rule for the same organization: a rule's per-request copies are distinct objects. */
    private boolean sameAs(Requirement other) {
        return this == other || (origin.equals(other.origin) && Objects.equals(organization, other.organization));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPublic() {
        return kind == Kind.PUBLIC;
    }

    public boolean isDenied() {
        return kind == Kind.DENY;
    }

    /**
     * The organization the token must be for ({@code organization_id}, or the {@code aud} of an
     * organization token), as the request's path names it; null when the rule binds none.
     */
    public String organization() {
        return organization;
    }

    /** The required scopes in the order the rule lists them. */
    public List<String> scopes() {
        return Collections.unmodifiableList(Arrays.asList(scopes));
    }

    /** The required scopes, space separated, as the {@code scope} attribute of a 403 challenge wants them. */
    public String scopeList() {
        return scopeList;
    }

    /** Which setting asked for this, e.g. {@code logto.rule.20}, for logs and the explain command. */
    public String origin() {
        return origin;
    }

    /** True when {@code granted} holds every required scope; allocates nothing. */
    public boolean satisfiedBy(Collection<String> granted) {
        for (String scope : scopes) {
            if (!granted.contains(scope)) {
                return false;
            }
        }
        return true;
    }

    /** The required scopes that {@code granted} lacks, for the 403's description. */
    public List<String> missingFrom(Collection<String> granted) {
        List<String> missing = new ArrayList<>();
        for (String scope : scopes) {
            if (!granted.contains(scope)) {
                missing.add(scope);
            }
        }
        return missing;
    }

    @Override
    public String toString() {
        return (kind == Kind.SCOPES ? "scopes [" + scopeList + "]" : kind.name().toLowerCase(Locale.ROOT))
                + (organization == null ? "" : " in organization " + organization) + " (" + origin + ")";
    }
}

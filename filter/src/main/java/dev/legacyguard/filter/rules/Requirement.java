package dev.legacyguard.filter.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a request must bring: nothing (public), a valid token (authenticated), a valid token
 * with every listed scope, or nothing will do (deny). Built once per rule at start-up.
 */
public final class Requirement {
    public enum Kind { PUBLIC, AUTHENTICATED, SCOPES, DENY }

    private final Kind kind;
    private final String[] scopes;
    private final String scopeList;
    private final String origin;

    private Requirement(Kind kind, String[] scopes, String origin) {
        this.kind = kind;
        this.scopes = scopes;
        this.scopeList = String.join(" ", scopes);
        this.origin = origin;
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

    static Requirement unmatched(UnmatchedPolicy policy) {
        Kind kind = policy == UnmatchedPolicy.PUBLIC ? Kind.PUBLIC
                : policy == UnmatchedPolicy.DENY ? Kind.DENY : Kind.AUTHENTICATED;
        return of(kind, "logto.unmatched=" + policy.word());
    }

    /**
     * What a request must bring when each of {@code requirements} applies to it at once (its own
     * method's and those of its method overrides, named by {@code methods} in the same order):
     * denied if any is denied, public only if all are public, otherwise every scope any of them
     * needs. A single distinct requirement is returned as it is, so its answers name its rule.
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
            } else if (!requirement.isPublic() && requirement != strictest) {
                distinct = true;
            }
        }
        if (!distinct) {
            return strictest;
        }
        Set<String> scopes = new LinkedHashSet<>();
        StringBuilder origin = new StringBuilder();
        for (int i = 0; i < requirements.size(); i++) {
            Requirement requirement = requirements.get(i);
            Collections.addAll(scopes, requirement.scopes);
            origin.append(i == 0 ? "" : i == requirements.size() - 1 ? " and " : ", ")
                    .append(requirement.origin).append(" for ").append(methods.get(i));
        }
        return scopes.isEmpty() ? of(Kind.AUTHENTICATED, origin.toString())
                : scopes(new ArrayList<>(scopes), origin.toString());
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
        return kind == Kind.SCOPES ? "scopes [" + scopeList + "] (" + origin + ")" : kind.name().toLowerCase(Locale.ROOT) + " (" + origin + ")";
    }
}

package dev.legacyguard.filter.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ordered rules plus the policy for requests none of them matches; first match wins. */
public final class AccessRules {
    private final AccessRule[] rules;
    private final Requirement unmatched;
    private final Set<String> scopes;

    /** @param rules in the order they are tried (ascending N) */
    public AccessRules(List<AccessRule> rules, UnmatchedPolicy unmatched) {
        this.rules = rules.toArray(new AccessRule[0]);
        this.unmatched = Requirement.unmatched(unmatched);
        Set<String> all = new TreeSet<>();
        for (AccessRule rule : rules) {
            all.addAll(rule.scopes());
        }
        this.scopes = Collections.unmodifiableSet(all);
    }

    /** @param normalizedPath from {@link RequestPath} */
    public Requirement requirementFor(String method, String normalizedPath) {
        for (AccessRule rule : rules) {
            if (rule.matches(method, normalizedPath)) {
                return rule.requirementFor(normalizedPath);
            }
        }
        return unmatched;
    }

    /**
     * What a request must bring when frameworks may run it as any of {@code overrides} (from
     * {@code MethodOverride}) instead of {@code method}: every one of their requirements at once.
     * Without overrides (null, the usual case) this allocates nothing.
     */
    public Requirement requirementFor(String method, List<String> overrides, String normalizedPath) {
        Requirement own = requirementFor(method, normalizedPath);
        if (overrides == null) {
            return own;
        }
        List<String> methods = new ArrayList<>(overrides.size() + 1);
        List<Requirement> requirements = new ArrayList<>(overrides.size() + 1);
        methods.add(method);
        requirements.add(own);
        for (String override : overrides) {
            methods.add(override);
            requirements.add(requirementFor(override, normalizedPath));
        }
        return Requirement.allOf(methods, requirements);
    }

    /** What applies when no rule matches ({@code logto.unmatched}). */
    public Requirement unmatched() {
        return unmatched;
    }

    /** Whether some rule binds its path to an organization ({@code {organization}}). */
    public boolean bindOrganizations() {
        for (AccessRule rule : rules) {
            if (rule.bindsOrganization()) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return rules.length;
    }

    /** Every scope some rule requires, sorted: the metadata document's {@code scopes_supported}. */
    public Set<String> scopes() {
        return scopes;
    }
}

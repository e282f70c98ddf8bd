package dev.legacyguard.filter.rules;

import java.util.Locale;

/** What {@code logto.unmatched} asks for requests that no rule matches. */
public enum UnmatchedPolicy {
    /** A valid token is enough, whatever its scopes. */
    AUTHENTICATED,
    /** Always 403. */
    DENY,
    /** No token needed. */
    PUBLIC;

    /** The word as written in the configuration, or null when it is none of the three. */
    public static UnmatchedPolicy parse(String word) {
        for (UnmatchedPolicy policy : values()) {
            if (policy.word().equalsIgnoreCase(word)) {
                return policy;
            }
        }
        return null;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.legacyguard.devissuer.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.legacyguard.devissuer.token.AccessTokenMinter;

/**
 * Logto's rule for every grant: the requested scopes the roles hold are granted in the order
 * asked, the others are dropped without an error.
 */
final class ScopedTokens {

    private final AccessTokenMinter minter;

    ScopedTokens(AccessTokenMinter minter) {
        this.minter = minter;
    }

    /** The scopes the {@code scope} parameter asks for, without repeats. */
    static Set<String> requested(FormParameters form) throws OidcError {
        Set<String> requested = new LinkedHashSet<>();
        String scope = form.single("scope");
        if (scope != null) {
            requested.addAll(Arrays.asList(scope.trim().split("\\s+")));
        }
        requested.remove("");
        return requested;
    }

    /** @param organizationId the claim {@code organization_id}, or null for none */
    Issued issue(String subject, String appId, String audience, String organizationId, Set<String> requested,
            Set<String> held, long ttlSeconds) {
        List<String> granted = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String s : requested) {
            (held.contains(s) ? granted : dropped).add(s);
        }
        String token = minter.mint(subject, appId, audience, organizationId, granted, ttlSeconds);
        return new Issued(subject, appId, token, ttlSeconds, granted, dropped, audience);
    }
}

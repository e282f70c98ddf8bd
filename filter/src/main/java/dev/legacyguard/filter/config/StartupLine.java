package dev.legacyguard.filter.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.legacyguard.core.config.Key;
import dev.legacyguard.core.config.Setting;
import dev.legacyguard.filter.log.DurationText;
import dev.legacyguard.filter.token.VerifierOptions;

/**
 * What the start-up line says: each security setting's value and where it came from ({@code file},
 * {@code init-param}, {@code system property}, {@code environment} or {@code default}), so that an
 * administrator sees at a glance which of them the JVM, rather than the web app, decided.
 */
public final class StartupLine {
    private static final String DEFAULT = "default";

    private StartupLine() {
    }

    /** E.g. {@code issuer https://t.logto.app/oidc (logto.endpoint, file) (or issuers [a, b]), …, 4 rules (file), unmatched requests deny (environment), …}. */
    public static String of(FilterSettings settings) {
        VerifierOptions options = settings.verifierOptions();
        List<String> issuers = options.issuers();
        return (issuers.size() == 1 ? "issuer " + issuers.get(0) : "issuers " + issuers)
                + " (" + derived(settings, ConfigKeys.ISSUER) + ")"
                + ", keys " + (options.jwksUris().size() == 1 ? options.jwksUri() : options.jwksUris().toString())
                + " (" + derived(settings, ConfigKeys.JWKS_URI) + ")"
                + ", audiences " + options.audiences() + " (" + origin(settings, ConfigKeys.AUDIENCE) + ")"
                + ", " + settings.rules().size() + " rules" + rules(settings)
                + ", unmatched requests " + settings.rules().unmatched().kind().name().toLowerCase(Locale.ROOT)
                + " (" + origin(settings, ConfigKeys.UNMATCHED) + ")"
                + ", algorithms " + options.algorithms() + " (" + origin(settings, ConfigKeys.ALGORITHMS) + ")"
                + ", clock skew " + DurationText.compact(options.clockSkew())
                + " (" + origin(settings, ConfigKeys.CLOCK_SKEW) + ")"
                + ", typ " + (options.requireTyp() ? "at+jwt required" : "not checked")
                + " (" + origin(settings, ConfigKeys.REQUIRE_TYP) + ")"
                + ", CORS preflights " + (settings.passCorsPreflights() ? "passed" : "judged")
                + " (" + origin(settings, ConfigKeys.CORS_PREFLIGHT) + ")"
                + ", organization tokens " + (options.acceptOrganizationTokens() ? "accepted on organization paths" : "refused")
                + " (" + origin(settings, ConfigKeys.ORGANIZATION_TOKENS) + ")";
    }

    private static String origin(FilterSettings settings, Key<?> key) {
        Setting setting = settings.source(key.name());
        return setting == null ? DEFAULT : setting.kind().label();
    }

    /** Issuer and keys come from their own key, or else from {@code logto.endpoint}. */
    private static String derived(FilterSettings settings, Key<?> key) {
        Setting own = settings.source(key.name());
        if (own != null) {
            return own.kind().label();
        }
        return ConfigKeys.ENDPOINT.name() + ", " + origin(settings, ConfigKeys.ENDPOINT);
    }

    /** {@code (file)} when all rules come from one source, else each source with its rule numbers. */
    private static String rules(FilterSettings settings) {
        Map<String, List<String>> numbersBySource = new LinkedHashMap<>();
        for (Setting rule : settings.ruleSources()) {
            List<String> numbers = numbersBySource.get(rule.kind().label());
            if (numbers == null) {
                numbers = new ArrayList<>();
                numbersBySource.put(rule.kind().label(), numbers);
            }
            numbers.add(rule.key().substring(ConfigKeys.RULE_PREFIX.length()));
        }
        if (numbersBySource.isEmpty()) {
            return "";
        }
        if (numbersBySource.size() == 1) {
            return " (" + numbersBySource.keySet().iterator().next() + ")";
        }
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : numbersBySource.entrySet()) {
            groups.add(group.getKey() + " " + String.join(", ", group.getValue()));
        }
        return " (" + String.join("; ", groups) + ")";
    }
}

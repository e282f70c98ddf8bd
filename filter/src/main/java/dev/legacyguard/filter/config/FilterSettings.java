package dev.legacyguard.filter.config;

import java.util.List;

import dev.legacyguard.filter.decision.PreflightPolicy;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.token.VerifierOptions;

/** Every setting of the filter, validated and typed; immutable. Built by {@link SettingsLoader}. */
public final class FilterSettings {
    private final VerifierOptions verifierOptions;
    private final AccessRules rules;
    private final String realm;
    private final boolean resourceMetadata;
    private final PreflightPolicy corsPreflight;
    private final List<String> warnings;

    FilterSettings(VerifierOptions verifierOptions, AccessRules rules, String realm, boolean resourceMetadata,
                   PreflightPolicy corsPreflight, List<String> warnings) {
        this.verifierOptions = verifierOptions;
        this.rules = rules;
        this.realm = realm;
        this.resourceMetadata = resourceMetadata;
        this.corsPreflight = corsPreflight;
        this.warnings = warnings;
    }

    /** Issuer, JWKS, audiences, algorithms, skew, typ, key and cache settings: what the verifier is built from. */
    public VerifierOptions verifierOptions() {
        return verifierOptions;
    }

    public AccessRules rules() {
        return rules;
    }

    /** The realm of every challenge; the first audience unless {@code logto.realm} says otherwise. */
    public String realm() {
        return realm;
    }

    /** Whether the filter serves {@code /.well-known/oauth-protected-resource}. */
    public boolean resourceMetadata() {
        return resourceMetadata;
    }

    /** Whether CORS preflights are judged like any request or passed on before the rules ({@code logto.cors.preflight}). */
    public PreflightPolicy corsPreflight() {
        return corsPreflight;
    }

    /** Things worth a WARN at start-up (unknown keys, plain-http key URLs); the settings are usable. */
    public List<String> warnings() {
        return warnings;
    }
}

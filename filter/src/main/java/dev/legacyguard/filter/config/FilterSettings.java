package dev.legacyguard.filter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.legacyguard.core.config.Setting;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.token.VerifierOptions;

/** Every setting of the filter, validated and typed; immutable. Built by {@link SettingsLoader}. */
public final class FilterSettings {
    private final VerifierOptions verifierOptions;
    private final AccessRules rules;
    private final String realm;
    private final boolean resourceMetadata;
    private final boolean passCorsPreflights;
    private final List<String> warnings;
    private final Map<String, Setting> sources;

    FilterSettings(VerifierOptions verifierOptions, AccessRules rules, String realm, boolean resourceMetadata,
                   boolean passCorsPreflights, List<String> warnings, Map<String, Setting> sources) {
        this.verifierOptions = verifierOptions;
        this.rules = rules;
        this.realm = realm;
        this.resourceMetadata = resourceMetadata;
        this.passCorsPreflights = passCorsPreflights;
        this.warnings = warnings;
        this.sources = sources;
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

    /** Whether CORS preflights go to the application before the rules ({@code logto.cors.preflight=pass}) instead of being judged. */
    public boolean passCorsPreflights() {
        return passCorsPreflights;
    }

    /** The configured value of {@code key} (also {@code logto.rule.N}) with where it came from, or null when the default applies. */
    Setting source(String key) {
        return sources.get(key);
    }

    /** The rules' settings, in ascending N. */
    List<Setting> ruleSources() {
        List<Setting> rules = new ArrayList<>();
        for (Setting setting : sources.values()) {
            if (setting.key().startsWith(ConfigKeys.RULE_PREFIX)) {
                rules.add(setting);
            }
        }
        return rules;
    }

    /** Things worth a WARN at start-up (unknown keys, plain-http key URLs); the settings are usable. */
    public List<String> warnings() {
        return warnings;
    }
}

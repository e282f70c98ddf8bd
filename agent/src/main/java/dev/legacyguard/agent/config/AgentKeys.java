package dev.legacyguard.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Key;
import dev.legacyguard.core.config.KeySuggestion;
import dev.legacyguard.core.config.Setting;

/**
 * The keys the agent understands, each declared once with its type, default and description;
 * the unknown-key warnings and the docs check derive from these lists. Keys whose value needs
 * more than a type (URLs, IDs, scopes) are declared as text and checked by {@link AgentSettingsValidator}.
 */
final class AgentKeys {

    /**
     * A value read as it is. This and the other parsers here are classes, not lambdas: the
     * agent's start-up would spin the JDK's lambda machinery for them (~3 ms). Declared first:
     * the keys below take it as they are initialised.
     */
    private static final Key.Parser<String> AS_IT_IS = new Key.Parser<String>() {
        @Override
        public String parse(Setting setting) {
            return setting.value();
        }
    };

    static final Key<String> ENDPOINT = text("logto.endpoint",
            "Logto tenant endpoint; tokens are requested at it plus /oidc/token");
    static final Key<String> TOKEN_ENDPOINT = text("logto.token-endpoint",
            "where tokens are requested, when not at the endpoint plus /oidc/token");
    static final Key<String> APP_ID = text("logto.app-id", "App ID of the machine-to-machine app");
    static final Key<String> APP_SECRET = text("logto.app-secret",
            "App Secret of the machine-to-machine app, best set as an environment variable");
    static final Key<OnTokenFailure> ON_TOKEN_FAILURE = Key.of("logto.on-token-failure", OnTokenFailure.FAIL, null, null,
            "when no token can be had: fail the call, or send-without a token", new Key.Parser<OnTokenFailure>() {
                @Override
                public OnTokenFailure parse(Setting setting) throws ConfigException {
                    OnTokenFailure mode = OnTokenFailure.fromConfig(setting.value());
                    if (mode == null) {
                        throw invalid(setting, "is not a known mode; expected fail or send-without");
                    }
                    return mode;
                }
            });
    static final Key<Boolean> FAIL_FAST = yesOrNo("logto.fail-fast", false,
            "exit the service on a bad configuration instead of running it without tokens", "true", "false",
            "is neither true nor false; expected true or false");

    /** Every key not under {@code logto.resource.NAME.}. */
    static final List<Key<?>> ALL = Collections.unmodifiableList(Arrays.<Key<?>>asList(
            ENDPOINT, TOKEN_ENDPOINT, APP_ID, APP_SECRET, ON_TOKEN_FAILURE, FAIL_FAST));

    static final Key<String> INDICATOR = text("indicator", "the API resource's indicator (API Identifier)");
    static final Key<String> ORGANIZATION_ID = text("organization-id",
            "the organization whose token is requested for this resource");
    static final Key<String> URLS = text("urls", "comma-separated URL prefixes whose requests get this resource's token");
    static final Key<String> SCOPES = text("scopes", "space-separated scopes to request");
    static final Key<Boolean> VIA_PROXY = yesOrNo("via-proxy", false,
            "whether plain-http requests through a forward proxy get the token: allow or deny", "allow", "deny",
            "is neither allow nor deny; expected deny (the default: a plain-http request through a forward proxy goes"
                    + " without the token, which the proxy would see) or allow");

    /** The attributes of each {@code logto.resource.NAME.}; their names are the part after NAME. */
    static final List<Key<?>> RESOURCE = Collections.unmodifiableList(Arrays.<Key<?>>asList(
            INDICATOR, ORGANIZATION_ID, URLS, SCOPES, VIA_PROXY));

    /** The names of {@link #ALL}. */
    static final List<String> KEYS = Collections.unmodifiableList(names(ALL));
    /** The names of {@link #RESOURCE}. */
    static final Set<String> RESOURCE_ATTRIBUTES = Collections.unmodifiableSet(new LinkedHashSet<>(names(RESOURCE)));

    private AgentKeys() {
    }

    /** A value read as it is: its checks are the validator's. */
    private static Key<String> text(String name, String description) {
        return Key.of(name, null, null, null, description, AS_IT_IS);
    }


    /** A switch written as one of two exact words. */
    private static Key<Boolean> yesOrNo(String name, boolean defaultValue, String description, String yes, String no,
            String expectation) {
        return Key.of(name, defaultValue, null, null, description, new Key.Parser<Boolean>() {
            @Override
            public Boolean parse(Setting setting) throws ConfigException {
                if (setting.value().equals(yes)) {
                    return true;
                }
                if (setting.value().equals(no)) {
                    return false;
                }
                throw invalid(setting, expectation);
            }
        });
    }

    private static List<String> names(List<Key<?>> keys) {
        List<String> names = new ArrayList<>();
        for (Key<?> key : keys) {
            names.add(key.name());
        }
        return names;
    }

    /** The agent's wording of a bad value: key, value (user info masked), source, what is wrong and expected. */
    static String describeInvalid(Setting setting, String expectation) {
        return setting.key() + " = '" + UserInfoMask.mask(setting.value()) + "' (" + setting.source() + ") " + expectation;
    }

    private static ConfigException invalid(Setting setting, String expectation) {
        return new ConfigException(describeInvalid(setting, expectation));
    }

    /**
     * What a warning about an unknown key adds: the known key it is a plausible typo of (for a
     * resource's, under the same NAME), or else the list of keys.
     */
    static String hint(String unknown) {
        String nearest = KeySuggestion.nearest(unknown, candidatesFor(unknown));
        return nearest != null ? "did you mean " + nearest + "?" : "known keys are " + String.join(", ", KEYS)
                + " and logto.resource.NAME." + String.join("|", RESOURCE_ATTRIBUTES);
    }

    private static Set<String> candidatesFor(String key) {
        Set<String> candidates = new HashSet<>(KEYS);
        if (key.startsWith(ConfigSources.RESOURCE_PREFIX)) {
            int dot = key.lastIndexOf('.');
            String name = dot > ConfigSources.RESOURCE_PREFIX.length()
                    ? key.substring(ConfigSources.RESOURCE_PREFIX.length(), dot) : "NAME";
            for (String attribute : RESOURCE_ATTRIBUTES) {
                candidates.add(ConfigSources.RESOURCE_PREFIX + name + "." + attribute);
            }
        }
        return candidates;
    }
}

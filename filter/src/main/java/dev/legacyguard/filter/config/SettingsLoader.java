package dev.legacyguard.filter.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Key;
import dev.legacyguard.core.config.Setting;
import dev.legacyguard.core.net.LoopbackHost;
import dev.legacyguard.filter.rules.AccessRule;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.rules.UnmatchedPolicy;
import dev.legacyguard.filter.token.VerifierOptions;

/**
 * Reads every key from {@link ConfigSources}, checks it, and builds {@link FilterSettings}.
 * The first missing or invalid setting stops the load with a one-line {@link ConfigException}.
 */
public final class SettingsLoader {
    static final List<String> SUPPORTED_ALGORITHMS = Collections.unmodifiableList(Arrays.asList(
            "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"));

    private final ConfigSources sources;
    /** Every setting read, by key, so the start-up line can say where each came from. */
    private final Map<String, Setting> used = new LinkedHashMap<>();

    private SettingsLoader(ConfigSources sources) {
        this.sources = sources;
    }

    public static FilterSettings load(ConfigSources sources) throws ConfigException {
        return new SettingsLoader(sources).load();
    }

    private FilterSettings load() throws ConfigException {
        List<String> warnings = new ArrayList<>();
        for (Setting unknown : sources.unknownKeys()) {
            warnings.add("unknown key " + unknown.key() + " (in " + unknown.source() + ") is ignored; "
                    + ConfigKeys.hint(unknown.key()));
        }
        VerifierOptions.Builder options = VerifierOptions.builder();
        resolveEndpoints(options, warnings);
        List<String> audiences = audiences();
        options.audiences(audiences)
                .algorithms(algorithms())
                .clockSkew(read(ConfigKeys.CLOCK_SKEW))
                .requireTyp(read(ConfigKeys.REQUIRE_TYP))
                .jwksRefreshInterval(read(ConfigKeys.JWKS_REFRESH_INTERVAL))
                .jwksMinRefetchInterval(read(ConfigKeys.JWKS_MIN_REFETCH_INTERVAL))
                .jwksConnectTimeout(read(ConfigKeys.JWKS_CONNECT_TIMEOUT))
                .jwksReadTimeout(read(ConfigKeys.JWKS_READ_TIMEOUT))
                .jwksStaleFor(read(ConfigKeys.JWKS_STALE_FOR))
                .jwksWait(read(ConfigKeys.JWKS_WAIT))
                .cacheSize(read(ConfigKeys.TOKEN_CACHE_SIZE));
        AccessRules rules = rules();
        options.acceptOrganizationTokens(acceptOrganizationTokens(rules, warnings));
        String realm = realm(audiences.get(0));
        boolean resourceMetadata = read(ConfigKeys.RESOURCE_METADATA);
        boolean passCorsPreflights = passCorsPreflights(warnings);
        warnings.addAll(JvmWideWarnings.of(sources));
        return new FilterSettings(options.build(), rules, realm, resourceMetadata, passCorsPreflights,
                Collections.unmodifiableList(warnings), Collections.unmodifiableMap(used));
    }

    /** The key's value with the highest precedence, or null; remembered for the start-up line. */
    private Setting setting(Key<?> key) {
        Setting setting = sources.get(key.name());
        if (setting != null) {
            used.put(key.name(), setting);
        }
        return setting;
    }

    /**
     * Issuers from {@code logto.issuer} or else from each of {@code logto.endpoint} (both comma
     * lists: the tenant's domain and a custom domain), and their keys: {@code logto.jwks-uri}, one
     * for every issuer or one per issuer, or else the first endpoint's JWKS, since a custom
     * domain's tokens are signed by its tenant's keys.
     */
    private void resolveEndpoints(VerifierOptions.Builder options, List<String> warnings) throws ConfigException {
        Setting endpoint = setting(ConfigKeys.ENDPOINT);
        Setting issuer = setting(ConfigKeys.ISSUER);
        Setting jwksUri = setting(ConfigKeys.JWKS_URI);
        if (endpoint == null && (issuer == null || jwksUri == null)) {
            throw new ConfigException(ConfigKeys.ENDPOINT.name() + " is missing: set it to your Logto tenant endpoint, e.g."
                    + " https://your-tenant.logto.app (or set both " + ConfigKeys.ISSUER.name() + " and " + ConfigKeys.JWKS_URI.name() + ")");
        }
        List<String> bases = new ArrayList<>();
        if (endpoint != null) {
            for (String url : httpUrls(endpoint)) {
                bases.add(stripTrailingSlashes(url));
            }
        }
        List<String> issuers = new ArrayList<>();
        if (issuer != null) {
            issuers.addAll(httpUrls(issuer));
        } else {
            for (String base : bases) {
                issuers.add(base + "/oidc");
            }
        }
        List<String> keysUrls = jwksUri != null ? jwksUris(jwksUri) : Collections.singletonList(bases.get(0) + "/oidc/jwks");
        if (keysUrls.size() != 1 && keysUrls.size() != issuers.size()) {
            throw jwksUri.invalid("expected one JWKS URL for every issuer, or one per issuer in the order of the "
                    + issuers.size() + " issuers " + issuers);
        }
        options.issuers(issuers).jwksUris(keysUrls);
        for (String url : keysUrls) {
            warnIfPlainHttp(jwksUri != null ? jwksUri : endpoint, url, warnings);
        }
    }

    /** Unlike issuers, the same JWKS may serve several of them, so a repeated URL is kept. */
    private static List<String> jwksUris(Setting setting) throws ConfigException {
        List<String> urls = new ArrayList<>();
        for (String url : setting.value().split(",", -1)) {
            urls.add(httpUrl(setting, url.trim()));
        }
        return urls;
    }

    private static void warnIfPlainHttp(Setting setting, String url, List<String> warnings) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        if ("http".equalsIgnoreCase(uri.getScheme()) && !LoopbackHost.names(host)) {
            warnings.add(setting.key() + " = " + url + " uses plain http to a remote host: the signing keys can be"
                    + " replaced in transit; use https");
        }
    }

    private List<String> audiences() throws ConfigException {
        Setting setting = setting(ConfigKeys.AUDIENCE);
        if (setting == null) {
            throw new ConfigException(ConfigKeys.AUDIENCE.name() + " is missing: set it to the API resource indicator(s) tokens"
                    + " must be issued for, comma separated, e.g. https://api.example.com");
        }
        Set<String> audiences = new LinkedHashSet<>();
        for (String audience : setting.value().split(",", -1)) {
            String trimmed = audience.trim();
            if (trimmed.isEmpty() || hasControlOrSpace(trimmed)) {
                throw setting.invalid("expected API resource indicators separated by commas, with no empty entries"
                        + " or spaces, e.g. https://api.example.com,https://api.example.com/v2");
            }
            audiences.add(trimmed);
        }
        return Collections.unmodifiableList(new ArrayList<>(audiences));
    }

    private AccessRules rules() throws ConfigException {
        List<AccessRule> rules = new ArrayList<>();
        for (Map.Entry<Integer, Setting> entry : sources.rules().entrySet()) {
            used.put(entry.getValue().key(), entry.getValue());
            try {
                rules.add(AccessRule.parse(entry.getKey(), entry.getValue().value()));
            } catch (IllegalArgumentException e) {
                throw entry.getValue().invalid(e.getMessage());
            }
        }
        UnmatchedPolicy unmatched = UnmatchedPolicy.AUTHENTICATED;
        Setting setting = setting(ConfigKeys.UNMATCHED);
        if (setting != null) {
            unmatched = UnmatchedPolicy.parse(setting.value());
            if (unmatched == null) {
                throw setting.invalid("expected authenticated, deny or public");
            }
        }
        return new AccessRules(rules, unmatched);
    }

    private boolean acceptOrganizationTokens(AccessRules rules, List<String> warnings) throws ConfigException {
        Setting setting = setting(ConfigKeys.ORGANIZATION_TOKENS);
        if (setting == null || setting.value().equalsIgnoreCase("refuse")) {
            return false;
        }
        if (!setting.value().equalsIgnoreCase("accept")) {
            throw setting.invalid("expected refuse (only tokens for the API resources in " + ConfigKeys.AUDIENCE.name()
                    + ") or accept (also organization tokens, aud urn:logto:organization:<id>, on paths whose rule"
                    + " names {organization})");
        }
        if (!rules.bindOrganizations()) {
            warnings.add(ConfigKeys.ORGANIZATION_TOKENS.name() + " = accept, but no rule names {organization}, the only paths"
                    + " that accept organization tokens; add such a rule, e.g. " + ConfigKeys.RULE_PREFIX
                    + "10 = GET /orgs/{organization}/** : read:projects, or remove the key");
        }
        return true;
    }

    private boolean passCorsPreflights(List<String> warnings) throws ConfigException {
        Setting setting = setting(ConfigKeys.CORS_PREFLIGHT);
        if (setting == null || setting.value().equalsIgnoreCase("judge")) {
            return false;
        }
        if (!setting.value().equalsIgnoreCase("pass")) {
            throw setting.invalid("expected judge (preflights need what any request needs) or pass (preflights reach"
                    + " the application without a token)");
        }
        warnings.add(ConfigKeys.CORS_PREFLIGHT.name() + " = pass: every OPTIONS request with Origin and"
                + " Access-Control-Request-Method headers reaches the application without a token, whatever the rules"
                + " and " + ConfigKeys.UNMATCHED.name() + " say; the application must answer such requests itself and act on none"
                + " (or declare a CORS filter before this one and remove the key)");
        return true;
    }

    private List<String> algorithms() throws ConfigException {
        Setting setting = setting(ConfigKeys.ALGORITHMS);
        if (setting == null) {
            return VerifierOptions.DEFAULT_ALGORITHMS;
        }
        Set<String> algorithms = new LinkedHashSet<>();
        for (String name : setting.value().split(",", -1)) {
            String alg = name.trim().toUpperCase(Locale.ROOT);
            if (alg.equals("NONE") || alg.startsWith("HS")) {
                throw setting.invalid(name.trim() + " is refused: it is not an asymmetric algorithm, so anyone who"
                        + " knows the public key could forge tokens; expected a comma list of " + String.join(",", SUPPORTED_ALGORITHMS));
            }
            if (!SUPPORTED_ALGORITHMS.contains(alg)) {
                throw setting.invalid("\"" + name.trim() + "\" is not a supported algorithm; expected a comma list of "
                        + String.join(",", SUPPORTED_ALGORITHMS));
            }
            algorithms.add(alg);
        }
        return Collections.unmodifiableList(new ArrayList<>(algorithms));
    }

    private String realm(String firstAudience) throws ConfigException {
        Setting setting = setting(ConfigKeys.REALM);
        if (setting == null) {
            return firstAudience;
        }
        if (hasControl(setting.value())) {
            throw setting.invalid("expected a realm name without control characters");
        }
        return setting.value();
    }

    /** The key's typed value, checked against its declaration, or its default. */
    private <T> T read(Key<T> key) throws ConfigException {
        return key.read(setting(key));
    }

    /** A comma list of URLs, each checked; no empty entries, no duplicates. */
    private static List<String> httpUrls(Setting setting) throws ConfigException {
        Set<String> urls = new LinkedHashSet<>();
        for (String url : setting.value().split(",", -1)) {
            urls.add(httpUrl(setting, url.trim()));
        }
        return new ArrayList<>(urls);
    }

    private static String httpUrl(Setting setting, String value) throws ConfigException {
        String expected = "expected an absolute http(s) URL without query or fragment, e.g. https://your-tenant.logto.app"
                + " (several: comma separated, e.g. the tenant's domain and its custom domain)";
        try {
            URI uri = new URI(value);
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw setting.invalid(expected);
            }
            return value;
        } catch (URISyntaxException e) {
            throw setting.invalid(expected);
        }
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControlOrSpace(String value) {
        return hasControl(value) || value.indexOf(' ') >= 0;
    }
}

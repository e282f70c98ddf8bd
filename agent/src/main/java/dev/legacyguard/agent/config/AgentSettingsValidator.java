package dev.legacyguard.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.match.UrlPrefix;
import dev.legacyguard.agent.match.UrlRefused;
import dev.legacyguard.core.config.Key;
import dev.legacyguard.core.config.Setting;

/** Validates one set of sources into {@link AgentSettings}; the first problem found becomes the ConfigException. */
final class AgentSettingsValidator {
    private static final String URL_EXPECTATION =
            "expected an absolute http(s) URL without user info, query or fragment";

    private final ConfigSources sources;
    private final AgentLog log;
    private final boolean failFast;

    AgentSettingsValidator(ConfigSources sources, AgentLog log) {
        this.sources = sources;
        this.log = log;
        this.failFast = AgentSettingsLoader.asksToFailFast(sources.get(AgentKeys.FAIL_FAST.name()));
    }

    AgentSettings read() throws ConfigException {
        warnAboutUnknownKeys();
        read(AgentKeys.FAIL_FAST, sources.get(AgentKeys.FAIL_FAST.name()));
        String endpoint = endpoint();
        String tokenEndpoint = tokenEndpoint(endpoint);
        String appId = appId();
        String appSecret = appSecret();
        OnTokenFailure onTokenFailure = read(AgentKeys.ON_TOKEN_FAILURE, sources.get(AgentKeys.ON_TOKEN_FAILURE.name()));
        List<ResourceSettings> resources = resources();
        return new AgentSettings(endpoint, tokenEndpoint, appId, appSecret, onTokenFailure, failFast, resources);
    }

    private String endpoint() throws ConfigException {
        Setting setting = sources.get(AgentKeys.ENDPOINT.name());
        if (setting == null) {
            if (sources.get(AgentKeys.TOKEN_ENDPOINT.name()) == null) {
                throw missing(AgentKeys.ENDPOINT.name(), "expected the Logto tenant endpoint, e.g. https://your-tenant.logto.app");
            }
            return null;
        }
        String endpoint = stripTrailingSlashes(setting.value());
        checkHttpUrl(setting, endpoint);
        return endpoint;
    }

    private String tokenEndpoint(String endpoint) throws ConfigException {
        Setting setting = sources.get(AgentKeys.TOKEN_ENDPOINT.name());
        if (setting == null) {
            return endpoint + "/oidc/token";
        }
        checkHttpUrl(setting, setting.value());
        return setting.value();
    }

    private void checkHttpUrl(Setting setting, String url) throws ConfigException {
        UrlPrefix parsed;
        try {
            parsed = UrlPrefix.parse(url);
        } catch (UrlRefused refused) {
            throw bad(setting, refused.getMessage() + "; " + URL_EXPECTATION);
        }
        if (parsed.isPlainHttpOffThisMachine()) {
            log.warn(setting.key() + " = " + url + " (" + setting.source() + ") uses plain http to a host that is not "
                    + "this machine: the App Secret and tokens travel unencrypted; use https");
        }
    }

    private String appId() throws ConfigException {
        Setting setting = sources.get(AgentKeys.APP_ID.name());
        if (setting == null) {
            throw missing(AgentKeys.APP_ID.name(), "expected the App ID of a machine-to-machine app in Logto Console");
        }
        if (hasWhitespaceOrControl(setting.value())) {
            throw bad(setting, "contains whitespace; expected the App ID exactly as Logto Console shows it");
        }
        return setting.value();
    }

    private String appSecret() throws ConfigException {
        Setting setting = sources.get(AgentKeys.APP_SECRET.name());
        if (setting == null) {
            throw missing(AgentKeys.APP_SECRET.name(), "expected the M2M app's App Secret, best set as the environment variable "
                    + ConfigSources.environmentName(AgentKeys.APP_SECRET.name()));
        }
        if (hasWhitespaceOrControl(setting.value())) {
            // Never echo the value: it is a credential, even when mistyped.
            throw new ConfigException(AgentKeys.APP_SECRET.name() + " (" + setting.source() + ", value hidden) contains whitespace; "
                    + "expected the App Secret exactly as Logto Console shows it", failFast);
        }
        String exposure = SecretExposure.warning(setting, sources.fileName());
        if (exposure != null) {
            log.warn(exposure);
        }
        return setting.value();
    }

    /** The key's typed value, or its default; a bad one stops the load, exiting when fail-fast asks to. */
    private <T> T read(Key<T> key, Setting setting) throws ConfigException {
        try {
            return key.read(setting);
        } catch (dev.legacyguard.core.config.ConfigException e) {
            throw new ConfigException(e.getMessage(), failFast);
        }
    }

    private List<ResourceSettings> resources() throws ConfigException {
        Set<String> names = sources.resourceNames(AgentKeys.RESOURCE_ATTRIBUTES);
        if (names.isEmpty()) {
            throw missing("logto.resource.NAME.indicator",
                    "expected at least one API resource: logto.resource.NAME.indicator and logto.resource.NAME.urls");
        }
        List<ResourceSettings> resources = new ArrayList<>();
        Map<UrlPrefix, String> owners = new LinkedHashMap<>();
        for (String name : names) {
            if (!isResourceName(name)) {
                throw new ConfigException("resource name '" + name + "' in logto.resource." + name
                        + ".* may hold only letters, digits, '-' and '_'; rename it", failFast);
            }
            ResourceSettings resource = resource(name);
            for (UrlPrefix url : resource.urls()) {
                String owner = owners.put(url, name);
                if (owner != null) {
                    throw new ConfigException(resource.key("urls") + ": URL prefix " + url + " is also configured for "
                            + "resource '" + owner + "'; expected each URL prefix in one resource only", failFast);
                }
            }
            resources.add(resource);
        }
        return resources;
    }

    private ResourceSettings resource(String name) throws ConfigException {
        String prefix = ConfigSources.RESOURCE_PREFIX + name + ".";
        Setting indicator = sources.get(prefix + AgentKeys.INDICATOR.name());
        Setting organizationId = sources.get(prefix + AgentKeys.ORGANIZATION_ID.name());
        if (organizationId != null) {
            checkOrganizationId(organizationId);
        }
        // Without an indicator Logto gives an organization token (aud urn:logto:organization:<id>).
        if (indicator == null && organizationId == null) {
            throw missing(prefix + "indicator", "expected the API resource's indicator (API Identifier in Logto "
                    + "Console), e.g. https://api.example.com, or " + prefix + "organization-id for an organization token");
        }
        if (indicator != null) {
            checkIndicator(indicator);
        }
        Setting urls = sources.get(prefix + AgentKeys.URLS.name());
        if (urls == null) {
            throw missing(prefix + "urls", "expected comma-separated URL prefixes whose requests get this resource's "
                    + "token, e.g. https://shop.internal:8443/api/");
        }
        Setting scopes = sources.get(prefix + AgentKeys.SCOPES.name());
        return new ResourceSettings(name, indicator == null ? null : indicator.value(),
                organizationId == null ? null : organizationId.value(), urlPrefixes(urls),
                scopes == null ? Collections.<String>emptyList() : scopes(scopes),
                read(AgentKeys.VIA_PROXY, sources.get(prefix + AgentKeys.VIA_PROXY.name())));
    }

    /**
     * Logto's organization IDs are short strings of letters and digits, e.g. 195o7u492pqf; a
     * typo that pastes a space, a quote or a URL is told here rather than by a 403 later.
     */
    private void checkOrganizationId(Setting organizationId) throws ConfigException {
        String id = organizationId.value();
        boolean plain = !id.isEmpty();
        for (int i = 0; i < id.length() && plain; i++) {
            char c = id.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
        }
        if (!plain) {
            throw bad(organizationId, "is not an organization ID; expected the ID shown in Logto Console "
                    + "(Organizations, the organization's page), e.g. 195o7u492pqf");
        }
    }

    private void checkIndicator(Setting indicator) throws ConfigException {
        String expected = "is not an absolute URI without fragment; expected exactly the API Identifier shown in Logto Console";
        try {
            URI uri = new URI(indicator.value());
            if (!uri.isAbsolute() || uri.getRawFragment() != null) {
                throw bad(indicator, expected);
            }
            // The indicator is shown in logs and errors and sent in every token request.
            if (uri.getRawUserInfo() != null) {
                throw bad(indicator, "contains user info ('@' before the host); an API Identifier holds no "
                        + "credentials: set exactly the API Identifier shown in Logto Console");
            }
        } catch (URISyntaxException e) {
            throw bad(indicator, expected);
        }
    }

    private List<UrlPrefix> urlPrefixes(Setting urls) throws ConfigException {
        List<UrlPrefix> prefixes = new ArrayList<>();
        for (String entry : urls.value().split(",", -1)) {
            String text = entry.trim();
            if (text.isEmpty()) {
                throw bad(urls, "has an empty entry; expected comma-separated URL prefixes such as "
                        + "https://shop.internal:8443/api/");
            }
            try {
                UrlPrefix prefix = UrlPrefix.parse(text);
                if (!prefixes.contains(prefix)) {
                    prefixes.add(prefix);
                }
            } catch (UrlRefused refused) {
                throw bad(urls, "has a bad entry: '" + UserInfoMask.mask(text) + "' " + refused.getMessage() + "; " + URL_EXPECTATION
                        + ", e.g. https://shop.internal:8443/api/");
            }
        }
        return prefixes;
    }

    private List<String> scopes(Setting scopes) throws ConfigException {
        Set<String> unique = new LinkedHashSet<>();
        for (String scope : splitOnWhitespace(scopes.value())) {
            if (scope.indexOf(',') >= 0) {
                throw bad(scopes, "contains a comma; expected scopes separated by spaces, e.g. read:orders write:orders");
            }
            for (int i = 0; i < scope.length(); i++) {
                char c = scope.charAt(i);
                // RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
                if (c < 0x21 || c == '"' || c == '\\' || c > 0x7e) {
                    throw bad(scopes, "has scope '" + scope + "' with the character '" + c + "'; expected space-separated scope "
                            + "names as defined on the API resource in Logto Console");
                }
            }
            unique.add(scope);
        }
        return new ArrayList<>(unique);
    }

    // Plain loops rather than regular expressions: the settings are read in premain, and
    // java.util.regex costs the service's start-up milliseconds it would not otherwise spend.
    private static boolean isResourceName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Like {@code split("\\s+")} on a trimmed value: runs of space, tab, LF, VT, FF or CR separate. */
    private static List<String> splitOnWhitespace(String value) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean separator = i == value.length() || " \t\n\u000B\f\r".indexOf(value.charAt(i)) >= 0;
            if (separator && start >= 0) {
                parts.add(value.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return parts;
    }

    private void warnAboutUnknownKeys() {
        for (String key : sources.namedKeys()) {
            if (!AgentKeys.KEYS.contains(key) && ConfigSources.resourceName(key, AgentKeys.RESOURCE_ATTRIBUTES) == null) {
                log.warn("unknown key " + key + " (" + sources.originOfNamedKey(key) + ") is ignored; " + AgentKeys.hint(key));
            }
        }
    }

    private ConfigException missing(String key, String expectation) {
        return new ConfigException(key + " is not set (system property, environment variable "
                + ConfigSources.environmentName(key) + " or the config file); " + expectation, failFast);
    }

    private ConfigException bad(Setting setting, String expectation) {
        return new ConfigException(AgentKeys.describeInvalid(setting, expectation), failFast);
    }

    private static boolean hasWhitespaceOrControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) <= ' ' || value.charAt(i) == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingSlashes(String value) {
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}

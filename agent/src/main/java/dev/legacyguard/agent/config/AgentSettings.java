package dev.legacyguard.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.match.UrlPrefix;
import dev.legacyguard.agent.match.UrlRefused;
import dev.legacyguard.core.config.KeySuggestion;
import dev.legacyguard.core.config.Setting;

/**
 * The agent's configuration, read from the agent argument's properties file, environment
 * variables and system properties (that order of increasing precedence), and validated as a
 * whole before the agent does anything.
 */
public final class AgentSettings {

    static final String ENDPOINT = "logto.endpoint";
    static final String TOKEN_ENDPOINT = "logto.token-endpoint";
    static final String APP_ID = "logto.app-id";
    static final String APP_SECRET = "logto.app-secret";
    static final String ON_TOKEN_FAILURE = "logto.on-token-failure";
    static final String FAIL_FAST = "logto.fail-fast";
    static final List<String> KEYS =
            Collections.unmodifiableList(Arrays.asList(ENDPOINT, TOKEN_ENDPOINT, APP_ID, APP_SECRET, ON_TOKEN_FAILURE, FAIL_FAST));
    static final Set<String> RESOURCE_ATTRIBUTES =
            Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList("indicator", "organization-id", "urls", "scopes",
                    "via-proxy")));

    private static final String URL_EXPECTATION =
            "expected an absolute http(s) URL without user info, query or fragment";

    private final String endpoint;
    private final String tokenEndpoint;
    private final String appId;
    private final String appSecret;
    private final OnTokenFailure onTokenFailure;
    private final boolean failFast;
    private final List<ResourceSettings> resources;

    private AgentSettings(String endpoint, String tokenEndpoint, String appId, String appSecret,
            OnTokenFailure onTokenFailure, boolean failFast, List<ResourceSettings> resources) {
        this.endpoint = endpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.appId = appId;
        this.appSecret = appSecret;
        this.onTokenFailure = onTokenFailure;
        this.failFast = failFast;
        this.resources = Collections.unmodifiableList(resources);
    }

    /**
     * Reads the configuration the way the running agent does.
     *
     * @param agentArgs {@code PATH} or {@code config=PATH}; null or empty: only system
     *     properties and environment variables
     */
    public static AgentSettings load(String agentArgs) throws ConfigException {
        return load(agentArgs, System.getenv(), System.getProperties(), AgentLog.stderr());
    }

    /** As {@link #load(String)}, with the environment and system properties given; warnings go to {@code log}. */
    public static AgentSettings load(String agentArgs, Map<String, String> environment, Properties systemProperties,
            AgentLog log) throws ConfigException {
        // Known before the file is read, so that an unreadable file can stop the service too.
        boolean failFastOutsideFile = asksToFailFast(
                new ConfigSources(systemProperties, environment, new Properties(), "(none)").get(FAIL_FAST));
        String path = configPath(agentArgs, failFastOutsideFile);
        Properties file = path == null ? new Properties() : readFile(path, failFastOutsideFile);
        ConfigSources sources = new ConfigSources(systemProperties, environment, file, path);
        return new Validator(sources, log).read();
    }

    private static boolean asksToFailFast(Setting failFast) {
        return failFast != null && !failFast.value().equals("false");
    }

    private static String configPath(String agentArgs, boolean failFast) throws ConfigException {
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return null;
        }
        String path = agentArgs.trim();
        if (path.startsWith("config=")) {
            path = path.substring("config=".length()).trim();
            if (path.isEmpty()) {
                throw new ConfigException("agent argument 'config=' names no file; expected "
                        + "-javaagent:logto-agent.jar=config=/path/to/logto-agent.properties", failFast);
            }
        }
        return path;
    }

    private static Properties readFile(String path, boolean failFast) throws ConfigException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(path));
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("config file '" + path + "' (the agent argument) cannot be read: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "; expected a readable properties file with logto.* keys", failFast);
        }
        return properties;
    }

    /** The tenant endpoint, e.g. {@code https://tenant.logto.app}; null when only the token endpoint is set. */
    public String endpoint() {
        return endpoint;
    }

    /** Where tokens are requested: {@code logto.token-endpoint}, or the endpoint plus {@code /oidc/token}. */
    public String tokenEndpoint() {
        return tokenEndpoint;
    }

    public String appId() {
        return appId;
    }

    /** The App Secret. Never log it; log {@code Fingerprint.of(appSecret())} instead. */
    public String appSecret() {
        return appSecret;
    }

    public OnTokenFailure onTokenFailure() {
        return onTokenFailure;
    }

    public boolean failFast() {
        return failFast;
    }

    public List<ResourceSettings> resources() {
        return resources;
    }

    /** The key that names where tokens come from, for "check ..." advice. */
    public String tokenEndpointKey() {
        return endpoint == null ? TOKEN_ENDPOINT : ENDPOINT;
    }

    /** Validates one set of sources; the first problem found becomes the ConfigException. */
    private static final class Validator {
        private final ConfigSources sources;
        private final AgentLog log;
        private final boolean failFast;

        Validator(ConfigSources sources, AgentLog log) {
            this.sources = sources;
            this.log = log;
            this.failFast = asksToFailFast(sources.get(FAIL_FAST));
        }

        AgentSettings read() throws ConfigException {
            warnAboutUnknownKeys();
            Setting failFastSetting = sources.get(FAIL_FAST);
            if (failFastSetting != null && !failFastSetting.value().equals("true") && !failFastSetting.value().equals("false")) {
                throw bad(failFastSetting, "is neither true nor false; expected true or false");
            }
            String endpoint = endpoint();
            String tokenEndpoint = tokenEndpoint(endpoint);
            String appId = appId();
            String appSecret = appSecret();
            OnTokenFailure onTokenFailure = onTokenFailure();
            List<ResourceSettings> resources = resources();
            return new AgentSettings(endpoint, tokenEndpoint, appId, appSecret, onTokenFailure, failFast, resources);
        }

        private String endpoint() throws ConfigException {
            Setting setting = sources.get(ENDPOINT);
            if (setting == null) {
                if (sources.get(TOKEN_ENDPOINT) == null) {
                    throw missing(ENDPOINT, "expected the Logto tenant endpoint, e.g. https://your-tenant.logto.app");
                }
                return null;
            }
            String endpoint = stripTrailingSlashes(setting.value());
            checkHttpUrl(setting, endpoint);
            return endpoint;
        }

        private String tokenEndpoint(String endpoint) throws ConfigException {
            Setting setting = sources.get(TOKEN_ENDPOINT);
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
            if (parsed.toString().startsWith("http://") && !isLoopback(parsed)) {
                log.warn(setting.key() + " = " + url + " (" + setting.source() + ") uses plain http to a host that is not "
                        + "this machine: the App Secret and tokens travel unencrypted; use https");
            }
        }

        private static boolean isLoopback(UrlPrefix prefix) {
            String rest = prefix.toString().substring("http://".length());
            return rest.startsWith("localhost") || rest.startsWith("127.") || rest.startsWith("[::1]");
        }

        private String appId() throws ConfigException {
            Setting setting = sources.get(APP_ID);
            if (setting == null) {
                throw missing(APP_ID, "expected the App ID of a machine-to-machine app in Logto Console");
            }
            if (hasWhitespaceOrControl(setting.value())) {
                throw bad(setting, "contains whitespace; expected the App ID exactly as Logto Console shows it");
            }
            return setting.value();
        }

        private String appSecret() throws ConfigException {
            Setting setting = sources.get(APP_SECRET);
            if (setting == null) {
                throw missing(APP_SECRET, "expected the M2M app's App Secret, best set as the environment variable "
                        + ConfigSources.environmentName(APP_SECRET));
            }
            if (hasWhitespaceOrControl(setting.value())) {
                // Never echo the value: it is a credential, even when mistyped.
                throw new ConfigException(APP_SECRET + " (" + setting.source() + ", value hidden) contains whitespace; "
                        + "expected the App Secret exactly as Logto Console shows it", failFast);
            }
            String exposure = SecretExposure.warning(setting, sources.fileName());
            if (exposure != null) {
                log.warn(exposure);
            }
            return setting.value();
        }

        private OnTokenFailure onTokenFailure() throws ConfigException {
            Setting setting = sources.get(ON_TOKEN_FAILURE);
            if (setting == null) {
                return OnTokenFailure.FAIL;
            }
            OnTokenFailure mode = OnTokenFailure.fromConfig(setting.value());
            if (mode == null) {
                throw bad(setting, "is not a known mode; expected fail or send-without");
            }
            return mode;
        }

        private List<ResourceSettings> resources() throws ConfigException {
            Set<String> names = sources.resourceNames(RESOURCE_ATTRIBUTES);
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
            Setting indicator = sources.get(prefix + "indicator");
            Setting organizationId = sources.get(prefix + "organization-id");
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
            Setting urls = sources.get(prefix + "urls");
            if (urls == null) {
                throw missing(prefix + "urls", "expected comma-separated URL prefixes whose requests get this resource's "
                        + "token, e.g. https://shop.internal:8443/api/");
            }
            Setting scopes = sources.get(prefix + "scopes");
            return new ResourceSettings(name, indicator == null ? null : indicator.value(),
                    organizationId == null ? null : organizationId.value(), urlPrefixes(urls),
                    scopes == null ? Collections.<String>emptyList() : scopes(scopes), viaProxy(sources.get(prefix + "via-proxy")));
        }

        /** Whether plain-http requests through a forward proxy get the token: only when asked for. */
        private boolean viaProxy(Setting viaProxy) throws ConfigException {
            if (viaProxy == null || viaProxy.value().equals("deny")) {
                return false;
            }
            if (viaProxy.value().equals("allow")) {
                return true;
            }
            throw bad(viaProxy, "is neither allow nor deny; expected deny (the default: a plain-http request through a"
                    + " forward proxy goes without the token, which the proxy would see) or allow");
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
                if (KEYS.contains(key) || ConfigSources.resourceName(key, RESOURCE_ATTRIBUTES) != null) {
                    continue;
                }
                String nearest = KeySuggestion.nearest(key, candidatesFor(key));
                log.warn("unknown key " + key + " (" + sources.originOfNamedKey(key) + ") is ignored; "
                        + (nearest != null ? "did you mean " + nearest + "?" : "known keys are " + String.join(", ", KEYS)
                        + " and logto.resource.NAME.indicator|organization-id|urls|scopes|via-proxy"));
            }
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

        private ConfigException missing(String key, String expectation) {
            return new ConfigException(key + " is not set (system property, environment variable "
                    + ConfigSources.environmentName(key) + " or the config file); " + expectation, failFast);
        }

        private ConfigException bad(Setting setting, String expectation) {
            return new ConfigException(setting.key() + " = '" + UserInfoMask.mask(setting.value()) + "' (" + setting.source() + ") "
                    + expectation, failFast);
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
}

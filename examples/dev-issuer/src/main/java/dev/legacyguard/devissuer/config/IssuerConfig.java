package dev.legacyguard.devissuer.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * API resources, M2M roles and M2M apps, read from a properties file laid out like the Logto
 * Console's pages:
 *
 * <pre>
 * resource.products.indicator=https://products.legacy.example/api
 * resource.products.scopes=read:products write:products
 * resource.products.access-token-ttl=3600          # optional, seconds
 * role.catalog-reader.products=read:products      # role.ROLE.RESOURCE = scopes it grants
 * app.reader-app.secret=reader-secret              # app.APP_ID.secret
 * app.reader-app.roles=catalog-reader              # comma separated
 * app.reader-app.allow-token-exchange=true         # optional, default false
 * user.alice.personal-access-tokens=pat_alice_1     # comma separated, unique across users
 * user.alice.roles=catalog-reader                  # comma separated, roles as above
 * organization-role.auditor.permissions=read:inventory   # organization permissions it holds
 * organization-role.auditor.products=read:products       # organization-role.ROLE.RESOURCE = scopes
 * organization.195o7u492pqf.app.reader-app=auditor       # organization.ORG_ID.app.APP_ID = its roles there
 * </pre>
 */
public final class IssuerConfig {

    private static final long DEFAULT_TTL_SECONDS = 3600;

    private final Map<String, ApiResource> resourcesByIndicator;
    private final Map<String, M2mApp> appsById;
    /** Organization id, then App ID. */
    private final Map<String, Map<String, OrganizationMembership>> memberships;
    private final Map<String, User> usersByPersonalAccessToken;

    private IssuerConfig(Map<String, ApiResource> resourcesByIndicator, Map<String, M2mApp> appsById,
            Map<String, Map<String, OrganizationMembership>> memberships, Map<String, User> usersByPersonalAccessToken) {
        this.resourcesByIndicator = Map.copyOf(resourcesByIndicator);
        this.appsById = Map.copyOf(appsById);
        this.memberships = Map.copyOf(memberships);
        this.usersByPersonalAccessToken = Map.copyOf(usersByPersonalAccessToken);
    }

    public static IssuerConfig load(Path file) throws ConfigException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read the issuer configuration " + file + ": " + e.getMessage()
                    + "; pass an existing properties file with --config");
        }
    }

    public static IssuerConfig load(InputStream in, String source) throws ConfigException, IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return parse(properties, source);
    }

    public static IssuerConfig parse(Properties properties, String source) throws ConfigException {
        Map<String, Map<String, String>> resources = new LinkedHashMap<>();
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        Map<String, Map<String, String>> apps = new LinkedHashMap<>();
        Map<String, Map<String, String>> organizationRoles = new LinkedHashMap<>();
        Map<String, Map<String, String>> organizations = new LinkedHashMap<>();
        Map<String, Map<String, String>> users = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String[] parts = key.split("\\.", 3);
            if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw unknownKey(source, key);
            }
            Map<String, Map<String, String>> section = switch (parts[0]) {
                case "resource" -> resources;
                case "role" -> roles;
                case "app" -> apps;
                case "organization-role" -> organizationRoles;
                case "organization" -> organizations;
                case "user" -> users;
                default -> throw unknownKey(source, key);
            };
            section.computeIfAbsent(parts[1], n -> new LinkedHashMap<>()).put(parts[2], properties.getProperty(key).trim());
        }

        Map<String, ApiResource> resourcesByName = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> entry : resources.entrySet()) {
            resourcesByName.put(entry.getKey(), resource(source, entry.getKey(), entry.getValue()));
        }
        Map<String, Map<String, Set<String>>> grantsByRole = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> entry : roles.entrySet()) {
            grantsByRole.put(entry.getKey(), role(source, "role." + entry.getKey(), entry.getValue(), resourcesByName));
        }
        Map<String, M2mApp> appsById = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> entry : apps.entrySet()) {
            appsById.put(entry.getKey(), app(source, entry.getKey(), entry.getValue(), grantsByRole));
        }
        if (appsById.isEmpty() || resourcesByName.isEmpty()) {
            throw new ConfigException(source + " defines no " + (resourcesByName.isEmpty() ? "API resource" : "app")
                    + "; add at least resource.NAME.indicator, resource.NAME.scopes, app.APP_ID.secret and app.APP_ID.roles");
        }
        Map<String, ApiResource> byIndicator = new LinkedHashMap<>();
        for (ApiResource resource : resourcesByName.values()) {
            ApiResource clash = byIndicator.put(resource.indicator(), resource);
            if (clash != null) {
                throw new ConfigException(source + ": resources '" + clash.name() + "' and '" + resource.name()
                        + "' share the indicator " + resource.indicator() + "; indicators must be unique");
            }
        }
        Map<String, OrganizationMembership> membershipByRole = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> entry : organizationRoles.entrySet()) {
            membershipByRole.put(entry.getKey(), organizationRole(source, entry.getKey(), entry.getValue(), resourcesByName));
        }
        Map<String, Map<String, OrganizationMembership>> memberships = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> entry : organizations.entrySet()) {
            memberships.put(entry.getKey(),
                    organization(source, entry.getKey(), entry.getValue(), membershipByRole, appsById.keySet()));
        }
        Map<String, User> usersByToken = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> entry : users.entrySet()) {
            user(source, entry.getKey(), entry.getValue(), grantsByRole, usersByToken);
        }
        return new IssuerConfig(byIndicator, appsById, memberships, usersByToken);
    }

    /** The user holding this personal access token; empty for an unknown one. */
    public Optional<User> userByPersonalAccessToken(String personalAccessToken) {
        return Optional.ofNullable(usersByPersonalAccessToken.get(personalAccessToken));
    }

    /** What the app's organization roles hold in the organization; empty when it is not a member. */
    public Optional<OrganizationMembership> membership(String organizationId, String appId) {
        return Optional.ofNullable(memberships.getOrDefault(organizationId, Map.of()).get(appId));
    }

    public Optional<ApiResource> resource(String indicator) {
        return Optional.ofNullable(resourcesByIndicator.get(indicator));
    }

    public Optional<M2mApp> app(String id) {
        return Optional.ofNullable(appsById.get(id));
    }

    public Collection<ApiResource> resources() {
        return resourcesByIndicator.values();
    }

    public Collection<M2mApp> apps() {
        return appsById.values();
    }

    private static ApiResource resource(String source, String name, Map<String, String> values) throws ConfigException {
        String prefix = "resource." + name + ".";
        rejectUnknown(source, prefix, values, Set.of("indicator", "scopes", "access-token-ttl"));
        String indicator = required(source, prefix + "indicator", values.get("indicator"),
                "an absolute URI such as https://products.legacy.example/api");
        if (!isAbsoluteWithoutFragment(indicator)) {
            throw new ConfigException(source + ": " + prefix + "indicator=" + indicator
                    + " is not an absolute URI without a fragment; use e.g. https://products.legacy.example/api");
        }
        List<String> scopes = words(values.getOrDefault("scopes", ""));
        long ttl = DEFAULT_TTL_SECONDS;
        String ttlText = values.get("access-token-ttl");
        if (ttlText != null) {
            try {
                ttl = Long.parseLong(ttlText);
            } catch (NumberFormatException e) {
                ttl = -1;
            }
            if (ttl <= 0) {
                throw new ConfigException(source + ": " + prefix + "access-token-ttl=" + ttlText
                        + " is not a positive number of seconds; Logto's default is 3600");
            }
        }
        return new ApiResource(name, indicator, scopes, ttl);
    }

    /** {@code prefixedName} is {@code role.ROLE} or {@code organization-role.ROLE}. */
    private static Map<String, Set<String>> role(String source, String prefixedName, Map<String, String> values,
            Map<String, ApiResource> resourcesByName) throws ConfigException {
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = prefixedName + "." + entry.getKey();
            ApiResource resource = resourcesByName.get(entry.getKey());
            if (resource == null) {
                throw new ConfigException(source + ": " + key + " names resource '" + entry.getKey()
                        + "', which is not defined; known resources: " + resourcesByName.keySet());
            }
            Set<String> scopes = new LinkedHashSet<>(words(entry.getValue()));
            for (String scope : scopes) {
                if (!resource.scopes().contains(scope)) {
                    throw new ConfigException(source + ": " + key + " grants '" + scope + "', which resource '"
                            + resource.name() + "' does not define; add it to resource." + resource.name()
                            + ".scopes (defined: " + resource.scopes() + ")");
                }
            }
            grants.put(resource.indicator(), scopes);
        }
        return grants;
    }

    private static M2mApp app(String source, String id, Map<String, String> values,
            Map<String, Map<String, Set<String>>> grantsByRole) throws ConfigException {
        String prefix = "app." + id + ".";
        rejectUnknown(source, prefix, values, Set.of("secret", "roles", "allow-token-exchange"));
        String secret = required(source, prefix + "secret", values.get("secret"), "the App Secret the client sends");
        List<String> roles = commaSeparated(values.get("roles"));
        String allowTokenExchange = values.getOrDefault("allow-token-exchange", "false");
        if (!Set.of("true", "false").contains(allowTokenExchange)) {
            throw new ConfigException(source + ": " + prefix + "allow-token-exchange=" + allowTokenExchange
                    + " is neither true nor false; write true to let the app exchange personal access tokens");
        }
        return new M2mApp(id, secret, roles, grantsOfRoles(source, prefix + "roles", roles, grantsByRole),
                Boolean.parseBoolean(allowTokenExchange));
    }

    /** Adds the user to {@code usersByToken} under each of their personal access tokens. */
    private static void user(String source, String id, Map<String, String> values,
            Map<String, Map<String, Set<String>>> grantsByRole, Map<String, User> usersByToken) throws ConfigException {
        String prefix = "user." + id + ".";
        rejectUnknown(source, prefix, values, Set.of("personal-access-tokens", "roles"));
        List<String> tokens = commaSeparated(values.get("personal-access-tokens"));
        if (tokens.isEmpty()) {
            throw new ConfigException(source + ": " + prefix + "personal-access-tokens is missing; set it to the"
                    + " personal access tokens the user holds, comma separated");
        }
        List<String> roles = commaSeparated(values.get("roles"));
        User user = new User(id, roles, grantsOfRoles(source, prefix + "roles", roles, grantsByRole));
        for (String token : tokens) {
            User clash = usersByToken.put(token, user);
            if (clash != null) {
                throw new ConfigException(source + ": users '" + clash.id() + "' and '" + id
                        + "' share a personal access token; each token must belong to one user");
            }
        }
    }

    /** The scopes the named roles grant together, per indicator. */
    private static Map<String, Set<String>> grantsOfRoles(String source, String key, List<String> roles,
            Map<String, Map<String, Set<String>>> grantsByRole) throws ConfigException {
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (String role : roles) {
            Map<String, Set<String>> roleGrants = grantsByRole.get(role);
            if (roleGrants == null) {
                throw new ConfigException(source + ": " + key + " names role '" + role
                        + "', which is not defined; known roles: " + grantsByRole.keySet());
            }
            roleGrants.forEach((indicator, scopes) ->
                    grants.computeIfAbsent(indicator, i -> new LinkedHashSet<>()).addAll(scopes));
        }
        return grants;
    }

    private static List<String> commaSeparated(String value) {
        List<String> items = new ArrayList<>();
        for (String item : (value == null ? "" : value).split(",")) {
            if (!item.trim().isEmpty()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** An organization role as one membership: its organization permissions and its API resource scopes. */
    private static OrganizationMembership organizationRole(String source, String name, Map<String, String> values,
            Map<String, ApiResource> resourcesByName) throws ConfigException {
        Map<String, String> resourceValues = new LinkedHashMap<>(values);
        Set<String> permissions = new LinkedHashSet<>(words(resourceValues.getOrDefault("permissions", "")));
        resourceValues.remove("permissions");
        return new OrganizationMembership(permissions,
                role(source, "organization-role." + name, resourceValues, resourcesByName));
    }

    private static Map<String, OrganizationMembership> organization(String source, String id, Map<String, String> values,
            Map<String, OrganizationMembership> roles, Set<String> appIds) throws ConfigException {
        String prefix = "organization." + id + ".";
        Map<String, OrganizationMembership> members = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String appId = entry.getKey().startsWith("app.") ? entry.getKey().substring("app.".length()) : "";
            if (!appIds.contains(appId)) {
                throw new ConfigException(source + ": " + prefix + entry.getKey() + " is not organization.ORG_ID.app.APP_ID"
                        + " of a defined app; known apps: " + appIds);
            }
            Set<String> permissions = new LinkedHashSet<>();
            Map<String, Set<String>> grants = new LinkedHashMap<>();
            for (String role : words(entry.getValue().replace(',', ' '))) {
                OrganizationMembership held = roles.get(role);
                if (held == null) {
                    throw new ConfigException(source + ": " + prefix + entry.getKey() + " names organization role '" + role
                            + "', which is not defined; known organization roles: " + roles.keySet());
                }
                permissions.addAll(held.permissions());
                held.grantsByIndicator().forEach((indicator, scopes) ->
                        grants.computeIfAbsent(indicator, i -> new LinkedHashSet<>()).addAll(scopes));
            }
            members.put(appId, new OrganizationMembership(permissions, grants));
        }
        return members;
    }

    private static void rejectUnknown(String source, String prefix, Map<String, String> values, Set<String> known)
            throws ConfigException {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException(source + ": unknown key " + prefix + key + "; expected one of "
                        + new TreeSet<>(known).stream().map(k -> prefix + k).toList());
            }
        }
    }

    private static String required(String source, String key, String value, String expected) throws ConfigException {
        if (value == null || value.isEmpty()) {
            throw new ConfigException(source + ": " + key + " is missing; set it to " + expected);
        }
        return value;
    }

    private static ConfigException unknownKey(String source, String key) {
        return new ConfigException(source + ": unknown key '" + key
                + "'; keys look like resource.NAME.indicator, role.ROLE.RESOURCE, app.APP_ID.secret,"
                + " organization-role.ROLE.permissions, organization.ORG_ID.app.APP_ID or user.USER_ID.roles");
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Logto and RFC 8707 accept only absolute URIs without a fragment as resource indicators. */
    public static boolean isAbsoluteWithoutFragment(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getFragment() == null && !value.contains("#");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

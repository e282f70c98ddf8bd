package dev.legacyguard.testissuer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A real oidc-provider issuer, configured like Logto, running in a child Node process on a
 * free loopback port. Integration tests get their tokens from it over HTTP.
 */
public final class TestIssuer implements AutoCloseable {

    private final Process process;
    private final String endpoint;
    private final String customDomainEndpoint;
    /** Longer than any delay a test sets on the token endpoint; a hung issuer fails the test instead of hanging it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestIssuer(Process process, Endpoints endpoints) {
        this.process = process;
        this.endpoint = endpoints.tenant();
        this.customDomainEndpoint = endpoints.customDomain();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Tenant endpoint, as a Logto user configures it: {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return endpoint;
    }

    public String issuer() {
        return endpoint + "/oidc";
    }

    /**
     * The same tenant behind a custom domain (see {@link Builder#customDomain()}): another
     * endpoint, whose tokens carry it as their issuer and are signed by the same keys.
     */
    public String customDomainEndpoint() {
        if (customDomainEndpoint == null) {
            throw new IllegalStateException("start the test issuer with customDomain() to get a custom domain");
        }
        return customDomainEndpoint;
    }

    /** A token the test expects to be granted, requested on the custom domain, so its iss is the custom domain's. */
    public String accessTokenOnCustomDomain(String appId, String appSecret, String resource, String... scopes) {
        return granted(tokenRequest(customDomainEndpoint() + "/oidc/token", null, appId, appSecret, resource, scopes));
    }

    public String jwksUri() {
        return endpoint + "/oidc/jwks";
    }

    public String tokenEndpoint() {
        return endpoint + "/oidc/token";
    }

    /** Client-credentials grant with Basic auth, exactly as an M2M app asks Logto. */
    public TokenResponse clientCredentials(String appId, String appSecret, String resource, String... scopes) {
        return clientCredentialsIn(null, appId, appSecret, resource, scopes);
    }

    /**
     * Client-credentials grant with {@code organization_id} (null: none), as an M2M app that is a
     * member of an organization asks Logto: without {@code resource} for an organization token
     * ({@code aud} {@code urn:logto:organization:<id>}, the organization permissions as scopes), with it for a
     * token for that API resource that also carries claim {@code organization_id}.
     */
    public TokenResponse clientCredentialsIn(String organizationId, String appId, String appSecret, String resource,
                                             String... scopes) {
        return tokenRequest(tokenEndpoint(), organizationId, appId, appSecret, resource, scopes);
    }

    /** Client-credentials grant with the App ID and App Secret in the form ({@code client_secret_post}), which Logto accepts too. */
    public TokenResponse clientCredentialsInBody(String appId, String appSecret, String resource, String... scopes) {
        return token(HttpRequest.newBuilder(URI.create(tokenEndpoint())), clientCredentialsForm(null, resource, scopes)
                + "&client_id=" + enc(appId) + "&client_secret=" + enc(appSecret));
    }

    private TokenResponse tokenRequest(String tokenEndpoint, String organizationId, String appId, String appSecret,
                                       String resource, String... scopes) {
        String basic = Base64.getEncoder().encodeToString(
                (enc(appId) + ":" + enc(appSecret)).getBytes(StandardCharsets.UTF_8));
        return token(HttpRequest.newBuilder(URI.create(tokenEndpoint)).header("Authorization", "Basic " + basic),
                clientCredentialsForm(organizationId, resource, scopes));
    }

    private static String clientCredentialsForm(String organizationId, String resource, String... scopes) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (resource != null) {
            form.append("&resource=").append(enc(resource));
        }
        if (organizationId != null) {
            form.append("&organization_id=").append(enc(organizationId));
        }
        if (scopes.length > 0) {
            form.append("&scope=").append(enc(String.join(" ", scopes)));
        }
        return form.toString();
    }

    /**
     * Token exchange of a user's personal access token by an app, as Logto takes it: {@code sub}
     * the user, {@code client_id} the app, the requested scopes the user's roles hold.
     */
    public TokenResponse exchangePersonalAccessToken(String appId, String appSecret, String personalAccessToken,
                                                     String resource, String... scopes) {
        StringBuilder form = new StringBuilder("grant_type=").append(enc("urn:ietf:params:oauth:grant-type:token-exchange"))
                .append("&subject_token=").append(enc(personalAccessToken))
                .append("&subject_token_type=").append(enc("urn:logto:token-type:personal_access_token"))
                .append("&resource=").append(enc(resource));
        if (scopes.length > 0) {
            form.append("&scope=").append(enc(String.join(" ", scopes)));
        }
        form.append("&client_id=").append(enc(appId)).append("&client_secret=").append(enc(appSecret));
        return token(HttpRequest.newBuilder(URI.create(tokenEndpoint())), form.toString());
    }

    private TokenResponse token(HttpRequest.Builder request, String form) {
        HttpResponse<String> response = send(request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(REQUEST_TIMEOUT)
                .build());
        return new TokenResponse(response.statusCode(), parse(response.body()));
    }

    /** A token the test expects to be granted; fails loudly otherwise. */
    public String accessToken(String appId, String appSecret, String resource, String... scopes) {
        return granted(clientCredentials(appId, appSecret, resource, scopes));
    }

    /** A token in {@code organizationId} (see {@link #clientCredentialsIn}) the test expects to be granted. */
    public String accessTokenIn(String organizationId, String appId, String appSecret, String resource,
                                String... scopes) {
        return granted(clientCredentialsIn(organizationId, appId, appSecret, resource, scopes));
    }

    private static String granted(TokenResponse response) {
        if (response.status() != 200) {
            throw new IllegalStateException("test issuer refused a token: " + response);
        }
        return response.accessToken();
    }

    /** Publishes a new signing key (listed first) with the given algorithm; old keys stay unless told. */
    public void rotateKey(String alg, boolean keepOld) {
        admin("/rotate", "{\"alg\":\"" + alg + "\",\"keepOld\":" + keepOld + "}");
    }

    /** Removes every key but the current signing key from the JWKS. */
    public void dropOldKeys() {
        admin("/drop-old", "{}");
    }

    /** While down, {@code /oidc/jwks} answers 503. */
    public void setJwksUp(boolean up) {
        admin("/jwks", "{\"up\":" + up + "}");
    }

    /** While down, {@code /oidc/token} answers 503; a delay slows every token answer. */
    public void setTokenEndpoint(boolean up, long delayMillis) {
        admin("/token", "{\"up\":" + up + ",\"delayMs\":" + delayMillis + "}");
    }

    /**
     * The next {@code count} token requests (-1: every one, 0: none) answer 429 Too Many
     * Requests, as a tenant over its rate limit or quota does, with {@code retryAfter} (seconds
     * or an HTTP-date; null: no header) as {@code Retry-After}. They still count as token requests.
     */
    public void rateLimitTokenRequests(int count, String retryAfter) {
        admin("/rate-limit", "{\"count\":" + count
                + (retryAfter == null ? "" : ",\"retryAfter\":\"" + retryAfter + "\"") + "}");
    }

    public long jwksRequests() {
        return ((Number) stats().get("jwksRequests")).longValue();
    }

    public long tokenRequests() {
        return ((Number) stats().get("tokenRequests")).longValue();
    }

    public void resetStats() {
        admin("/stats/reset", "{}");
    }

    private Map<String, Object> stats() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/__admin/stats")).GET()
                .timeout(REQUEST_TIMEOUT).build();
        return parse(send(request).body());
    }

    private void admin(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/__admin" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(REQUEST_TIMEOUT)
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("test issuer admin " + path + " failed: " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new IllegalStateException("test issuer answered something that is not JSON: " + json, e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private record Endpoints(String tenant, String customDomain) {
    }

    /** The result of a token request: HTTP status and the parsed JSON body. */
    public record TokenResponse(int status, Map<String, Object> body) {
        public String accessToken() {
            return (String) body.get("access_token");
        }

        public String error() {
            return (String) body.get("error");
        }

        /** Granted scopes, space separated, or null when none was granted. */
        public String scope() {
            return (String) body.get("scope");
        }
    }

    /** Apps, API resources and M2M grants of the issuer, as a Logto tenant would hold them. */
    public static final class Builder {
        private static final long READY_TIMEOUT_SECONDS = 60;
        private static final int MAX_LINES_KEPT = 40;

        private final List<Map<String, Object>> apps = new ArrayList<>();
        private final List<Map<String, Object>> resources = new ArrayList<>();
        private final Map<String, Map<String, Object>> organizations = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        private String signingAlg = "ES384";
        private boolean customDomain;

        public Builder resource(String indicator, long ttlSeconds, String... scopes) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("indicator", indicator);
            resource.put("scopes", List.of(scopes));
            resource.put("ttl", ttlSeconds);
            resources.add(resource);
            return this;
        }

        /** An M2M app whose roles grant {@code scopes} on {@code indicator}. */
        public Builder app(String id, String secret, String indicator, String... scopes) {
            Map<String, Object> app = apps.stream().filter(a -> a.get("id").equals(id)).findFirst().orElseGet(() -> {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("id", id);
                created.put("secret", secret);
                created.put("grants", new LinkedHashMap<String, Object>());
                apps.add(created);
                return created;
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> grants = (Map<String, Object>) app.get("grants");
            grants.put(indicator, List.of(scopes));
            return this;
        }

        /**
         * Lets the app (declared before) exchange personal access tokens for access tokens
         * (Logto Console: the app's "Allow token exchange"); without it Logto answers 400
         * invalid_request "requested grant type is not allowed for this client".
         */
        public Builder allowTokenExchange(String appId) {
            apps.stream().filter(a -> a.get("id").equals(appId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("declare app " + appId + " before allowing it token exchange"))
                    .put("allowTokenExchange", true);
            return this;
        }

        /**
         * A user holding {@code personalAccessToken} whose roles grant {@code scopes} on
         * {@code indicator}; exchanged, it gives a token with {@code sub} the user.
         */
        public Builder user(String id, String personalAccessToken, String indicator, String... scopes) {
            Map<String, Object> user = users.computeIfAbsent(id, k -> {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put("id", id);
                created.put("personalAccessTokens", new ArrayList<String>());
                created.put("grants", new LinkedHashMap<String, Object>());
                return created;
            });
            @SuppressWarnings("unchecked")
            List<String> tokens = (List<String>) user.get("personalAccessTokens");
            tokens.add(personalAccessToken);
            @SuppressWarnings("unchecked")
            Map<String, Object> grants = (Map<String, Object>) user.get("grants");
            grants.put(indicator, List.of(scopes));
            return this;
        }

        /** An organization whose template defines the organization {@code permissions}. */
        public Builder organization(String id, String... permissions) {
            Map<String, Object> organization = new LinkedHashMap<>();
            organization.put("id", id);
            organization.put("permissions", List.of(permissions));
            organization.put("members", new LinkedHashMap<String, Object>());
            organizations.put(id, organization);
            return this;
        }

        /**
         * Adds the app to the organization (declared before) with organization roles that hold
         * the organization {@code permissions}; what they grant on API resources is added by
         * {@link #organizationGrant}.
         */
        public Builder organizationMember(String organizationId, String appId, String... permissions) {
            member(organizationId, appId).put("permissions", List.of(permissions));
            return this;
        }

        /** The app's organization roles (it is a member) also grant {@code scopes} on {@code indicator}. */
        public Builder organizationGrant(String organizationId, String appId, String indicator, String... scopes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> grants = (Map<String, Object>) member(organizationId, appId)
                    .computeIfAbsent("grants", k -> new LinkedHashMap<String, Object>());
            grants.put(indicator, List.of(scopes));
            return this;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> member(String organizationId, String appId) {
            Map<String, Object> organization = organizations.get(organizationId);
            if (organization == null) {
                throw new IllegalArgumentException("declare organization " + organizationId + " before its members");
            }
            return (Map<String, Object>) ((Map<String, Object>) organization.get("members"))
                    .computeIfAbsent(appId, k -> new LinkedHashMap<String, Object>());
        }

        /** Also serves the tenant on a second endpoint, as a custom domain (see {@link #customDomainEndpoint()}). */
        public Builder customDomain() {
            this.customDomain = true;
            return this;
        }

        public Builder signingAlg(String alg) {
            this.signingAlg = alg;
            return this;
        }

        /**
         * Starts the issuer, and once more if the first process is not ready in time: a CI run
         * once hung here for its whole time limit, so a stalled start must end, say what the
         * process printed, and not cost the run.
         */
        public TestIssuer start() {
            try {
                return startOnce();
            } catch (NotReady first) {
                System.err.println("test issuer: " + first.getMessage() + "; starting it once more");
                return startOnce();
            }
        }

        private TestIssuer startOnce() {
            try {
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("apps", apps);
                config.put("resources", resources);
                config.put("organizations", new ArrayList<>(organizations.values()));
                config.put("users", new ArrayList<>(users.values()));
                config.put("signingAlg", signingAlg);
                config.put("customDomain", customDomain);
                Path file = Files.createTempFile("test-issuer", ".json");
                // issuer.mjs reads it before it says it is ready, so it can go then rather than at
                // JVM exit, which a killed test JVM never reaches.
                try {
                    Files.writeString(file, JsonUtil.toJson(config));
                    Path dir = nodeDir();
                    Process process = new ProcessBuilder("node", dir.resolve("issuer.mjs").toString(), file.toString())
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .start();
                    return new TestIssuer(process, awaitReady(process, dir));
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test issuer (is node on the PATH?)", e);
            }
        }

        /**
         * The endpoints the process announces. Its output is read on a thread of its own for as
         * long as it runs, so that a full pipe never stalls it and a silent one never stalls us.
         */
        private static Endpoints awaitReady(Process process, Path dir) {
            CompletableFuture<String> ready = new CompletableFuture<>();
            String[] customDomain = new String[1];
            List<String> printed = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("CUSTOM_DOMAIN_READY ")) {
                            customDomain[0] = line.substring("CUSTOM_DOMAIN_READY ".length()).trim();
                        } else if (line.startsWith("ISSUER_READY ")) {
                            ready.complete(line.substring("ISSUER_READY ".length()).trim());
                        } else if (!ready.isDone() && printed.size() < MAX_LINES_KEPT) {
                            printed.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the process has gone; the future says what that means
                }
                ready.complete(null);
            }, "test-issuer-output");
            reader.setDaemon(true);
            reader.start();
            try {
                String endpoint = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (endpoint == null) {
                    throw new IllegalStateException("the test issuer exited before it was ready (exit code "
                            + process.waitFor() + "); run 'npm ci' in " + dir + "; it printed: " + printed);
                }
                // the reader wrote customDomain before it completed the future with the next line
                return new Endpoints(endpoint, customDomain[0]);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new NotReady("the test issuer (pid " + process.pid() + ") was not ready within "
                        + READY_TIMEOUT_SECONDS + " s; it printed: " + printed);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while the test issuer started", e);
            }
        }

        private static Path nodeDir() throws IOException {
            Properties props = new Properties();
            try (InputStream in = TestIssuer.class.getResourceAsStream("issuer.properties")) {
                props.load(in);
            }
            return Path.of(props.getProperty("node.dir"));
        }
    }

    private static final class NotReady extends IllegalStateException {
        NotReady(String message) {
            super(message);
        }
    }
}

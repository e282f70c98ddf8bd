package dev.legacyguard.agent.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.ResourceSettings;
import dev.legacyguard.core.json.Json;

/**
 * One client-credentials request to the token endpoint, as Logto expects it: a form POST of
 * {@code grant_type}, {@code resource}, {@code organization_id} and {@code scope} (or, for the
 * {@code token} command, a token exchange of a personal access token), authenticated by the App ID and App
 * Secret in the same form ({@code client_secret_post}, RFC 6749 section 2.3.1, which Logto
 * accepts as well as Basic). Not Basic: the JDK's FINE logging of {@code HttpURLConnection},
 * which an application may turn on to debug its own calls, prints request headers; no JDK
 * logger prints a request body.
 */
public final class TokenClient {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long MAX_LIFETIME_SECONDS = 366L * 24 * 3600;
    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String PERSONAL_ACCESS_TOKEN = "urn:logto:token-type:personal_access_token";

    private final AgentSettings settings;
    private final long deadlineMillis;

    // Nothing here touches BigDecimal or URLEncoder: the client is built in premain, and
    // their first use alone costs the service tens of milliseconds of start-up on Java 25.
    public TokenClient(AgentSettings settings) {
        this(settings, CONNECT_TIMEOUT_MILLIS + READ_TIMEOUT_MILLIS);
    }

    /** {@code deadlineMillis}: the longest a whole request may take, answer included. */
    TokenClient(AgentSettings settings, long deadlineMillis) {
        this.settings = settings;
        this.deadlineMillis = deadlineMillis;
        ExchangeDeadline.reserveTimerThread();
    }

    /** The M2M app whose credentials this client sends (not secret). */
    String appId() {
        return settings.appId();
    }

    /** Asks for a token for {@code resource}; blocks for at most the connect and read timeouts together. */
    public TokenGrant request(ResourceSettings resource) throws TokenFailure {
        return post(resource, clientCredentialsForm(resource), null);
    }

    /**
     * Exchanges a user's personal access token for a token for {@code resource} (RFC 8693 as
     * Logto takes it: the app must allow token exchange); {@code sub} of the token is the user.
     * The personal access token, like the App Secret, appears in no failure message.
     */
    public TokenGrant exchange(ResourceSettings resource, String personalAccessToken) throws TokenFailure {
        return post(resource, exchangeForm(resource, personalAccessToken), personalAccessToken);
    }

    /** {@code subjectToken}: the token exchanged, hidden like the App Secret; null for client credentials. */
    private TokenGrant post(ResourceSettings resource, String requestForm, String subjectToken) throws TokenFailure {
        int status;
        String body;
        String retryAfter;
        ExchangeDeadline deadline = null;
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(settings.tokenEndpoint()).openConnection();
            deadline = ExchangeDeadline.start(connection, deadlineMillis);
            try {
                if (connection instanceof HttpsURLConnection) {
                    trustOnlyTheJvmDefaults((HttpsURLConnection) connection);
                }
                connection.setRequestMethod("POST");
                connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
                connection.setReadTimeout(READ_TIMEOUT_MILLIS);
                connection.setInstanceFollowRedirects(false);
                connection.setUseCaches(false);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                connection.setRequestProperty("Accept", "application/json");
                byte[] form = requestForm.getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(form);
                }
                status = connection.getResponseCode();
                retryAfter = connection.getHeaderField("Retry-After");
                body = read(status < 400 ? connection.getInputStream() : connection.getErrorStream(), deadline);
            } finally {
                deadline.cancel();
                connection.disconnect();
            }
        } catch (IOException | RuntimeException e) {
            throw TokenFailure.unreachable(settings, resource, subjectToken, deadline != null && deadline.passed()
                    ? new SocketTimeoutException("no complete answer within " + deadlineMillis + " ms") : e);
        }
        if (status == 429) {
            // Whatever the body says (a gateway's text, Logto's JSON): the limit is what matters.
            throw TokenFailure.rateLimited(settings, resource, RetryAfter.millis(retryAfter, System.currentTimeMillis()));
        }
        return interpret(resource, status, body, subjectToken);
    }

    /**
     * The App Secret must not follow a trust-all socket factory, default context or hostname
     * verifier that the application installed for its own calls: use the JVM's default trust
     * store ({@code javax.net.ssl.trustStore}) and the built-in host name check only. Hence the
     * provider's "Default" context, not {@code SSLContext.getDefault()}, which answers whatever
     * the application passed to {@code SSLContext.setDefault}.
     */
    private static void trustOnlyTheJvmDefaults(HttpsURLConnection connection) throws IOException {
        try {
            connection.setSSLSocketFactory(SSLContext.getInstance("Default").getSocketFactory());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no default TLS context in this JVM", e);
        }
        connection.setHostnameVerifier(RefuseHostNames.INSTANCE);
    }

    /**
     * Built per token request (rare), so the encoded secret lives no longer than the request.
     * With {@code organization_id} and no {@code resource} Logto gives an organization token.
     */
    private String clientCredentialsForm(ResourceSettings resource) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (resource.indicator() != null) {
            form.append("&resource=").append(formEncode(resource.indicator()));
        }
        if (resource.organizationId() != null) {
            form.append("&organization_id=").append(formEncode(resource.organizationId()));
        }
        return withScopesAndClient(form, resource);
    }

    private String exchangeForm(ResourceSettings resource, String personalAccessToken) {
        StringBuilder form = new StringBuilder("grant_type=").append(formEncode(TOKEN_EXCHANGE))
                .append("&subject_token=").append(formEncode(personalAccessToken))
                .append("&subject_token_type=").append(formEncode(PERSONAL_ACCESS_TOKEN))
                .append("&resource=").append(formEncode(resource.indicator()));
        return withScopesAndClient(form, resource);
    }

    private String withScopesAndClient(StringBuilder form, ResourceSettings resource) {
        if (!resource.scopes().isEmpty()) {
            form.append("&scope=").append(formEncode(String.join(" ", resource.scopes())));
        }
        return form.append("&client_id=").append(formEncode(settings.appId()))
                .append("&client_secret=").append(formEncode(settings.appSecret())).toString();
    }

    private TokenGrant interpret(ResourceSettings resource, int status, String body, String subjectToken)
            throws TokenFailure {
        if (body == null || body.trim().isEmpty()) {
            throw TokenFailure.unusable(settings, resource, status, "an empty body");
        }
        Map<?, ?> json;
        try {
            Object parsed = Json.parse(body);
            if (!(parsed instanceof Map)) {
                throw TokenFailure.unusable(settings, resource, status, "a body that is not a JSON object");
            }
            json = (Map<?, ?>) parsed;
        } catch (IllegalArgumentException e) {
            throw TokenFailure.unusable(settings, resource, status, "a body that is not JSON ("
                    + TokenFailure.foreign(settings, subjectToken, e.getMessage()) + ")");
        }
        if (status != 200) {
            Object error = json.get("error");
            if (!(error instanceof String)) {
                throw TokenFailure.unusable(settings, resource, status, "no OAuth error code");
            }
            Object description = json.get("error_description");
            throw TokenFailure.refused(settings, resource, subjectToken, status, (String) error,
                    description instanceof String ? (String) description : null);
        }
        Object token = json.get("access_token");
        if (!(token instanceof String) || !isHeaderSafe((String) token)) {
            throw TokenFailure.unusable(settings, resource, status, "no usable access_token");
        }
        Object type = json.get("token_type");
        if (!(type instanceof String) || !"bearer".equalsIgnoreCase((String) type)) {
            throw TokenFailure.unusable(settings, resource, status, (type == null ? "no token_type"
                    : "token_type " + TokenFailure.foreign(settings, subjectToken, String.valueOf(type))) + " instead of Bearer");
        }
        Object expiresIn = json.get("expires_in");
        // Any of the reader's number types, as written: its decimal text is exact for each.
        BigDecimal seconds = expiresIn instanceof Number ? new BigDecimal(expiresIn.toString()) : null;
        if (seconds == null || seconds.compareTo(BigDecimal.ONE) < 0) {
            throw TokenFailure.unusable(settings, resource, status, "no expires_in of at least 1 second");
        }
        // A lifetime beyond a year is taken as a year, so that the arithmetic on it cannot overflow.
        long lifetime = seconds.min(BigDecimal.valueOf(MAX_LIFETIME_SECONDS)).longValue();
        Object scope = json.get("scope");
        // Logto leaves "scope" out when it granted none.
        Set<String> granted = scope instanceof String ? scopeSet((String) scope) : Collections.<String>emptySet();
        return new TokenGrant((String) token, lifetime, granted, resource.scopes());
    }

    /** The granted scopes that are scope tokens (RFC 6749, 3.3): they are logged, so no other text of the answer is. */
    private static Set<String> scopeSet(String scope) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : scope.trim().split(" +")) {
            if (isScopeToken(s)) {
                scopes.add(s);
            }
        }
        return scopes;
    }

    /** Visible ASCII but the quote and the backslash (RFC 6749, 3.3). */
    private static boolean isScopeToken(String s) {
        return isHeaderSafe(s) && s.indexOf('"') < 0 && s.indexOf('\\') < 0;
    }

    /** A token goes into a header: visible ASCII only, so an answer can never inject a header line. */
    private static boolean isHeaderSafe(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * The answer's body, given up once the deadline has passed: closing the connection may not
     * stop a read in progress in time (the JDK's stream lock goes back to the reader between
     * dripped bytes), or may end it as a clean end of stream.
     */
    private static String read(InputStream in, ExchangeDeadline deadline) throws IOException {
        if (in == null) {
            return null;
        }
        try (InputStream body = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = body.read(buffer)) > 0; ) {
                checkDeadline(deadline);
                if (out.size() + n > MAX_BODY_BYTES) {
                    throw new IOException("token endpoint answer is larger than " + MAX_BODY_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            checkDeadline(deadline);
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    private static void checkDeadline(ExchangeDeadline deadline) throws SocketTimeoutException {
        if (deadline.passed()) {
            throw new SocketTimeoutException("cut off by the deadline");
        }
    }

    static String formEncode(String value) {
        try {
            return URLEncoder.encode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            // Every Java platform supports UTF-8.
            throw new IllegalStateException(e);
        }
    }

    /** Consulted only when the built-in check fails; refusing keeps that check final. */
    private static final class RefuseHostNames implements HostnameVerifier {
        static final RefuseHostNames INSTANCE = new RefuseHostNames();

        @Override
        public boolean verify(String host, SSLSession session) {
            return false;
        }
    }
}

package dev.legacyguard.filter;

import java.io.IOException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.legacyguard.filter.config.ConfigException;
import dev.legacyguard.filter.config.ConfigFile;
import dev.legacyguard.filter.config.ConfigSources;
import dev.legacyguard.filter.config.FilterSettings;
import dev.legacyguard.filter.config.SettingsLoader;
import dev.legacyguard.filter.http.AuthenticatedRequest;
import dev.legacyguard.filter.http.BearerAnswers;
import dev.legacyguard.filter.http.BearerTokenResolver;
import dev.legacyguard.filter.http.InvalidRequestException;
import dev.legacyguard.filter.http.MethodOverride;
import dev.legacyguard.filter.http.ProtectedResourceMetadata;
import dev.legacyguard.filter.log.Log;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.rules.RejectedPathException;
import dev.legacyguard.filter.rules.Requirement;
import dev.legacyguard.filter.rules.RequestPath;
import dev.legacyguard.filter.token.AccessToken;
import dev.legacyguard.filter.token.Failure;
import dev.legacyguard.filter.token.TokenFingerprint;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.Verification;
import dev.legacyguard.filter.token.VerifierOptions;

/**
 * Protects a web application with Logto access tokens, declared in {@code web.xml} and mapped
 * to {@code /*}. Everything is decided at {@link #init}: a bad setting stops the application
 * instead of letting it run unprotected. Per request: find the rule, check the token once,
 * check the scopes, and hand the application a request that knows who is calling.
 */
public final class LogtoBearerFilter implements Filter {
    private static final Log LOG = Log.get(LogtoBearerFilter.class);

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;

    private AccessRules rules;
    private TokenVerifier verifier;
    private BearerAnswers answers;
    private ProtectedResourceMetadata metadata;

    public LogtoBearerFilter() {
        this(null, null);
    }

    /** Tests pass their own system properties and environment; null means the process's own. */
    LogtoBearerFilter(Map<String, String> systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        FilterSettings settings;
        try {
            settings = load(config);
        } catch (ConfigException e) {
            LOG.error("Logto bearer filter not started: {}", e.getMessage());
            throw new ServletException("Logto bearer filter not started: " + e.getMessage());
        }
        for (String warning : settings.warnings()) {
            LOG.warn("{}", warning);
        }
        VerifierOptions options = settings.verifierOptions();
        rules = settings.rules();
        answers = new BearerAnswers(settings.realm(), settings.resourceMetadata());
        metadata = settings.resourceMetadata()
                ? new ProtectedResourceMetadata(options.audiences().get(0), options.issuer(), rules.scopes())
                : null;
        verifier = TokenVerifier.create(options);
        LOG.info("Logto bearer filter started: issuer {}, audiences {}, {} rules, unmatched requests {}",
                options.issuer(), options.audiences(), rules.size(), rules.unmatched().kind().name().toLowerCase(Locale.ROOT));
        LOG.info("Logto bearer filter verifies ECDSA signatures with {}", options.ecdsaProvider().describe());
    }

    private FilterSettings load(FilterConfig config) throws ConfigException {
        ServletContext context = config.getServletContext();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigFile file = ConfigFile.load(config.getInitParameter(ConfigFile.INIT_PARAM), context::getResourceAsStream,
                loader != null ? loader : LogtoBearerFilter.class.getClassLoader());
        Map<String, String> initParams = new LinkedHashMap<>();
        for (Enumeration<String> names = config.getInitParameterNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            initParams.put(name, config.getInitParameter(name));
        }
        return SettingsLoader.load(new ConfigSources(
                systemProperties != null ? systemProperties : ConfigSources.systemProperties(),
                environment != null ? environment : System.getenv(),
                initParams, file.values(), file.description()));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            // Nothing the client sent has changed since the REQUEST dispatch was judged; judging
            // again could refuse a request whose work the application has already begun.
            chain.doFilter(AuthenticatedRequest.resumed(request), response);
            return;
        }
        if (isCorsPreflight(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path;
        try {
            path = RequestPath.of(request);
        } catch (RejectedPathException e) {
            debug(request, "path", e.getMessage(), null);
            answers.rejectedPath(response, e.getMessage());
            return;
        }
        if (metadata != null && BearerAnswers.METADATA_PATH.equals(path)) {
            metadata.serve(request, response);
            return;
        }
        Requirement requirement = rules.requirementFor(request.getMethod(), path);
        List<String> overrides = MethodOverride.requested(request);
        Requirement denied = requirement.isDenied() ? requirement : deniedOverride(overrides, path);
        if (denied != null) {
            debug(request, "rule", "denied by " + denied.origin(), null);
            answers.denied(response, denied.origin());
            return;
        }
        if (requirement.isPublic() && allPublic(overrides, path)) {
            chain.doFilter(request, response);
            return;
        }
        String compact = bearerToken(request, response);
        if (compact == null) {
            return;
        }
        AccessToken token = verify(request, response, compact);
        if (token != null && !lacksScope(request, response, requirement, token, compact)
                && !overrideLacksScope(request, response, overrides, path, token, compact)) {
            chain.doFilter(new AuthenticatedRequest(request, token), response);
        }
    }

    /** The bearer token as sent, its syntax not yet checked, or null after an answer (400 or 401) has been sent. */
    private String bearerToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String compact;
        try {
            compact = BearerTokenResolver.candidate(request);
        } catch (InvalidRequestException e) {
            debug(request, "request", e.getMessage(), null);
            answers.invalidRequest(request, response, e.getMessage());
            return null;
        }
        if (compact == null) {
            debug(request, "token", "no bearer token", null);
            answers.missingToken(request, response);
        }
        return compact;
    }

    /**
     * The verified token, or null after an answer (400, 401 or 503) has been sent. The credential's
     * b64token syntax is checked only when the token fails the format check: every token that
     * passes it (and so every cached one) is a b64token, and scanning each character of a token
     * that passes was most of a cached request's cost.
     */
    private AccessToken verify(HttpServletRequest request, HttpServletResponse response, String compact) throws IOException {
        Verification verification = verifier.verify(compact);
        if (verification.valid()) {
            return verification.token();
        }
        Failure failure = verification.failure();
        if ("format".equals(failure.check())) {
            try {
                BearerTokenResolver.requireB64Token(compact);
            } catch (InvalidRequestException e) {
                debug(request, "request", e.getMessage(), null);
                answers.invalidRequest(request, response, e.getMessage());
                return null;
            }
        }
        debug(request, failure.check(), failure.description(), compact);
        if (failure.kind() == Failure.Kind.KEYS_UNAVAILABLE) {
            answers.keysUnavailable(response, failure.description(), failure.retryAfterSeconds());
        } else {
            answers.invalidToken(request, response, failure.description());
        }
        return null;
    }

    /** Sends the 403 and returns true when {@code token} lacks a scope {@code requirement} needs. */
    private boolean lacksScope(HttpServletRequest request, HttpServletResponse response, Requirement requirement,
                               AccessToken token, String compact) throws IOException {
        if (requirement.kind() != Requirement.Kind.SCOPES || requirement.satisfiedBy(token.scopes())) {
            return false;
        }
        List<String> missing = requirement.missingFrom(token.scopes());
        debug(request, "scope", "missing " + missing + " required by " + requirement.origin(), compact);
        answers.insufficientScope(request, response, requirement, missing);
        return true;
    }

    private boolean overrideLacksScope(HttpServletRequest request, HttpServletResponse response, List<String> overrides,
                                       String path, AccessToken token, String compact) throws IOException {
        if (overrides != null) {
            for (String method : overrides) {
                if (lacksScope(request, response, rules.requirementFor(method, path), token, compact)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Requirement deniedOverride(List<String> overrides, String path) {
        if (overrides != null) {
            for (String method : overrides) {
                Requirement requirement = rules.requirementFor(method, path);
                if (requirement.isDenied()) {
                    return requirement;
                }
            }
        }
        return null;
    }

    private boolean allPublic(List<String> overrides, String path) {
        if (overrides != null) {
            for (String method : overrides) {
                if (!rules.requirementFor(method, path).isPublic()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A CORS preflight carries no credentials by design; the application's CORS handling answers it. */
    private static boolean isCorsPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    private static void debug(HttpServletRequest request, String check, String reason, String token) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("rejected {} {}: [{}] {}{}", request.getMethod(), request.getRequestURI(), check, reason,
                    token == null ? "" : " (token " + TokenFingerprint.of(token) + ")");
        }
    }

    @Override
    public void destroy() {
        if (verifier != null) {
            verifier.close();
        }
    }
}

package dev.legacyguard.filter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.log.Fingerprint;
import dev.legacyguard.filter.config.ConfigFile;
import dev.legacyguard.filter.config.ConfigSources;
import dev.legacyguard.filter.config.FilterSettings;
import dev.legacyguard.filter.config.SettingsLoader;
import dev.legacyguard.filter.config.StartupLine;
import dev.legacyguard.filter.decision.Decider;
import dev.legacyguard.filter.decision.RequestDecision;
import dev.legacyguard.filter.http.AuthenticatedRequest;
import dev.legacyguard.filter.http.BearerAnswers;
import dev.legacyguard.filter.http.ProtectedResourceMetadata;
import dev.legacyguard.filter.jmx.FilterMBeanRegistration;
import dev.legacyguard.filter.jmx.RequestCounts;
import dev.legacyguard.filter.log.Log;
import dev.legacyguard.filter.rules.AccessRules;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.VerifierOptions;

/**
 * Protects a web application with Logto access tokens, declared in {@code web.xml} and mapped
 * to {@code /*}. Everything is decided at {@link #init}: a bad setting stops the application
 * instead of letting it run unprotected. Per request: the {@link Decider} decides (rules, token,
 * scopes) without sending anything, then this filter acts on the decision in one place: passes
 * the request on, as one that knows who is calling, or sends the answer.
 */
public final class LogtoBearerFilter implements Filter {
    private static final Log LOG = Log.get(LogtoBearerFilter.class);

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;

    private TokenVerifier verifier;
    private Decider decider;
    private BearerAnswers answers;
    private ProtectedResourceMetadata metadata;
    private final RequestCounts counts = new RequestCounts();
    private FilterMBeanRegistration mbean;

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
        AccessRules rules = settings.rules();
        answers = new BearerAnswers(settings.realm(), settings.resourceMetadata());
        metadata = settings.resourceMetadata()
                ? new ProtectedResourceMetadata(options.audiences().get(0), options.issuer(), rules.scopes())
                : null;
        verifier = TokenVerifier.create(options);
        decider = new Decider(rules, verifier, metadata != null, settings.passCorsPreflights());
        ServletContext context = config.getServletContext();
        mbean = FilterMBeanRegistration.register(ManagementFactory.getPlatformMBeanServer(), virtualHost(context),
                context.getContextPath(), config.getFilterName(), counts, verifier);
        LOG.info("Logto bearer filter started: {}", StartupLine.of(settings));
        LOG.info("Logto bearer filter verifies ECDSA signatures with {}", options.ecdsaProvider().describe());
    }

    /** Tomcat names the host ("Catalina/localhost"); a Servlet 3.0 container has no such method. */
    private static String virtualHost(ServletContext context) {
        try {
            return context.getVirtualServerName();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
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
        RequestDecision decision = decider.decide(request);
        counts.count(decision);
        if (decision.refused()) {
            debug(request, decision);
        }
        switch (decision.outcome()) {
            case PASS_RESUMED:
                chain.doFilter(AuthenticatedRequest.resumed(request), response);
                break;
            case PASS_PREFLIGHT:
            case PASS_PUBLIC:
                chain.doFilter(request, response);
                break;
            case PASS_AUTHENTICATED:
                chain.doFilter(new AuthenticatedRequest(request, decision.token()), response);
                break;
            case SERVE_METADATA:
                metadata.serve(request, response);
                break;
            case REJECTED_PATH:
                answers.rejectedPath(response, decision.description());
                break;
            case DENIED:
                answers.denied(response, decision.requirement().origin());
                break;
            case INVALID_REQUEST:
                answers.invalidRequest(request, response, decision.description());
                break;
            case MISSING_TOKEN:
                answers.missingToken(request, response);
                break;
            case INVALID_TOKEN:
                answers.invalidToken(request, response, decision.description());
                break;
            case KEYS_UNAVAILABLE:
                answers.keysUnavailable(response, decision.description(), decision.retryAfterSeconds());
                break;
            case INSUFFICIENT_SCOPE:
                answers.insufficientScope(request, response, decision.requirement(), decision.missingScopes());
                break;
            case WRONG_ORGANIZATION:
                answers.wrongOrganization(request, response, decision.requirement(), decision.description());
                break;
            default:
                throw new IllegalStateException("no answer for " + decision.outcome());
        }
    }

    private static void debug(HttpServletRequest request, RequestDecision refusal) {
        if (LOG.isDebugEnabled()) {
            String token = refusal.compactToken();
            LOG.debug("rejected {} {}: [{}] {}{}", request.getMethod(), request.getRequestURI(), refusal.check(),
                    refusal.description(), token == null ? "" : " (token " + Fingerprint.of(token) + ")");
        }
    }

    @Override
    public void destroy() {
        if (mbean != null) {
            mbean.close();
        }
        if (verifier != null) {
            verifier.close();
        }
    }
}

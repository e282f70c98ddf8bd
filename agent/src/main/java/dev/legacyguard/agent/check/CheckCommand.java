package dev.legacyguard.agent.check;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.AgentSettingsLoader;
import dev.legacyguard.agent.config.ConfigException;
import dev.legacyguard.agent.config.ResourceSettings;
import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.token.ScopeAdvice;
import dev.legacyguard.agent.token.TokenClient;
import dev.legacyguard.agent.token.TokenFailure;
import dev.legacyguard.agent.token.TokenGrant;
import dev.legacyguard.core.log.Fingerprint;

/**
 * {@code java -jar logto-agent.jar check CONFIG}: validates the configuration and asks the
 * token endpoint for a token for every resource, printing per resource what was granted or
 * what to fix. Exit code 0 when every resource got a token with all requested scopes, 1 when
 * some did not, 2 when the configuration (or the command line) is wrong.
 */
public final class CheckCommand {

    static final int OK = 0;
    static final int TOKEN_PROBLEMS = 1;
    static final int CONFIG_ERROR = 2;

    private CheckCommand() {
    }

    /** @param args {@code [check] CONFIG}, where CONFIG is {@code PATH} or {@code config=PATH} */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, System.getenv(), System.getProperties());
    }

    static int run(String[] args, PrintStream out, Map<String, String> environment, Properties systemProperties) {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("check")) {
            arguments = arguments.subList(1, arguments.size());
        }
        if (arguments.size() != 1) {
            out.println("usage: java -jar logto-agent.jar check CONFIG  (CONFIG: the agent's properties file; "
                    + "keys may also come from system properties and LOGTO_* environment variables)");
            return CONFIG_ERROR;
        }
        AgentSettings settings;
        try {
            settings = AgentSettingsLoader.load(arguments.get(0), environment, systemProperties, AgentLog.to(out));
        } catch (ConfigException e) {
            out.println("config: ERROR " + e.getMessage());
            return CONFIG_ERROR;
        }
        out.println("config: ok; token endpoint " + settings.tokenEndpoint() + ", app " + settings.appId()
                + ", secret " + Fingerprint.of(settings.appSecret()) + ", on-token-failure "
                + settings.onTokenFailure().configValue() + ", " + settings.resources().size() + " resource(s)");
        TokenClient client = new TokenClient(settings);
        int succeeded = 0;
        for (ResourceSettings resource : settings.resources()) {
            if (check(client, settings, resource, out)) {
                succeeded++;
            }
        }
        int total = settings.resources().size();
        out.println(succeeded == total ? "all " + total + " resource(s) ok"
                : (total - succeeded) + " of " + total + " resource(s) have problems");
        return succeeded == total ? OK : TOKEN_PROBLEMS;
    }

    private static boolean check(TokenClient client, AgentSettings settings, ResourceSettings resource, PrintStream out) {
        String label = "resource '" + resource.name() + "' (" + resource.target() + ", urls " + resource.urls() + "): ";
        TokenGrant grant;
        try {
            grant = client.request(resource);
        } catch (TokenFailure failure) {
            out.println(label + "FAILED: token endpoint " + failure.problem() + "; fix: " + failure.advice());
            return false;
        }
        String granted = grant.grantedScopes().isEmpty() ? "no scopes" : "scopes " + String.join(" ", grant.grantedScopes());
        String token = "token " + Fingerprint.of(grant.accessToken()) + " with " + granted + ", expires in "
                + grant.expiresInSeconds() + " s";
        if (grant.missingScopes().isEmpty()) {
            out.println(label + "ok, " + token);
            return true;
        }
        out.println(label + "MISSING SCOPES " + String.join(" ", grant.missingScopes()) + " (Logto dropped them; "
                + token + "); fix: " + ScopeAdvice.howToGrant(resource, settings.appId()));
        return false;
    }
}

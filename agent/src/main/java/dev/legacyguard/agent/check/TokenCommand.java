package dev.legacyguard.agent.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * {@code java -jar logto-agent.jar token CONFIG [--resource NAME] [--personal-access-token -|PAT]}:
 * prints an access token for a configured resource, for {@code curl -H "Authorization: Bearer ..."}.
 * With a personal access token, the configured app exchanges it (the token is the user's);
 * without, the app's client credentials are used, as the agent uses them. Standard output gets
 * the token alone, so that {@code $(...)} captures it; what it is (fingerprint, scopes, expiry)
 * and every error go to standard error. Exit code 0 with a token, 1 when the token endpoint
 * gave none, 2 when the configuration or the command line is wrong.
 */
public final class TokenCommand {

    static final int OK = 0;
    static final int NO_TOKEN = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: java -jar logto-agent.jar token CONFIG [--resource NAME]"
            + " [--personal-access-token -|PAT]  (NAME: a logto.resource.NAME of CONFIG, needed when it has several;"
            + " '-' reads the personal access token from standard input)";

    private TokenCommand() {
    }

    /** @param args {@code [token] CONFIG [--resource NAME] [--personal-access-token -|PAT]} */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, System.getenv(), System.getProperties());
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment,
            Properties systemProperties) {
        Request request = Request.parse(args);
        if (request == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        AgentSettings settings;
        try {
            settings = AgentSettingsLoader.load(request.config, environment, systemProperties, AgentLog.to(err));
        } catch (ConfigException e) {
            err.println("config: ERROR " + e.getMessage());
            return USAGE;
        }
        ResourceSettings resource = resource(settings, request.resource, err);
        if (resource == null) {
            return USAGE;
        }
        String personalAccessToken = null;
        if (request.personalAccessToken != null) {
            if (resource.indicator() == null || resource.organizationId() != null) {
                err.println("resource '" + resource.name() + "' is asked for in organization " + resource.organizationId()
                        + "; this command exchanges personal access tokens for API resources without an organization only:"
                        + " use a resource without " + resource.key("organization-id") + ", or leave out --personal-access-token");
                return USAGE;
            }
            personalAccessToken = personalAccessToken(request.personalAccessToken, in, err);
            if (personalAccessToken == null) {
                return USAGE;
            }
        }
        TokenClient client = new TokenClient(settings);
        String how = personalAccessToken == null ? "client credentials of app " + settings.appId()
                : "personal access token " + Fingerprint.of(personalAccessToken) + " exchanged by app " + settings.appId();
        TokenGrant grant;
        try {
            grant = personalAccessToken == null ? client.request(resource) : client.exchange(resource, personalAccessToken);
        } catch (TokenFailure failure) {
            err.println("no token for resource '" + resource.name() + "' (" + resource.target() + ") from " + how
                    + ": token endpoint " + failure.problem() + "; fix: " + failure.advice());
            return NO_TOKEN;
        }
        err.println("token " + Fingerprint.of(grant.accessToken()) + " for resource '" + resource.name() + "' ("
                + resource.target() + ") from " + how + ", "
                + (grant.grantedScopes().isEmpty() ? "no scopes" : "scopes " + String.join(" ", grant.grantedScopes()))
                + ", expires in " + grant.expiresInSeconds() + " s");
        if (!grant.missingScopes().isEmpty()) {
            err.println("MISSING SCOPES " + String.join(" ", grant.missingScopes()) + " (Logto dropped them); fix: "
                    + (personalAccessToken == null ? ScopeAdvice.howToGrant(resource, settings.appId())
                    : "in Logto Console, assign the user a role that holds them"));
        }
        out.println(grant.accessToken());
        out.flush();
        return OK;
    }

    private static ResourceSettings resource(AgentSettings settings, String name, PrintStream err) {
        List<String> names = new ArrayList<>();
        for (ResourceSettings resource : settings.resources()) {
            if (resource.name().equals(name) || name == null && settings.resources().size() == 1) {
                return resource;
            }
            names.add(resource.name());
        }
        err.println((name == null ? "the configuration has several resources: name one with --resource NAME"
                : "no resource '" + name + "' in the configuration") + "; configured: " + String.join(", ", names));
        return null;
    }

    /** {@code -}: the first line of standard input, which keeps the token out of the shell history. */
    private static String personalAccessToken(String argument, InputStream in, PrintStream err) {
        String token = argument;
        if (argument.equals("-")) {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                token = line == null ? "" : line.trim();
            } catch (IOException e) {
                err.println("could not read the personal access token from standard input: " + e.getMessage());
                return null;
            }
        } else {
            err.println("note: a personal access token given on the command line stays in the shell history and is"
                    + " visible in the process list; give --personal-access-token - and pipe it in instead");
        }
        if (token.isEmpty()) {
            err.println("no personal access token: give it with --personal-access-token -, on standard input"
                    + " (create one in Logto Console: User management, the user's details, \"Personal access tokens\")");
            return null;
        }
        return token;
    }

    /** The command line, or null when it does not fit the usage. */
    private static final class Request {
        String config;
        String resource;
        String personalAccessToken;

        static Request parse(String[] args) {
            List<String> arguments = Arrays.asList(args);
            if (!arguments.isEmpty() && arguments.get(0).equals("token")) {
                arguments = arguments.subList(1, arguments.size());
            }
            Request request = new Request();
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                boolean hasValue = i + 1 < arguments.size();
                if (argument.equals("--resource") && hasValue && request.resource == null) {
                    request.resource = arguments.get(++i);
                } else if (argument.equals("--personal-access-token") && hasValue && request.personalAccessToken == null) {
                    request.personalAccessToken = arguments.get(++i);
                } else if (!argument.startsWith("--") && request.config == null) {
                    request.config = argument;
                } else {
                    return null;
                }
            }
            return request.config == null ? null : request;
        }
    }
}

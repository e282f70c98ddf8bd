package dev.legacyguard.filter.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.filter.config.ConfigFile;
import dev.legacyguard.filter.config.ConfigSources;
import dev.legacyguard.filter.config.FilterSettings;
import dev.legacyguard.filter.config.SettingsLoader;

/**
 * {@code java -jar logto-servlet-filter-<v>-all.jar explain --config FILE TOKEN}: the answer
 * to "why do I get 401?", from the same configuration and the same checks as the filter.
 */
public final class Main {
    static final int ACCEPTED = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: java -jar logto-servlet-filter-all.jar explain --config FILE [--method METHOD] [--path PATH] TOKEN",
            "",
            "  Checks TOKEN (or '-' to read it from standard input) the way the filter would, printing",
            "  each check (format, typ, alg, key, signature, iss, aud, exp, nbf, scopes) with PASS or FAIL.",
            "  --config FILE    the filter's properties file (a file path or classpath:NAME); logto.* system",
            "                   properties and LOGTO_* environment variables apply as in the filter",
            "  --path PATH      a path inside the application, e.g. /api/products/1, to check the rules' scopes",
            "  --method METHOD  the HTTP method for --path (default GET)",
            "",
            "  exit code: 0 the filter would let the request through, 1 it would refuse it, 2 bad arguments or configuration");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, ConfigSources.systemProperties(), System.getenv()));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                   Map<String, String> systemProperties, Map<String, String> environment) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (arguments == null) {
            out.println(USAGE_TEXT);
            return ACCEPTED;
        }
        FilterSettings settings;
        String token;
        try {
            settings = load(arguments.config, systemProperties, environment);
            token = "-".equals(arguments.token) ? readLine(in) : arguments.token;
        } catch (ConfigException | IOException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        for (String warning : settings.warnings()) {
            err.println("warning: " + warning);
        }
        return new Explanation(settings, out).explain(token, arguments.method, arguments.path) ? ACCEPTED : REJECTED;
    }

    private static FilterSettings load(String config, Map<String, String> systemProperties,
                                       Map<String, String> environment) throws ConfigException {
        String location = config.startsWith("classpath:") ? config : Paths.get(config).toAbsolutePath().toString();
        ConfigFile file = ConfigFile.load(location, null, Main.class.getClassLoader());
        return SettingsLoader.load(new ConfigSources(systemProperties, environment,
                Collections.<String, String>emptyMap(), file.values(), file.description()));
    }

    private static String readLine(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        String line = reader.readLine();
        if (line == null || line.trim().isEmpty()) {
            throw new IOException("no token on standard input");
        }
        return line.trim();
    }
}

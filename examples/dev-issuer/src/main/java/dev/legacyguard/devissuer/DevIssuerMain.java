package dev.legacyguard.devissuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.legacyguard.devissuer.config.ConfigException;
import dev.legacyguard.devissuer.config.IssuerConfig;
import dev.legacyguard.devissuer.http.DevIssuer;

/**
 * {@code java -jar dev-issuer.jar [--config FILE] [--port N] [--host ADDRESS]}: runs the
 * development issuer until the process is stopped. Without {@code --config} it serves the
 * example apps and resources bundled in the jar.
 */
public final class DevIssuerMain {

    static final String EXAMPLE_CONFIG = "example-issuer.properties";
    private static final String USAGE =
            "usage: java -jar dev-issuer.jar [--config FILE] [--port N (default 3001, 0 = free port)] "
                    + "[--host NAME (default localhost; the issuer URL is built from it)]";

    private DevIssuerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        String config = null;
        String host = "localhost";
        int port = 3001;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> config = value(args, ++i);
                    case "--host" -> host = value(args, ++i);
                    case "--port" -> port = port(value(args, ++i));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            IssuerConfig issuerConfig = config == null ? exampleConfig() : IssuerConfig.load(Path.of(config));
            DevIssuer issuer = DevIssuer.start(issuerConfig, host, port, out);
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "dev-issuer-stop"));
            out.println("[dev-issuer] FOR DEVELOPMENT ONLY. Try: curl -s -u APP_ID:APP_SECRET -d grant_type=client_credentials"
                    + " -d resource=INDICATOR -d 'scope=SCOPES' " + issuer.tokenEndpoint());
            new CountDownLatch(1).await();
        } catch (IllegalArgumentException e) {
            System.err.println("[dev-issuer] " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        } catch (ConfigException | java.io.UncheckedIOException e) {
            System.err.println("[dev-issuer] " + e.getMessage());
            System.exit(2);
        }
    }

    /** The apps and resources of the examples, as shipped in the jar. */
    public static IssuerConfig exampleConfig() throws ConfigException {
        try (InputStream in = DevIssuerMain.class.getResourceAsStream(EXAMPLE_CONFIG)) {
            if (in == null) {
                throw new ConfigException("the jar lacks " + EXAMPLE_CONFIG + "; rebuild it or pass --config FILE");
            }
            return IssuerConfig.load(in, "classpath:" + EXAMPLE_CONFIG);
        } catch (IOException e) {
            throw new ConfigException("cannot read the bundled " + EXAMPLE_CONFIG + ": " + e.getMessage());
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException("--port " + text + " is not a port number (0-65535; 0 picks a free port)");
    }
}

package dev.legacyguard.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for 127.0.0.1 and localhost made with the JDK's keytool at test time: a
 * PKCS12 key store for the https server and a trust store holding only that certificate for
 * the forked JVM ({@code -Djavax.net.ssl.trustStore}).
 */
record SelfSignedCertificate(Path keyStore, Path trustStore, String password) {

    static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
        String password = "changeit";
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.cer");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password);
        keytool("-exportcert", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
        return new SelfSignedCertificate(keyStore, trustStore, password);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        // Only read back for the exception message, which carries it, so it never outlives the call.
        Path log = Files.createTempFile("keytool", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

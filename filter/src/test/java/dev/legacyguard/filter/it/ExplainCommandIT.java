package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ProductsTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code java -jar <the -all jar> explain}, run exactly as the README says, in a JVM whose
 * class path is that one jar: the manifest, the relocated jose4j and its private slf4j must be
 * enough to fetch the JWKS and check a real token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainCommandIT {

    private ProductsTenant tenant;
    private Path config;

    @BeforeAll
    void start() throws IOException {
        tenant = ProductsTenant.start();
        config = BuildOutputs.workDir(getClass()).resolve("logto.properties");
        Files.writeString(config, String.join("\n",
                "logto.endpoint = " + tenant.issuer().endpoint(),
                "logto.audience = " + ProductsTenant.audiences(),
                "logto.rule.1 = GET /api/products/** : read:products",
                ""));
    }

    @AfterAll
    void stop() {
        if (tenant != null) {
            tenant.close();
        }
    }

    @Test
    void passesEveryCheckOfAValidTokenAndExitsZero() throws Exception {
        Run run = explain(tenant.readToken());

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("PASS signature"), run::toString);
        assertTrue(run.out.contains("PASS scopes"), run::toString);
    }

    @Test
    void namesTheFailedAudienceCheckAndExitsOne() throws Exception {
        Run run = explain(tenant.otherApiToken());

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.out.contains("PASS signature"), run::toString);
        assertTrue(run.out.contains("FAIL aud") && run.out.contains(ProductsTenant.OTHER_API), run::toString);
    }

    private Run explain(String token) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", BuildOutputs.allJar().toString(),
                "explain", "--config", config.toString(), "--path", "/api/products/42", token))
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("explain did not finish within 60 s:\n" + out);
        }
        return new Run(process.exitValue(), out);
    }

    private record Run(int exitCode, String out) {
    }
}

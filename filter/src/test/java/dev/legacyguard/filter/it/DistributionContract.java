package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract in a real container distribution run as its own JVM, with the test WAR deployed
 * three times: at {@code /app}; at {@code /pass}, whose logto.properties says
 * {@code logto.cors.preflight = pass}; and at {@code /cors}, behind the container's own CORS
 * filter or handler allowing {@link #ALLOWED_ORIGIN}.
 */
public abstract class DistributionContract extends ProtectedWarContract {

    private ProductsTenant tenant;
    private ContainerProcess container;

    /** Starts the container with the three WARs, built under {@code work}, trusting {@code tenant}. */
    protected abstract ContainerProcess start(ProductsTenant tenant, Path work) throws IOException;

    @BeforeAll
    void startContainer() throws IOException {
        tenant = ProductsTenant.start();
        container = start(tenant, BuildOutputs.workDir(getClass()));
        Reply health = http.get(app().resolve("health"), null);
        if (health.status() != 200) {
            throw new IllegalStateException("the test WAR did not start: " + health + "\n" + container.logs());
        }
    }

    @AfterAll
    void stopContainer() {
        if (container != null) {
            container.close();
        }
        if (tenant != null) {
            tenant.close();
        }
    }

    /** The {@code java} launcher that runs the container: the build's JDK unless a subclass names another. */
    protected String java() {
        return ContainerProcess.java();
    }

    /** Everything the container has logged so far. */
    protected String logs() {
        return container.logs();
    }

    @Override
    protected ProductsTenant tenant() {
        return tenant;
    }

    @Override
    protected URI app() {
        return container.uri("app");
    }

    @Override
    protected URI preflightPassingApp() {
        return container.uri("pass");
    }

    @Override
    protected URI corsFrontedApp() {
        return container.uri("cors");
    }

    /** The test WAR has no slf4j, so the filter logs through java.util.logging into the container's logs. */
    @Test
    void logsItsStartupLineThroughJavaUtilLoggingInAWarWithoutSlf4j() {
        assertTrue(logs().contains("Logto bearer filter started"), this::logs);
    }
}

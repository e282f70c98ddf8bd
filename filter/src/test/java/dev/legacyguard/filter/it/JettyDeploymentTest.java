package dev.legacyguard.filter.it;

import java.util.Map;

import dev.legacyguard.filter.it.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class with its own issuer and its own Jetty, the WAR configured with {@link #settings()}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JettyDeploymentTest {

    protected final Http http = new Http();
    protected JettyDeployment deployment;

    /** Lines appended to the WAR's logto.properties. */
    protected abstract Map<String, String> settings();

    @BeforeAll
    void deploy() {
        deployment = JettyDeployment.start(getClass(), settings());
    }

    @AfterAll
    void undeploy() {
        if (deployment != null) {
            deployment.close();
        }
    }
}

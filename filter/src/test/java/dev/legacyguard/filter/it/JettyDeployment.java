package dev.legacyguard.filter.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;
import dev.legacyguard.filter.it.support.Jetty12;
import dev.legacyguard.filter.it.support.ProductsTenant;

/**
 * One issuer and one embedded Jetty 12 for a test class, the test WAR deployed at /app with
 * the issuer's endpoint, the accepted audiences and the class's own settings appended to its
 * logto.properties.
 */
final class JettyDeployment implements AutoCloseable {

    final ProductsTenant tenant;
    final Jetty12 jetty;
    final URI app;
    private final Path work;
    private final Map<String, String> settings;

    private JettyDeployment(ProductsTenant tenant, Jetty12 jetty, Path work, Map<String, String> settings) {
        this.tenant = tenant;
        this.jetty = jetty;
        this.work = work;
        this.settings = settings;
        this.app = deploy("/app");
    }

    static JettyDeployment start(Class<?> testClass, Map<String, String> settings) {
        ProductsTenant tenant = ProductsTenant.start();
        try {
            return new JettyDeployment(tenant, Jetty12.start(), BuildOutputs.workDir(testClass), settings);
        } catch (RuntimeException e) {
            tenant.close();
            throw e;
        }
    }

    /** Deploys another copy of the WAR: a fresh filter with nothing cached. */
    URI deploy(String contextPath) {
        return jetty.deploy(war(contextPath, Map.of()).build(), contextPath);
    }

    void undeploy(String contextPath) {
        jetty.undeploy(contextPath);
    }

    /** Another copy of the WAR with {@code extra} settings appended to its logto.properties. */
    URI deploy(String contextPath, Map<String, String> extra) {
        return jetty.deploy(war(contextPath, extra).build(), contextPath);
    }

    /** Another copy of the WAR behind Jetty's own CrossOriginHandler, which allows {@code origin}. */
    URI deployBehindCrossOriginHandler(String contextPath, String origin) {
        return jetty.deployBehindCrossOriginHandler(war(contextPath, Map.of()).build(), contextPath, origin);
    }

    private ExplodedWar war(String contextPath, Map<String, String> extra) {
        ExplodedWar war = tenant.trustedBy(TestWars.jakarta(work.resolve(contextPath.substring(1))));
        settings.forEach(war::property);
        extra.forEach(war::property);
        return war;
    }

    URI products() {
        return app.resolve("api/products/42");
    }

    @Override
    public void close() {
        try {
            jetty.close();
        } finally {
            tenant.close();
        }
    }
}

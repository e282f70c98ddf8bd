package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.Http;
import dev.legacyguard.filter.it.support.ProductsTenant;
import dev.legacyguard.filter.it.support.TomcatProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two copies of the test WAR in the real Tomcat 10.1 distribution, watched as an operator
 * would: the JDK's remote JMX agent switched on with system properties on Tomcat's command
 * line, and a JMX connector from this JVM. Each web app has its own bean; Tomcat's own
 * context operations (reload, stop) take the bean with the filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatJmxIT {

    private static final String HOST = "Catalina/localhost";

    private final Http http = new Http();
    private ProductsTenant tenant;
    private ContainerProcess tomcat;
    private JMXConnector connector;
    private MBeanServerConnection jmx;

    @BeforeAll
    void start() throws IOException {
        tenant = ProductsTenant.start();
        Path work = BuildOutputs.workDir(getClass());
        int jmxPort = ContainerProcess.freePort();
        tomcat = TomcatProcess.start(ContainerProcess.java(), BuildOutputs.tomcatHome(), work.resolve("base"), Map.of(
                "app", TestWars.jakarta(work.resolve("war-app")).build(),
                "other", TestWars.jakarta(work.resolve("war-other")).build()), Map.of(
                "logto.endpoint", tenant.issuer().endpoint(),
                "logto.audience", ProductsTenant.audiences(),
                "com.sun.management.jmxremote.port", String.valueOf(jmxPort),
                "com.sun.management.jmxremote.rmi.port", String.valueOf(jmxPort),
                "com.sun.management.jmxremote.host", "127.0.0.1",
                "com.sun.management.jmxremote.authenticate", "false",
                "com.sun.management.jmxremote.ssl", "false"), List.of());
        // Tomcat binds its port before it deploys: a first answer from each app says it is deployed.
        for (String app : List.of("app", "other")) {
            if (http.get(tomcat.uri(app).resolve("health"), null).status() != 200) {
                throw new IllegalStateException("the test WAR did not start in Tomcat at /" + app + "\n" + tomcat.logs());
            }
        }
        connector = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        jmx = connector.getMBeanServerConnection();
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (connector != null) {
                connector.close();
            }
        } finally {
            if (tomcat != null) {
                tomcat.close();
            }
            if (tenant != null) {
                tenant.close();
            }
        }
    }

    @Test
    void eachWebAppHasItsOwnBeanNamedByHostAndContextPath() throws Exception {
        assertEquals(Set.of(filterBean("/app"), filterBean("/other")),
                jmx.queryNames(new ObjectName("dev.legacyguard:type=LogtoBearerFilter,*"), null),
                () -> "beans: " + names());
    }

    @Test
    void countsTheRefusalsOfItsOwnWebAppOnly() throws Exception {
        long before = (Long) jmx.getAttribute(filterBean("/app"), "RequestsRefused");
        long otherBefore = (Long) jmx.getAttribute(filterBean("/other"), "RequestsRefused");
        assertEquals(401, http.get(tomcat.uri("app").resolve("api/products/42"), null).status());
        assertEquals(200, http.get(tomcat.uri("app").resolve("api/products/42"), tenant.readToken()).status());

        assertEquals(before + 1, jmx.getAttribute(filterBean("/app"), "RequestsRefused"));
        TabularData byOutcome = (TabularData) jmx.getAttribute(filterBean("/app"), "RequestsByOutcome");
        assertTrue((Long) byOutcome.get(new Object[] {"MISSING_TOKEN"}).get("value") >= 1, byOutcome::toString);
        assertTrue((Long) jmx.getAttribute(filterBean("/app"), "RequestsAccepted") >= 1);
        assertEquals(otherBefore, jmx.getAttribute(filterBean("/other"), "RequestsRefused"));
        assertEquals("succeeded", jmx.getAttribute(filterBean("/app"), "JwksLastFetchOutcome"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aReloadStartsAFreshBeanAndStoppingTheWebAppRemovesIt() throws Exception {
        assertEquals(401, http.get(tomcat.uri("other").resolve("api/products/42"), null).status());
        assertTrue((Long) jmx.getAttribute(filterBean("/other"), "RequestsRefused") >= 1);

        jmx.invoke(webModule("/other"), "reload", null, null);
        assertEquals(0L, jmx.getAttribute(filterBean("/other"), "RequestsRefused"), "the reloaded filter's own bean");

        jmx.invoke(webModule("/other"), "stop", null, null);
        assertFalse(jmx.isRegistered(filterBean("/other")), "the bean must go when its web app stops");
        assertTrue(jmx.isRegistered(filterBean("/app")));
    }

    private String names() {
        try {
            return String.valueOf(jmx.queryNames(new ObjectName("dev.legacyguard:*"), null)) + " domains "
                    + String.join(",", jmx.getDomains());
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static ObjectName filterBean(String contextPath) throws Exception {
        return new ObjectName("dev.legacyguard:type=LogtoBearerFilter,host=" + HOST + ",context=" + contextPath
                + ",filter=logto");
    }

    /** Tomcat's own bean of the web app, whose operations an operator uses in jconsole or the manager. */
    private static ObjectName webModule(String contextPath) throws Exception {
        return new ObjectName("Catalina:j2eeType=WebModule,name=//localhost" + contextPath
                + ",J2EEApplication=none,J2EEServer=none");
    }
}

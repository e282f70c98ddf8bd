package dev.legacyguard.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.junit.jupiter.api.Test;

/**
 * The filter's MXBean in embedded Jetty, read as jconsole reads it: through the platform MBean
 * server, by name and attribute, never through the filter's objects (each web app has its own
 * class loader, so they could not be cast anyway).
 */
class JettyJmxIT extends JettyDeploymentTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Override
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Test
    void countsEachRefusalByItsReasonAndTheAcceptedRequests() throws Exception {
        URI app = deployment.deploy("/counted");
        ObjectName name = nameOf("/counted");
        String read = deployment.tenant.readToken();
        URI products = app.resolve("api/products/42");

        assertEquals(200, http.get(products, read).status());
        assertEquals(200, http.get(products, read).status());
        assertEquals(200, http.get(app.resolve("health"), null).status());
        assertEquals(401, http.get(products, null).status());
        assertEquals(401, http.get(products, deployment.tenant.otherApiToken()).status());
        assertEquals(403, http.post(products, read, "{}").status());

        assertEquals(3L, server.getAttribute(name, "RequestsAccepted"));
        assertEquals(3L, server.getAttribute(name, "RequestsRefused"));
        TabularData byOutcome = (TabularData) server.getAttribute(name, "RequestsByOutcome");
        assertEquals(2L, count(byOutcome, "PASS_AUTHENTICATED"));
        assertEquals(1L, count(byOutcome, "PASS_PUBLIC"));
        assertEquals(1L, count(byOutcome, "MISSING_TOKEN"));
        assertEquals(1L, count(byOutcome, "INVALID_TOKEN"));
        assertEquals(1L, count(byOutcome, "INSUFFICIENT_SCOPE"));
        assertEquals(0L, count(byOutcome, "DENIED"));
        TabularData byCheck = (TabularData) server.getAttribute(name, "InvalidTokensByCheck");
        assertEquals(1L, count(byCheck, "aud"), "a token for another API fails the audience check");
        assertEquals(1, byCheck.size());
    }

    @Test
    void showsTheKeysTheirFetchAndTheTokenCache() throws Exception {
        URI app = deployment.deploy("/keys");
        ObjectName name = nameOf("/keys");
        String read = deployment.tenant.readToken();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get(app.resolve("api/products/42"), read).status());
        }

        assertEquals("succeeded", server.getAttribute(name, "JwksLastFetchOutcome"));
        assertNotNull(server.getAttribute(name, "JwksLastFetchTime"));
        assertTrue(((Date) server.getAttribute(name, "KeysFetchedAt")).getTime() > 0);
        assertEquals(deployment.tenant.issuer().jwksUri(), server.getAttribute(name, "JwksUri"));
        assertEquals(publishedKids(), new TreeSet<>(Arrays.asList((String[]) server.getAttribute(name, "KeyIds"))));
        assertEquals(1, server.getAttribute(name, "CachedTokens"));
        assertEquals(1L, server.getAttribute(name, "CacheMisses"), "the first request verifies the token");
        assertEquals(2L, server.getAttribute(name, "CacheHits"));
        assertEquals(2.0 / 3, (Double) server.getAttribute(name, "CacheHitRate"), 1e-9);
    }

    @Test
    void eachWebAppHasItsOwnBeanAndUndeployingRemovesIt() throws Exception {
        URI first = deployment.deploy("/first");
        deployment.deploy("/second");
        assertEquals(401, http.get(first.resolve("api/products/42"), null).status());

        assertEquals(1L, server.getAttribute(nameOf("/first"), "RequestsRefused"));
        assertEquals(0L, server.getAttribute(nameOf("/second"), "RequestsRefused"));

        ObjectName second = nameOf("/second");
        deployment.undeploy("/second");
        assertFalse(server.isRegistered(second), "the bean must go with its web app");
        assertTrue(server.isRegistered(nameOf("/first")));

        deployment.deploy("/second");
        assertEquals(0L, server.getAttribute(nameOf("/second"), "RequestsRefused"), "a redeployment starts afresh");
    }

    /** The one bean of the web app at {@code contextPath}, whatever host key the container adds. */
    private ObjectName nameOf(String contextPath) throws Exception {
        Set<ObjectName> names = server.queryNames(
                new ObjectName("dev.legacyguard:type=LogtoBearerFilter,context=" + contextPath + ",filter=logto,*"), null);
        assertEquals(1, names.size(), () -> "beans for " + contextPath + ": " + names);
        return names.iterator().next();
    }

    private Set<String> publishedKids() {
        Set<String> kids = new TreeSet<>();
        Matcher kid = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(http.get(URI.create(deployment.tenant.issuer().jwksUri()), null).body());
        while (kid.find()) {
            kids.add(kid.group(1));
        }
        assertFalse(kids.isEmpty());
        return kids;
    }

    private static long count(TabularData table, String key) {
        CompositeData row = table.get(new Object[] {key});
        assertNotNull(row, () -> key + " missing from " + table.keySet());
        return (Long) row.get("value");
    }
}

package dev.legacyguard.filter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.keys.JwksServer;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.VerifierOptions;

/** The filter's bean in an MBean server of its own: its name, and its life across redeployments. */
class FilterMBeanRegistrationTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private JwksServer jwks;
    private TokenVerifier verifier;

    @BeforeEach
    void verifier() throws IOException {
        jwks = JwksServer.start();
        verifier = TokenVerifier.create(VerifierOptions.builder().issuer("https://tenant.example.com/oidc")
                .jwksUri(jwks.url()).audiences(List.of("https://api.example.com")).build());
    }

    @AfterEach
    void close() {
        verifier.close();
        jwks.close();
    }

    @Test
    void namesTheBeanByHostContextPathAndFilterName() {
        FilterMBeanRegistration bean = register("Catalina/localhost", "/shop", "logto");
        assertEquals("dev.legacyguard:type=LogtoBearerFilter,host=Catalina/localhost,context=/shop,filter=logto",
                bean.name().toString());
        assertTrue(server.isRegistered(bean.name()));
    }

    @Test
    void namesTheRootContextSlashAndQuotesValuesAnObjectNameCannotHoldAsTheyAre() throws Exception {
        FilterMBeanRegistration bean = register(null, "", "logto,filter=x");
        assertEquals("/", bean.name().getKeyProperty("context"));
        assertEquals("logto,filter=x", ObjectName.unquote(bean.name().getKeyProperty("filter")));
        assertEquals(null, bean.name().getKeyProperty("host"));
    }

    @Test
    void readsTheCountsThroughTheMBeanServer() throws Exception {
        FilterMBeanRegistration bean = register(null, "/shop", "logto");
        assertEquals(0L, server.getAttribute(bean.name(), "RequestsRefused"));
        assertEquals(jwks.url(), server.getAttribute(bean.name(), "JwksUri"));
        assertEquals(0.0, server.getAttribute(bean.name(), "CacheHitRate"));
    }

    @Test
    void unregistersWhenClosed() {
        FilterMBeanRegistration bean = register(null, "/shop", "logto");
        bean.close();
        assertFalse(server.isRegistered(bean.name()));
    }

    @Test
    void replacesABeanLeftUnderItsNameAndTheLeftoversCloseThenKeepsTheNewOne() throws Exception {
        FilterMBeanRegistration leftover = register(null, "/shop", "logto");
        RequestCounts fresh = new RequestCounts();
        FilterMBeanRegistration redeployed =
                FilterMBeanRegistration.register(server, null, "/shop", "logto", fresh, verifier);
        assertTrue(server.isRegistered(redeployed.name()));

        leftover.close();
        assertTrue(server.isRegistered(redeployed.name()), "the old deployment's stop must not remove the new bean");
        redeployed.close();
        assertFalse(server.isRegistered(redeployed.name()));
    }

    private FilterMBeanRegistration register(String host, String contextPath, String filterName) {
        return FilterMBeanRegistration.register(server, host, contextPath, filterName, new RequestCounts(), verifier);
    }
}

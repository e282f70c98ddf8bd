package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.BasicHttpContext;
import org.junit.jupiter.api.Test;

class NamedGetterTest {

    @Test
    void readsHttpClient4sRouteTargetThroughTheInterfaceTheRouteImplements() throws Exception {
        org.apache.http.HttpHost target = new org.apache.http.HttpHost("shop.internal", 8080);
        assertSame(target, NamedGetter.HTTPCLIENT_4_ROUTE_TARGET.get(new org.apache.http.conn.routing.HttpRoute(target)));
    }

    @Test
    void readsHttpClient5sRouteFromTheContextAndItsTarget() throws Exception {
        org.apache.hc.core5.http.HttpHost target = new org.apache.hc.core5.http.HttpHost("https", "shop.internal", 8443);
        org.apache.hc.client5.http.HttpRoute route = new org.apache.hc.client5.http.HttpRoute(target);
        HttpClientContext context = HttpClientContext.create();
        context.setRoute(route);
        assertSame(route, NamedGetter.HTTPCLIENT_5_CONTEXT_ROUTE.get(context));
        assertSame(target, NamedGetter.HTTPCLIENT_5_ROUTE_TARGET.get(route));
    }

    @Test
    void answersNullForAnObjectNotOfTheTypeAndForNull() throws Exception {
        assertNull(NamedGetter.HTTPCLIENT_5_CONTEXT_ROUTE.get(new BasicHttpContext()));
        assertNull(NamedGetter.HTTPCLIENT_4_ROUTE_TARGET.get("http://shop.internal"));
        assertNull(NamedGetter.HTTPCLIENT_4_ROUTE_TARGET.get(null));
    }
}

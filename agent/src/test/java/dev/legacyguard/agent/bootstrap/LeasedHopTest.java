package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeasedHopTest {

    private static final String URL = "https://shop.internal/api/orders";

    private final Object request = new Object();
    private final LeasedHop leased = new LeasedHop(request, "/api/orders", "shop.internal", URL, false);

    @Test
    void theHopSendingTheSameRequestWithTheSameTargetAndHostTakesTheUrl() {
        LeasedHop taken = LeasedHop.takenFor(leased, request, "/api/orders", "shop.internal");
        assertSame(leased, taken);
        assertEquals(URL, taken.url());
        assertFalse(taken.throughProxy());
        assertTrue(new LeasedHop(request, URL, "shop.internal", URL, true).throughProxy());
    }

    @Test
    void anotherRequestObjectIsWorkedOutAfresh() {
        // A redirect hop sends a new request object.
        assertNull(LeasedHop.takenFor(leased, new Object(), "/api/orders", "shop.internal"));
    }

    @Test
    void aRequestTargetRewrittenAfterTheLeaseIsWorkedOutAfresh() {
        // HttpClient 5.2+ runs the application's request interceptors between the lease and the send.
        assertNull(LeasedHop.takenFor(leased, request, "/payments/orders", "shop.internal"));
        assertNull(LeasedHop.takenFor(leased, request, null, "shop.internal"));
        LeasedHop withoutTarget = new LeasedHop(request, null, "shop.internal", URL, false);
        assertSame(withoutTarget, LeasedHop.takenFor(withoutTarget, request, null, "shop.internal"));
        assertNull(LeasedHop.takenFor(withoutTarget, request, "/api/orders", "shop.internal"));
    }

    @Test
    void aHostHeaderOtherThanTheOneWorkedOutWithIsWorkedOutAfresh() {
        assertNull(LeasedHop.takenFor(leased, request, "/api/orders", "other.internal"));
        assertNull(LeasedHop.takenFor(leased, request, "/api/orders", null));
        LeasedHop withoutHost = new LeasedHop(request, "/api/orders", null, URL, false);
        assertSame(withoutHost, LeasedHop.takenFor(withoutHost, request, "/api/orders", null));
        assertNull(LeasedHop.takenFor(withoutHost, request, "/api/orders", "shop.internal"));
    }

    @Test
    void aCopyOfTheRequestAimedAlikeIsAimedAsTheHopWorkedOut() {
        // HttpClient 5 async sends a copy of the request to a forward proxy, after its interceptors ran.
        assertSame(leased, LeasedHop.aimedAs(leased, "/api/orders", "shop.internal"));
        assertNull(LeasedHop.aimedAs(leased, "/payments/orders", "shop.internal"));
        assertNull(LeasedHop.aimedAs(leased, "/api/orders", "other.internal"));
        assertNull(LeasedHop.aimedAs("a string an application keeps under the name", "/api/orders", "shop.internal"));
    }

    @Test
    void nothingKeptOrSomethingElseKeptIsNoLeasedHop() {
        assertNull(LeasedHop.takenFor(null, request, "/api/orders", "shop.internal"));
        assertNull(LeasedHop.takenFor("a string an application keeps under the name", request, "/api/orders",
                "shop.internal"));
    }
}

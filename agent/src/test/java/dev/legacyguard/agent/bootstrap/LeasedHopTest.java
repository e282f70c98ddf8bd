package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LeasedHopTest {

    private static final String URL = "https://shop.internal/api/orders";
    private static final String TOKEN = "Bearer agent-token";

    private final Object request = new Object();
    private final LeasedHop decided = new LeasedHop(request, URL, "shop.internal", TOKEN);

    @Test
    void theHopSendingTheSameRequestWithTheSameHostTakesTheDecision() {
        LeasedHop taken = LeasedHop.takenFor(decided, request, "shop.internal");
        assertSame(decided, taken);
        assertEquals(URL, taken.url());
        assertEquals(TOKEN, taken.headerFor(null, null));
    }

    @Test
    void anotherRequestObjectIsDecidedAfresh() {
        // A redirect hop or a retry through another exec chain pass sends a new request object.
        assertNull(LeasedHop.takenFor(decided, new Object(), "shop.internal"));
    }

    @Test
    void aHostHeaderOtherThanTheOneDecidedWithIsDecidedAfresh() {
        assertNull(LeasedHop.takenFor(decided, request, "other.internal"));
        assertNull(LeasedHop.takenFor(decided, request, null));
        LeasedHop withoutHost = new LeasedHop(request, URL, null, TOKEN);
        assertSame(withoutHost, LeasedHop.takenFor(withoutHost, request, null));
        assertNull(LeasedHop.takenFor(withoutHost, request, "shop.internal"));
    }

    @Test
    void nothingKeptOrSomethingElseKeptIsNoDecision() {
        assertNull(LeasedHop.takenFor(null, request, "shop.internal"));
        assertNull(LeasedHop.takenFor("a string an application keeps under the name", request, "shop.internal"));
    }

    @Test
    void anAuthorizationHeaderWrittenAfterTheLeaseIsLeftAlone() {
        // The exec chain writes the application's preemptive credentials between lease and send.
        assertSame(Authorizations.LEAVE_ALONE, decided.headerFor("Basic YXBwOnNlY3JldA==", null));
        assertSame(Authorizations.LEAVE_ALONE, decided.headerFor("Basic YXBwOnNlY3JldA==", TOKEN));
    }

    @Test
    void theAgentsOwnHeaderFromAnEarlierPassIsReplacedByTheDecision() {
        assertEquals(TOKEN, decided.headerFor(TOKEN, TOKEN));
        LeasedHop noToken = new LeasedHop(request, "https://elsewhere.internal/", "elsewhere.internal", null);
        assertNull(noToken.headerFor(TOKEN, TOKEN));
    }
}

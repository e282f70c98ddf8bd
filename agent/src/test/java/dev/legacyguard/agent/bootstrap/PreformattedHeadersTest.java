package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreformattedHeadersTest {

    private static final String HEADER = "Bearer eyJhbGciOiJFUzM4NCJ9.first";

    @Test
    void givesTheLineKeptForTheSameHeaderString() {
        PreformattedHeaders kept = PreformattedHeaders.APACHE_HTTPCLIENT4;
        Object line = new Object();
        kept.keep(HEADER, line);
        // The broker hands out the same string object, but an equal one is the same header.
        assertSame(line, kept.madeFor(new String(HEADER)));
    }

    @Test
    void givesNoLineForAnotherHeaderString() {
        PreformattedHeaders kept = PreformattedHeaders.APACHE_HTTPCLIENT5;
        Object line = new Object();
        kept.keep(HEADER, line);
        assertNull(kept.madeFor("Bearer eyJhbGciOiJFUzM4NCJ9.refreshed"));
        assertNull(kept.madeFor(null));
        kept.keep("Bearer eyJhbGciOiJFUzM4NCJ9.refreshed", new Object());
        assertNull(kept.madeFor(HEADER), "only the last line is kept");
    }

    @Test
    void holdsTheLineOnlyWeakly() throws InterruptedException {
        PreformattedHeaders kept = PreformattedHeaders.APACHE_HTTPCLIENT4;
        // A line of a web application's copy of the client must not keep its class loader, nor
        // the slot a token after its time. (Asks for collections: not under -XX:+DisableExplicitGC.)
        kept.keep(HEADER, new Object());
        for (int i = 0; i < 50 && kept.madeFor(HEADER) != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(kept.madeFor(HEADER));
    }

    @Test
    void writesAsItIsOnlyAHeaderOfPrintableAscii() {
        assertTrue(PreformattedHeaders.mayBeWrittenAsIs(HEADER));
        assertTrue(PreformattedHeaders.mayBeWrittenAsIs("Bearer ~!#$%&'*+-.^_`|"));
        for (String broken : new String[] {"Bearer a\r\nX-Injected: 1", "Bearer a\nb", "Bearer a\u000bb", "Bearer a\u000cb",
                "Bearer a\tb", "Bearer a\u0000b", "Bearer a\u007fb", "Bearer caf\u00e9", "Bearer \u2028"}) {
            assertFalse(PreformattedHeaders.mayBeWrittenAsIs(broken), broken);
        }
    }
}

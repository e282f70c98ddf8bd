package dev.legacyguard.agent.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"shop.internal:8443", "SHOP.Internal:8443", "shop.internal.:8443", " shop.internal:8443 "})
    void namesTheHostOfTheUrlWhateverItsCaseOrTrailingDot(String header) throws UrlRefused {
        assertTrue(namesHostOf(header, "https://shop.internal:8443/api/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop.internal", "shop.internal:443"})
    void aMissingPortIsTheSchemesDefault(String header) throws UrlRefused {
        assertTrue(namesHostOf(header, "https://shop.internal/api/x"));
        assertFalse(namesHostOf(header, "https://shop.internal:8443/api/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin.internal:8443", "shop.internal:8080", "shop.internal.evil.com:8443",
            "shop.internal:8443@evil.com", "evil.com/shop.internal:8443", "shop%2einternal:8443", "shop.internal:8443 x",
            "", "[::1]:8443", "shop.internal:0"})
    void anythingElseNamesAnotherHost(String header) throws UrlRefused {
        assertFalse(namesHostOf(header, "https://shop.internal:8443/api/x"));
    }

    @Test
    void ipv6LiteralsAreComparedAsWritten() throws UrlRefused {
        assertTrue(namesHostOf("[::1]:8080", "http://[::1]:8080/api/"));
        assertFalse(namesHostOf("[0:0:0:0:0:0:0:1]:8080", "http://[::1]:8080/api/"));
    }

    private static boolean namesHostOf(String header, String url) throws UrlRefused {
        return HostHeader.namesHostOf(header, UrlParts.ofRequest(url));
    }
}

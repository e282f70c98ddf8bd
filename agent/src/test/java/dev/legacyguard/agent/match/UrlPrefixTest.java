package dev.legacyguard.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPrefixTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://shop.internal/api/ | has scheme 'ftp', not http or https",
        "/api/ | is not an absolute URL",
        "https://user:pw@shop.internal/api/ | contains user info",
        "https://shop.internal/api/?x=1 | has a query or fragment",
        "https://shop.internal/api/#top | has a query or fragment",
        "https://shop.internal/api/../admin/ | has a '.' or '..' path segment",
        "https://shop.internal:0/api/ | has port '0'",
        "https://shop internal/api/ | has ' ' in its host",
        "https:shop.internal/api/ | has no '//' after the scheme",
        "https://shop..internal/api/ | has an empty label in its host",
    })
    void refusesPrefixesThatAreNotPlainHttpUrls(String text, String reason) {
        UrlRefused refused = assertThrows(UrlRefused.class, () -> UrlPrefix.parse(text));
        assertTrue(refused.getMessage().startsWith(reason), refused.getMessage());
    }

    @Test
    void canonicalFormHasLowerCaseHostAndOmitsDefaultPort() throws UrlRefused {
        assertEquals("https://shop.internal/api/", UrlPrefix.parse("HTTPS://Shop.Internal.:443/api/").toString());
        assertEquals("http://shop.internal:8080/", UrlPrefix.parse("http://shop.internal:8080").toString());
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:3001/api/, false",
        "http://127.0.0.1/, false",
        "http://127.255.0.9:8080/, false",
        "http://[::1]:3001/, false",
        "https://logto.example/, false",
        "http://logto.example/, true",
        "http://localhost.example/, true",
        "http://127.0.0.1.example/, true",
        "http://127.example/, true",
        "http://[::2]/, true",
    })
    void plainHttpLeavesThisMachineUnlessTheWholeHostIsLoopback(String prefix, boolean offThisMachine) throws UrlRefused {
        assertEquals(offThisMachine, UrlPrefix.parse(prefix).isPlainHttpOffThisMachine());
    }

    @Test
    void prefixesNamingTheSamePlaceAreEqual() throws UrlRefused {
        assertEquals(UrlPrefix.parse("https://shop.internal:443/api/"), UrlPrefix.parse("https://SHOP.internal/api/"));
    }
}

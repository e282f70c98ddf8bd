package dev.legacyguard.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlMatcherTest {

    private static UrlMatcher<String> matcher(String... prefixAndName) throws UrlRefused {
        Map<UrlPrefix, String> prefixes = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndName.length; i += 2) {
            prefixes.put(UrlPrefix.parse(prefixAndName[i]), prefixAndName[i + 1]);
        }
        return new UrlMatcher<>(prefixes);
    }

    private final UrlMatcher<String> shop = matcher("https://shop.internal:8443/api/", "shop");

    UrlMatcherTest() throws UrlRefused {
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://shop.internal:8443/api/",
        "https://shop.internal:8443/api/products",
        "https://shop.internal:8443/api/products/7?fields=name",
        "https://shop.internal:8443/api/x#section",
        "HTTPS://SHOP.Internal:8443/api/x",
        "hTtPs://shop.internal:8443/api/x",
        "https://shop.internal.:8443/api/x",
        "https://shop.internal:8443/api//x",
        "https://shop.internal:8443/api/x?next=/../../admin",
    })
    void matchesUrlsUnderThePrefix(String url) {
        assertEquals("shop", shop.match(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://shop.internal.evil.com:8443/api/x",
        "https://shop.internal@evil.com:8443/api/x",
        "https://shop.internal:8443@evil.com/api/x",
        "https://evil.com#@shop.internal:8443/api/x",
        "https://evil.com?@shop.internal:8443/api/x",
        "https://evil.com\\@shop.internal:8443/api/x",
        "https://shop.internal\\@evil.com:8443/api/x",
        "https://evilshop.internal:8443/api/x",
        "https://shop.internal:8444/api/x",
        "https://shop.internal/api/x",
        "http://shop.internal:8443/api/x",
        "https://shop.internal:8443/apix",
        "https://shop.internal:8443/api",
        "https://shop.internal:8443/API/x",
        "https://shop.internal:8443/other/api/x",
        "https://shop%2einternal:8443/api/x",
        "https://shop.internal%2F@evil.com:8443/api/x",
        "https://shop.internal:08443x/api/x",
        "https://shop.internal:99999/api/x",
        "https://:8443/api/x",
        "ftp://shop.internal:8443/api/x",
        "http\u017f://shop.internal:8443/api/x",
        "httpss://shop.internal:8443/api/x",
        "htt://shop.internal:8443/api/x",
        "//shop.internal:8443/api/x",
        "/api/x",
        "shop.internal:8443/api/x",
        "",
    })
    void doesNotMatchOtherHostsPortsSchemesPathsOrTricks(String url) {
        assertNull(shop.match(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://shop.internal:8443/api/../admin",
        "https://shop.internal:8443/api/./x",
        "https://shop.internal:8443/api/x/..",
        "https://shop.internal:8443/api/%2e%2e/admin",
        "https://shop.internal:8443/api/%2E%2E/admin",
        "https://shop.internal:8443/api/.%2e/admin",
        "https://shop.internal:8443/api/%252e%252e/admin",
        "https://shop.internal:8443/api/..;/admin",
        "https://shop.internal:8443/api/..;jsessionid=1/admin",
        "https://shop.internal:8443/api/..%2Fadmin",
        "https://shop.internal:8443/api/x%2F..%2F..%2Fadmin",
        "https://shop.internal:8443/api/..%5Cadmin",
        "https://shop.internal:8443/api/%c0%ae%c0%ae/admin",
        "https://shop.internal:8443/api/..\\admin",
        "https://shop.internal:8443/api/x y",
        "https://shop.internal:8443/api/x\ty",
    })
    void refusesPathsThatCouldLeaveThePrefixOnTheServer(String url) {
        assertNull(shop.match(url), url);
    }

    @Test
    void prefixWithoutTrailingSlashMatchesItselfAndBelowButNotLongerSegments() throws UrlRefused {
        UrlMatcher<String> api = matcher("https://shop.internal/api", "api");
        assertEquals("api", api.match("https://shop.internal/api"));
        assertEquals("api", api.match("https://shop.internal/api/x"));
        assertEquals("api", api.match("https://shop.internal/api?x=1"));
        assertNull(api.match("https://shop.internal/apix"));
        assertNull(api.match("https://shop.internal/api;x"));
    }

    @Test
    void defaultPortsAreTheSameAsNoPort() throws UrlRefused {
        UrlMatcher<String> both = matcher("https://secure.internal/", "secure", "http://plain.internal:80/", "plain");
        assertEquals("secure", both.match("https://secure.internal:443/x"));
        assertEquals("secure", both.match("https://secure.internal"));
        assertEquals("plain", both.match("http://plain.internal/x"));
        assertNull(both.match("https://secure.internal:80/x"));
        assertNull(both.match("http://secure.internal:443/x"));
        assertNull(both.match("https://plain.internal/x"));
    }

    @Test
    void longestPrefixWinsWhenPrefixesOverlap() throws UrlRefused {
        UrlMatcher<String> overlapping = matcher("https://h.internal/", "all", "https://h.internal/api/admin/", "admin",
                "https://h.internal/api/", "api");
        assertEquals("admin", overlapping.match("https://h.internal/api/admin/users"));
        assertEquals("api", overlapping.match("https://h.internal/api/products"));
        assertEquals("all", overlapping.match("https://h.internal/health"));
    }

    @Test
    void internationalisedHostConfiguredInUnicodeMatchesRequestsInPunycode() throws UrlRefused {
        UrlMatcher<String> idn = matcher("https://bücher.example/api/", "books");
        assertEquals("books", idn.match("https://xn--bcher-kva.example/api/x"));
        assertEquals("books", idn.match("https://XN--BCHER-KVA.example/api/x"));
        assertNull(idn.match("https://bucher.example/api/x"));
    }

    @Test
    void requestToAUnicodeHostGetsNoTokenSinceClientsResolveItTheirOwnWay() throws UrlRefused {
        assertNull(matcher("https://bücher.example/api/", "books").match("https://bücher.example/api/x"));
        // U+3002 IDEOGRAPHIC FULL STOP becomes '.' in IDNA: "shop。internal" must not pass for shop.internal.
        assertNull(shop.match("https://shop\u3002internal:8443/api/x"));
    }

    @Test
    void ipv6LiteralsMatchByTheirTextualForm() throws UrlRefused {
        UrlMatcher<String> loopback = matcher("http://[::1]:8080/api/", "v6");
        assertEquals("v6", loopback.match("http://[::1]:8080/api/x"));
        assertNull(loopback.match("http://[::2]:8080/api/x"));
        assertNull(loopback.match("http://[::1%25eth0]:8080/api/x"));
        assertNull(loopback.match("http://[::1]x:8080/api/x"));
    }

    @Test
    void nullUrlMatchesNothing() {
        assertNull(shop.match((String) null));
    }
}

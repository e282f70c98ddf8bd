package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "http://shop.internal:8080, /api/orders?x=1, http://shop.internal:8080/api/orders?x=1",
            "https://shop.internal, api/orders, https://shop.internal/api/orders",
            "http://proxy-target, HTTP://shop.internal/api/, HTTP://shop.internal/api/",
            "http://proxy-target, https://shop.internal/api/, https://shop.internal/api/"})
    void joinsTheOriginWithTheRequestTargetUnlessTheTargetIsAbsolute(String origin, String target, String url) {
        assertEquals(url, RequestUrls.join(origin, target));
    }

    @ParameterizedTest
    @CsvSource({"/api/orders", "api/orders"})
    void knowsNoUrlForARelativeTargetWithoutOrigin(String target) {
        assertNull(RequestUrls.join(null, target));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 401 Unauthorized|401",
            "HTTP/1.0 200|200",
            "HTTP/1.1 2x0 Odd|-1",
            "garbage|-1"})
    void readsTheStatusCodeOfAStatusLine(String line, int status) {
        assertEquals(status, RequestUrls.statusOf(line));
    }
}

package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.net.URIAuthority;
import org.junit.jupiter.api.Test;
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
    @CsvSource(nullValues = "null", value = {
            "https, shop.internal, 8443, https://shop.internal:8443",
            "http, shop.internal, -1, http://shop.internal",
            "null, 127.0.0.1, 8080, http://127.0.0.1:8080",
            "https, null, 443, null"})
    void formsTheOriginAsApacheHttpClient5Does(String scheme, String host, int port, String origin) {
        assertEquals(origin, RequestUrls.origin(scheme, host, port));
    }

    /** The HttpClient 5 advice builds the URL from these parts instead of parsing a URI per request. */
    @ParameterizedTest
    @CsvSource({
            "http://shop.internal:8080/api/orders?x=1",
            "https://shop.internal/api/",
            "http://127.0.0.1",
            "https://shop.internal:8443/a%20b/./c?q=%2F#frag",
            "HTTPS://Shop.Internal/API/"})
    void buildsTheUrlApacheHttpClient5WouldParseFromARequest(String uri) throws Exception {
        HttpGet request = new HttpGet(uri);
        URIAuthority authority = request.getAuthority();
        String path = request.getPath();
        assertEquals(request.getUri().toString(), RequestUrls.join(
                RequestUrls.origin(request.getScheme(), authority.getHostName(), authority.getPort()),
                path == null ? "/" : path));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "https, shop.internal, 8443, /api/orders?x=1",
            "http, shop.internal, -1, api/orders",
            "null, 127.0.0.1, 8080, /",
            "http, [::1], 8080, /api/",
            "http, proxy-target, 3128, HTTP://shop.internal/api/",
            "http, proxy-target, 3128, https://shop.internal/api/",
            "https, null, 443, /api/orders",
            "https, null, 443, https://shop.internal/api/"})
    void joinsInOneGoWhatOriginThenJoinWouldJoin(String scheme, String host, int port, String target) {
        assertEquals(RequestUrls.join(RequestUrls.origin(scheme, host, port), target), RequestUrls.join(scheme, host, port, target));
    }

    /** The HttpClient 4 advice builds the route's origin from its parts instead of HttpHost.toURI. */
    @ParameterizedTest
    @CsvSource({"shop.internal, 8443, https", "Shop.Internal, -1, http", "[::1], 8080, http", "127.0.0.1, 80, HTTP"})
    void formsTheOriginAsApacheHttpClient4Does(String host, int port, String scheme) {
        org.apache.http.HttpHost target = new org.apache.http.HttpHost(host, port, scheme);
        assertEquals(target.toURI() + "/x", RequestUrls.join(target.getSchemeName(), target.getHostName(), target.getPort(), "/x"));
    }

    @ParameterizedTest
    @CsvSource({"/api/orders", "api/orders"})
    void knowsNoUrlForARelativeTargetWithoutOrigin(String target) {
        assertNull(RequestUrls.join(null, target));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "http, shop.internal, 8080, /api/orders, x=1, http://shop.internal:8080/api/orders?x=1",
            "http, shop.internal, 8080, /api/orders, ?x=1, http://shop.internal:8080/api/orders?x=1",
            "https, shop.internal, 443, api/orders, null, https://shop.internal:443/api/orders",
            "https, shop.internal, 443, null, null, https://shop.internal:443/",
            "null, shop.internal, -1, /a, null, http://shop.internal/a"})
    void putsAPathAndQueryHeldApartUnderTheOrigin(String scheme, String host, int port, String path, String query,
            String url) {
        assertEquals(url, RequestUrls.under(scheme, host, port, path, query));
    }

    @ParameterizedTest
    @CsvSource({
            "http://shop.internal/api/, http://elsewhere.example:80/http://shop.internal/api/",
            "//shop.internal/api/, http://elsewhere.example:80//shop.internal/api/"})
    void keepsAPathWrittenAsAUrlUnderTheOriginTheConnectionGoesTo(String path, String url) {
        assertEquals(url, RequestUrls.under("http", "elsewhere.example", 80, path, null));
    }

    @Test
    void knowsNoUrlForAPathWithoutOrigin() {
        assertNull(RequestUrls.under("http", null, 80, "/api/orders", "x=1"));
    }

    /** The commons-httpclient 3 advice builds the URL from the connection and the method's path and query. */
    @ParameterizedTest
    @CsvSource({
            "http://shop.internal:8080/api/orders?x=1, http://shop.internal:8080/api/orders?x=1",
            "http://shop.internal/api/, http://shop.internal:80/api/",
            "https://shop.internal/a%20b/c, https://shop.internal:443/a%20b/c",
            "http://127.0.0.1:8080, http://127.0.0.1:8080/"})
    void buildsTheUrlOfACommonsHttpClient3MethodOnItsConnection(String uri, String url) throws Exception {
        org.apache.commons.httpclient.HttpMethodBase method = new org.apache.commons.httpclient.methods.GetMethod(uri);
        org.apache.commons.httpclient.HostConfiguration target = new org.apache.commons.httpclient.HostConfiguration();
        target.setHost(method.getURI());
        org.apache.commons.httpclient.HttpConnection connection = new org.apache.commons.httpclient.HttpConnection(
                target.getHost(), target.getPort(), target.getProtocol());
        assertEquals(url, RequestUrls.under(connection.getProtocol().getScheme(), connection.getHost(), connection.getPort(),
                method.getPath(), method.getQueryString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 401 Unauthorized|401",
            "HTTP/1.0 200|200",
            "HTTP/1.1 2x0 Odd|-1",
            "HTTP/1.1 -12 Odd|-1",
            "HTTP/1.1 +401 Odd|-1",
            "HTTP/1.1 40|-1",
            "garbage|-1"})
    void readsTheStatusCodeOfAStatusLine(String line, int status) {
        assertEquals(status, RequestUrls.statusOf(line));
    }
}

package dev.legacyguard.filter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestPathTest {

    @Test
    void canonicalPathIsReturnedAsItIs() throws Exception {
        String raw = "/api/products/42";
        assertSame(raw, RequestPath.normalize(raw));
    }

    @Test
    void emptyPathIsRoot() throws Exception {
        assertEquals("/", RequestPath.normalize(""));
        assertEquals("/", RequestPath.normalize("/"));
    }

    @Test
    void repeatedAndTrailingSlashesCollapse() throws Exception {
        assertEquals("/api/admin", RequestPath.normalize("//api///admin/"));
    }

    @Test
    void pathParametersAreDropped() throws Exception {
        assertEquals("/api/admin", RequestPath.normalize("/api;jsessionid=ABC/admin;x=y"));
        assertEquals("/api/admin", RequestPath.normalize("/api/admin;"));
    }

    @Test
    void percentEscapesAreDecodedAsUtf8() throws Exception {
        assertEquals("/api/caf\u00e9", RequestPath.normalize("/api/caf%C3%A9"));
        assertEquals("/api/admin", RequestPath.normalize("/api/%61dmin"));
    }

    @Test
    void rejectsDotSegments() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/public/../admin"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/./admin"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/.."));
    }

    @Test
    void rejectsEncodedDotSegments() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/public/%2e%2e/admin"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/public/.%2E/admin"));
    }

    @Test
    void rejectsDotSegmentHiddenBehindAPathParameter() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/public/..;x=1/admin"));
    }

    @Test
    void rejectsEncodedSlashAndBackslash() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api%2Fadmin"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api%2fadmin"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api%5Cadmin"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api\\admin"));
    }

    @Test
    void rejectsDoubleEncoding() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api%252Fadmin"));
    }

    @Test
    void rejectsEncodedSemicolonAndNul() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/admin%3Bx"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/admin%00.json"));
    }

    @Test
    void rejectsMalformedEscapesAndInvalidUtf8() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/%zz"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/%4"));
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/%C3"));
    }

    @Test
    void contextPathIsRemovedFromTheRawUri() {
        assertEquals("/api/x", RequestPath.withinContext("/shop/api/x", "/shop"));
        assertEquals("/", RequestPath.withinContext("/shop", "/shop"));
        assertEquals("/api/x", RequestPath.withinContext("/api/x", ""));
    }

    @Test
    void contextPathWithPathParameterIsRemoved() {
        assertEquals("/api/x", RequestPath.withinContext("/shop;jsessionid=1/api/x", "/shop"));
    }

    @Test
    void uriThatDoesNotStartWithTheContextPathIsNotGuessed() {
        assertNull(RequestPath.withinContext("/shopping/api", "/shop"));
        assertNull(RequestPath.withinContext("/%73hop/api", "/shop"));
    }

    @Test
    void segmentEndingInAnEncodedSpaceIsRejected() {
        RejectedPathException e = assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/products%20/1"));
        assertEquals("the path segment \"products \" starts or ends with white space, which routers that trim segments"
                + " would drop; send the path without it", e.getMessage());
    }

    @Test
    void segmentStartingWithAnEncodedSpaceIsRejected() {
        assertThrows(RejectedPathException.class, () -> RequestPath.normalize("/api/%20products/1"));
    }

    @Test
    void segmentPaddedWithTabsOrUnicodeSpacesIsRejected() {
        for (String raw : new String[] {"/api/products%09/1", "/api/%0Bproducts", "/api/products/1%C2%A0",
                "/api/%E2%80%83products", "/api/products%E3%80%80", "/api/products\u00a0/1", "/api/products /1"}) {
            assertThrows(RejectedPathException.class, () -> RequestPath.normalize(raw), raw);
        }
    }

    @Test
    void whiteSpaceInsideASegmentIsKept() throws Exception {
        assertEquals("/api/a b/1", RequestPath.normalize("/api/a%20b/1"));
    }
}

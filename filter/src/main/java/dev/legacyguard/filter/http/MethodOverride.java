package dev.legacyguard.filter.http;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Some frameworks (Jersey's HttpMethodOverrideFilter, Spring's HiddenHttpMethodFilter and
 * others) let a header or a {@code _method} query parameter turn a POST into a DELETE after
 * this filter has run. The rules for every overriding method must then hold too, or a rule on
 * DELETE could be sidestepped. Which value a framework takes when there are several (a header
 * sent twice, a comma list, {@code _method} twice) differs, so every one of them is judged.
 */
public final class MethodOverride {
    private static final String[] HEADERS = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"};
    private static final String QUERY_PARAMETER = "_method";

    private MethodOverride() {
    }

    /**
     * Every method the override headers (each line, each element of a comma list) and query
     * parameters ask for, or null (the usual case, without allocating) when there are none.
     */
    public static List<String> requested(HttpServletRequest request) {
        List<String> methods = null;
        for (String name : HEADERS) {
            if (request.getHeader(name) != null) {
                for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                    for (String element : values.nextElement().split(",", -1)) {
                        methods = add(methods, element);
                    }
                }
            }
        }
        String query = request.getQueryString();
        if (query != null) {
            for (int start = 0; start <= query.length(); ) {
                int end = query.indexOf('&', start);
                if (end < 0) {
                    end = query.length();
                }
                methods = add(methods, queryOverride(query, start, end));
                start = end + 1;
            }
        }
        return methods;
    }

    private static List<String> add(List<String> methods, String value) {
        if (value == null || value.trim().isEmpty()) {
            return methods;
        }
        List<String> out = methods != null ? methods : new ArrayList<>(HEADERS.length + 1);
        out.add(value.trim());
        return out;
    }

    /**
     * The value of the pair {@code query[start, end)} when it is {@code _method=...}, decoded as the
     * frameworks decode it (so {@code _%6Dethod=d%65lete} counts too); otherwise null. Other
     * pairs cost no allocation.
     */
    private static String queryOverride(String query, int start, int end) {
        int equals = indexOf(query, '=', start, end);
        if (equals < 0 || !isMethodParameter(query, start, equals)) {
            return null;
        }
        return decoded(query.substring(equals + 1, end));
    }

    private static boolean isMethodParameter(String query, int start, int end) {
        if (end - start == QUERY_PARAMETER.length() && query.regionMatches(start, QUERY_PARAMETER, 0, end - start)) {
            return true;
        }
        boolean escaped = indexOf(query, '%', start, end) >= 0 || indexOf(query, '+', start, end) >= 0;
        return escaped && QUERY_PARAMETER.equals(decoded(query.substring(start, end)));
    }

    /** Within {@code [start, end)} only: scanning to the end of the query for every pair would be quadratic. */
    private static int indexOf(String text, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Form decoding; a malformed escape is kept as sent, so it still cannot match a rule it should not. */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, "UTF-8");
        } catch (IllegalArgumentException | UnsupportedEncodingException e) {
            return text;
        }
    }
}

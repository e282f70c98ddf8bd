package dev.legacyguard.filter.http;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Some frameworks (Jersey's HttpMethodOverrideFilter, Spring's HiddenHttpMethodFilter and
 * others) let a header turn a POST into a DELETE after this filter has run. The rules for
 * every overriding method must then hold too, or a rule on DELETE could be sidestepped.
 */
public final class MethodOverride {
    private static final String[] HEADERS = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"};

    private MethodOverride() {
    }

    /** The methods override headers ask for, or null (the usual case, without allocating) when there are none. */
    public static List<String> requested(HttpServletRequest request) {
        List<String> methods = null;
        for (String name : HEADERS) {
            String value = request.getHeader(name);
            if (value != null && !value.trim().isEmpty()) {
                if (methods == null) {
                    methods = new ArrayList<>(HEADERS.length);
                }
                methods.add(value.trim());
            }
        }
        return methods;
    }
}

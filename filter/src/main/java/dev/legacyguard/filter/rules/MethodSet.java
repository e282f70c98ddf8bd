package dev.legacyguard.filter.rules;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** A rule's METHODS: {@code *} or a comma list such as {@code GET,HEAD}. */
final class MethodSet {
    private final String[] methods;

    private MethodSet(String[] methods) {
        this.methods = methods;
    }

    /** @throws IllegalArgumentException saying what is wrong and what is expected */
    static MethodSet parse(String text) {
        if (text.equals("*")) {
            return new MethodSet(null);
        }
        Set<String> methods = new LinkedHashSet<>();
        for (String method : text.split(",", -1)) {
            if (!method.matches("[A-Za-z][A-Za-z_-]*")) {
                throw new IllegalArgumentException("\"" + method + "\" is not an HTTP method; METHODS is * or a comma"
                        + " list such as GET,HEAD");
            }
            methods.add(method.toUpperCase(Locale.ROOT));
        }
        return new MethodSet(methods.toArray(new String[0]));
    }

    /**
     * Case-insensitive, although HTTP methods are case-sensitive: an application that treats
     * {@code delete} like {@code DELETE} must not get it past a DELETE rule. A GET rule also
     * covers HEAD, because {@code HttpServlet} answers HEAD by running {@code doGet}.
     */
    boolean matches(String method) {
        if (methods == null) {
            return true;
        }
        boolean head = "HEAD".equalsIgnoreCase(method);
        for (String candidate : methods) {
            if (candidate.equalsIgnoreCase(method) || (head && candidate.equals("GET"))) {
                return true;
            }
        }
        return false;
    }
}

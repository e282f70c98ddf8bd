package dev.legacyguard.filter.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code logto.rule.N}: {@code METHODS PATH : SCOPES}, compiled at start-up. A PATH with
 * {@code {organization}} also requires the token to be for the organization that segment names.
 */
public final class AccessRule {
    static final String SYNTAX = "expected METHODS PATH : SCOPES, e.g. GET,HEAD /api/products/** : read:products"
            + " (METHODS is * or a comma list; SCOPES are space separated, or the word public)";
    private static final String PUBLIC = "public";

    private final MethodSet methods;
    private final PathPattern path;
    private final Requirement requirement;

    private AccessRule(MethodSet methods, PathPattern path, Requirement requirement) {
        this.methods = methods;
        this.path = path;
        this.requirement = requirement;
    }

    /** @throws IllegalArgumentException saying what is wrong and what is expected */
    public static AccessRule parse(int number, String text) {
        String rule = text.trim().replaceAll("\\s*,\\s*", ",");
        String[] methodsAndRest = rule.split("\\s+", 2);
        if (methodsAndRest.length < 2) {
            throw new IllegalArgumentException(SYNTAX);
        }
        String[] pathAndRest = methodsAndRest[1].split("\\s+", 2);
        String pathText = pathAndRest[0];
        String scopesPart = pathAndRest.length > 1 ? pathAndRest[1] : "";
        if (!scopesPart.startsWith(":") && pathText.endsWith(":")) {
            // "GET /x: read" - the colon was written against the path
            pathText = pathText.substring(0, pathText.length() - 1);
            scopesPart = ":" + scopesPart;
        }
        if (!scopesPart.startsWith(":")) {
            throw new IllegalArgumentException("no ':' between the path and the scopes; " + SYNTAX);
        }
        MethodSet methods = MethodSet.parse(methodsAndRest[0]);
        PathPattern path = PathPattern.compile(pathText);
        Requirement requirement = requirement(number, scopesPart.substring(1).trim());
        if (path.bindsOrganization() && requirement.isPublic()) {
            throw new IllegalArgumentException(PathPattern.ORGANIZATION + " binds the path to the token's organization,"
                    + " which a public rule has no token for; list the scopes the path needs");
        }
        return new AccessRule(methods, path, requirement);
    }

    private static Requirement requirement(int number, String scopesText) {
        String origin = "logto.rule." + number;
        if (scopesText.isEmpty()) {
            throw new IllegalArgumentException("no scopes after ':'; list the scopes the path needs, or write public");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : scopesText.split("[\\s,]+")) {
            for (int i = 0; i < scope.length(); i++) {
                char c = scope.charAt(i);
                if (c < 0x21 || c == '"' || c == '\\' || c > 0x7e) {
                    throw new IllegalArgumentException("the scope \"" + scope + "\" contains '" + c
                            + "', which a scope cannot contain (RFC 6749 3.3)");
                }
            }
            scopes.add(scope);
        }
        if (scopes.contains(PUBLIC)) {
            if (scopes.size() > 1) {
                throw new IllegalArgumentException("public cannot be combined with scopes; write either public or the scopes");
            }
            return Requirement.of(Requirement.Kind.PUBLIC, origin);
        }
        return Requirement.scopes(new ArrayList<>(scopes), origin);
    }

    public Requirement requirement() {
        return requirement;
    }

    /** What the rule asks of a request whose path it {@link #matches}: for that path's organization, if it names one. */
    Requirement requirementFor(String normalizedPath) {
        return path.bindsOrganization() ? requirement.inOrganization(path.organizationIn(normalizedPath)) : requirement;
    }

    boolean matches(String method, String normalizedPath) {
        return methods.matches(method) && path.matches(normalizedPath);
    }

    boolean bindsOrganization() {
        return path.bindsOrganization();
    }

    List<String> scopes() {
        return requirement.scopes();
    }
}

package dev.legacyguard.devissuer.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, keeping repeated parameters. */
final class FormParameters {

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static FormParameters parse(String body) throws OidcError {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new FormParameters(values);
    }

    /** All values of a parameter that may repeat ({@code resource}); empty values are ignored. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
    }

    /** The single value of a parameter, or null; oidc-provider refuses a repeated one. */
    String single(String name) throws OidcError {
        List<String> found = values.getOrDefault(name, List.of());
        if (found.size() > 1) {
            throw OidcError.invalidRequest("'" + name + "' parameter must not be provided twice");
        }
        return found.isEmpty() || found.get(0).isEmpty() ? null : found.get(0);
    }

    private static String decode(String text) throws OidcError {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OidcError.invalidRequest("the request body is not valid application/x-www-form-urlencoded");
        }
    }
}

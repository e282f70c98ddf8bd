package dev.legacyguard.filter.it.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP answer, with readers for what the filter and the echo servlet put in it. */
public final class Reply {

    private static final Pattern AUTH_PARAM = Pattern.compile("([A-Za-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpResponse<String> response;

    Reply(HttpResponse<String> response) {
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    public String body() {
        return response.body();
    }

    /** The header's value, or null when absent. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The auth-params of the {@code WWW-Authenticate: Bearer ...} challenge; fails if there is none. */
    public Map<String, String> bearerChallenge() {
        String challenge = header("WWW-Authenticate");
        if (challenge == null || !challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new AssertionError("expected a Bearer challenge, got WWW-Authenticate: " + challenge + "\n" + this);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = AUTH_PARAM.matcher(challenge.substring(6));
        while (m.find()) {
            params.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
        }
        return params;
    }

    /** The {@code key=value} lines the echo servlet writes. */
    public Map<String, String> echo() {
        if (status() != 200) {
            throw new AssertionError("expected the app to answer, got " + this);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : body().split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "HTTP " + status() + " " + response.headers().map() + "\n" + body();
    }
}

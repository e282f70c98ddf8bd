package dev.legacyguard.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call the legacy client reported:
 * {@code [client] CLIENT METHOD PATH -> STATUS | WWW-Authenticate: ... | body: ...}.
 */
record ClientCall(String client, String method, int status, String challenge, String body) {

    private static final Pattern LINE = Pattern.compile(
            "^\\[client] (\\S+) (GET|POST) \\S+ -> (\\d{3}|ERROR)(?: \\| WWW-Authenticate: (.*?))?(?: \\| (?:body|error): (.*))?$");

    static Optional<ClientCall> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        int status = "ERROR".equals(m.group(3)) ? -1 : Integer.parseInt(m.group(3));
        return Optional.of(new ClientCall(m.group(1), m.group(2), status, m.group(4),
                m.group(5) == null ? line : m.group(5)));
    }

    private static final Pattern EXPLAINING_PARAMS = Pattern.compile("\\b(error|scope)=\"[^\"]*\"");

    /**
     * Short, for the table: the status and the part of the answer that explains it (a
     * challenge's {@code error} and {@code scope}, or its scheme and realm; else the body).
     */
    String summary() {
        if (status < 0) {
            return "no answer: " + abbreviate(body, 70);
        }
        if (challenge == null) {
            return status + " " + abbreviate(body, 60);
        }
        List<String> params = new ArrayList<>();
        Matcher m = EXPLAINING_PARAMS.matcher(challenge);
        while (m.find()) {
            params.add(m.group());
        }
        if (params.isEmpty()) {
            return status + " " + abbreviate(challenge.split(",")[0], 70);
        }
        return status + " " + challenge.split(" ")[0] + " " + String.join(", ", params);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}

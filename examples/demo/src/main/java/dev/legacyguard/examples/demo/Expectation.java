package dev.legacyguard.examples.demo;

/** What one call must get, and why, in the words of the table. */
record Expectation(String method, int status, String mustContain, String label, String why) {

    static Expectation challenge(String method) {
        return new Expectation(method, 401, null, "401 + Bearer challenge",
                "no token sent: the filter asks for one (RFC 6750)");
    }

    static Expectation allowed(String method, String appId, String scope) {
        return new Expectation(method, 200, "\"caller\":\"" + appId + "\"", "200 as " + appId,
                "the token holds " + scope + "; the servlet sees sub " + appId);
    }

    static Expectation insufficientScope(String method, String appId, String scope) {
        return new Expectation(method, 403, "scope=\"" + scope + "\"", "403 insufficient_scope " + scope,
                appId + "'s role lacks " + scope + ": the issuer dropped it, the filter names it");
    }

    boolean isMetBy(ClientCall call) {
        if (call.status() != status) {
            return false;
        }
        return switch (status) {
            case 401 -> call.challenge() != null && call.challenge().startsWith("Bearer ")
                    && !call.challenge().contains("error=");
            case 403 -> call.challenge() != null && call.challenge().contains("error=\"insufficient_scope\"")
                    && call.challenge().contains(mustContain);
            default -> call.body().contains(mustContain);
        };
    }
}

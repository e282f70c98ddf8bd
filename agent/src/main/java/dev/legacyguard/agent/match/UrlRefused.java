package dev.legacyguard.agent.match;

/** Why a URL cannot be compared safely; never carries a stack trace (it is an answer, not a bug). */
public final class UrlRefused extends Exception {

    private static final long serialVersionUID = 1L;

    UrlRefused(String reason) {
        super(reason, null, false, false);
    }
}

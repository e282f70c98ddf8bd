package dev.legacyguard.filter.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import dev.legacyguard.filter.config.FilterSettings;
import dev.legacyguard.filter.rules.RejectedPathException;
import dev.legacyguard.filter.rules.RequestPath;
import dev.legacyguard.filter.rules.Requirement;
import dev.legacyguard.filter.token.AccessToken;
import dev.legacyguard.filter.token.Check;
import dev.legacyguard.filter.token.Failure;
import dev.legacyguard.filter.token.TokenFingerprint;
import dev.legacyguard.filter.token.TokenVerifier;
import dev.legacyguard.filter.token.Verification;

/** Prints every check of one token, then the verdict; the verdict is the filter's own, not a re-derivation. */
final class Explanation {
    /**
     * The first JWKS fetch of a fresh JVM (class loading, TLS) may well take longer than a
     * request waits for it, and a diagnosis must be about the token, not about that race.
     */
    private static final long KEYS_WAIT_MILLIS = 60_000;

    private final FilterSettings settings;
    private final PrintStream out;

    Explanation(FilterSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** @return whether the filter would let the request through */
    boolean explain(String token, String method, String path) {
        out.println("token " + TokenFingerprint.of(token) + ", issuer " + settings.verifierOptions().issuer()
                + ", audiences " + settings.verifierOptions().audiences());
        try (TokenVerifier verifier = TokenVerifier.create(
                settings.verifierOptions().toBuilder().jwksWaitMillis(KEYS_WAIT_MILLIS).build())) {
            Verification verification = verifier.verify(token);
            for (Check check : verifier.explain(token)) {
                line(check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
            }
            boolean scopesOk = scopes(verification, method, path);
            if (!verification.valid()) {
                Failure failure = verification.failure();
                String answer = failure.kind() == Failure.Kind.KEYS_UNAVAILABLE ? "503" : "401 invalid_token";
                out.println("REFUSED (" + answer + "): " + failure.check() + ": " + failure.description());
                return false;
            }
            if (!scopesOk) {
                out.println("REFUSED (403): see the scopes check");
                return false;
            }
            out.println("ACCEPTED");
            return true;
        }
    }

    private boolean scopes(Verification verification, String method, String path) {
        AccessToken token = verification.token();
        if (path == null) {
            line(token == null ? "SKIP" : "INFO", "scopes", token == null ? "not checked: the token was not accepted"
                    : "granted: " + joined(token) + " (give --path, and --method, to check a rule)");
            return true;
        }
        String normalized;
        try {
            normalized = RequestPath.normalize(path);
        } catch (RejectedPathException e) {
            line("FAIL", "scopes", "the filter answers 400 for " + path + ": " + e.getMessage());
            return false;
        }
        Requirement requirement = settings.rules().requirementFor(method.toUpperCase(Locale.ROOT), normalized);
        String subject = method + " " + normalized + " falls under " + requirement.origin();
        switch (requirement.kind()) {
            case PUBLIC:
                line("PASS", "scopes", subject + ": public, no token needed");
                return true;
            case DENY:
                line("FAIL", "scopes", subject + ": denied whatever the token (403)");
                return false;
            case AUTHENTICATED:
                line(token == null ? "SKIP" : "PASS", "scopes", subject + ": any valid token, no scope needed");
                return true;
            default:
                if (token == null) {
                    line("SKIP", "scopes", subject + ", which requires " + requirement.scopeList()
                            + "; not checked: the token was not accepted");
                    return true;
                }
                List<String> missing = requirement.missingFrom(token.scopes());
                if (missing.isEmpty()) {
                    line("PASS", "scopes", subject + ", which requires " + requirement.scopeList() + "; granted: " + joined(token));
                    return true;
                }
                line("FAIL", "scopes", subject + ", which requires " + requirement.scopeList() + "; missing: "
                        + String.join(" ", missing) + " (granted: " + joined(token) + ")");
                return false;
        }
    }

    private static String joined(AccessToken token) {
        return token.scopes().isEmpty() ? "(none)" : String.join(" ", token.scopes());
    }

    private void line(String verdict, String check, String detail) {
        out.println(String.format("%-4s %-9s %s", verdict, check, detail));
    }
}

package dev.legacyguard.filter.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import dev.legacyguard.core.log.Fingerprint;
import dev.legacyguard.filter.config.FilterSettings;
import dev.legacyguard.filter.decision.Decider;
import dev.legacyguard.filter.decision.RequestDecision;
import dev.legacyguard.filter.rules.RejectedPathException;
import dev.legacyguard.filter.rules.RequestPath;
import dev.legacyguard.filter.rules.Requirement;
import dev.legacyguard.filter.token.AccessToken;
import dev.legacyguard.filter.token.Check;
import dev.legacyguard.filter.token.TokenVerifier;

/**
 * Prints every check of one token, the rule for the request, then the verdict; the verdict is the
 * filter's own {@link Decider}'s decision, not a re-derivation.
 */
final class Explanation {
    private static final Requirement ANY_VALID_TOKEN = Requirement.of(Requirement.Kind.AUTHENTICATED, "no --path given");

    /**
     * The first JWKS fetch of a fresh JVM (class loading, TLS) may well take longer than a
     * request waits for it, and a diagnosis must be about the token, not about that race.
     */
    private static final Duration KEYS_WAIT = Duration.ofSeconds(60);

    private final FilterSettings settings;
    private final PrintStream out;

    Explanation(FilterSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** @return whether the filter would let the request through */
    boolean explain(String token, String method, String path) {
        out.println("token " + Fingerprint.of(token) + ", issuers " + settings.verifierOptions().issuers()
                + ", audiences " + settings.verifierOptions().audiences());
        try (TokenVerifier verifier = TokenVerifier.create(
                settings.verifierOptions().toBuilder().jwksWait(KEYS_WAIT).build())) {
            for (Check check : verifier.explain(token)) {
                line(check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
            }
            Decider decider = new Decider(settings.rules(), verifier, false, settings.passCorsPreflights());
            RequestDecision decision;
            if (path == null) {
                decision = decider.judgeToken(ANY_VALID_TOKEN, token);
                AccessToken accepted = decision.token();
                line(accepted == null ? "SKIP" : "INFO", "scopes", accepted == null ? "not checked: the token was not accepted"
                        : "granted: " + joined(accepted) + " (give --path, and --method, to check a rule)");
            } else {
                String normalized;
                try {
                    normalized = RequestPath.normalize(path);
                } catch (RejectedPathException e) {
                    line("FAIL", "scopes", "the filter answers 400 for " + path + ": " + e.getMessage());
                    out.println("REFUSED (400 invalid_request): the request path is not accepted");
                    return false;
                }
                String upper = method.toUpperCase(Locale.ROOT);
                decision = decider.decide(upper, normalized, null, token);
                String subject = upper + " " + normalized + " falls under " + decision.requirement().origin();
                organization(decision, subject);
                rule(decision, subject);
            }
            out.println(verdict(decision));
            return decision.passes();
        }
    }

    /** The organization line, for a rule that binds the path to an organization: which one, and the token's. */
    private void organization(RequestDecision decision, String subject) {
        String organization = decision.requirement().organization();
        if (organization == null) {
            return;
        }
        AccessToken token = decision.token();
        String requires = subject + ", which names organization " + organization;
        if (decision.outcome() == RequestDecision.Outcome.WRONG_ORGANIZATION) {
            line("FAIL", "org", decision.description());
        } else if (token == null) {
            line("SKIP", "org", requires + "; not checked: the token was not accepted");
        } else {
            line("PASS", "org", requires + "; the token is for it" + (token.isOrganizationToken()
                    ? " (an organization token, its organization permissions count as scopes)" : ""));
        }
    }

    /** The scopes line: what the rule asks and, where the token was accepted, whether it has it. */
    private void rule(RequestDecision decision, String subject) {
        Requirement requirement = decision.requirement();
        AccessToken token = decision.token();
        switch (requirement.kind()) {
            case PUBLIC:
                line("PASS", "scopes", subject + ": public, no token needed");
                break;
            case DENY:
                line("FAIL", "scopes", subject + ": denied whatever the token (403)");
                break;
            case AUTHENTICATED:
                line(token == null ? "SKIP" : "PASS", "scopes", subject + ": any valid token, no scope needed");
                break;
            default:
                String requires = subject + ", which requires " + requirement.scopeList();
                if (token == null) {
                    line("SKIP", "scopes", requires + "; not checked: the token was not accepted");
                } else if (decision.outcome() == RequestDecision.Outcome.WRONG_ORGANIZATION) {
                    line("SKIP", "scopes", requires + "; not checked: the token is for another organization");
                } else if (decision.outcome() == RequestDecision.Outcome.INSUFFICIENT_SCOPE) {
                    line("FAIL", "scopes", requires + "; missing: " + String.join(" ", decision.missingScopes())
                            + " (granted: " + joined(token) + ")");
                } else {
                    line("PASS", "scopes", requires + "; granted: " + joined(token));
                }
        }
    }

    private static String verdict(RequestDecision decision) {
        switch (decision.outcome()) {
            case INVALID_TOKEN:
                return "REFUSED (401 invalid_token): " + decision.check() + ": " + decision.description();
            case KEYS_UNAVAILABLE:
                return "REFUSED (503): " + decision.check() + ": " + decision.description();
            case INVALID_REQUEST:
                return "REFUSED (400 invalid_request): " + decision.description();
            case DENIED:
                return "REFUSED (403): " + decision.description();
            case INSUFFICIENT_SCOPE:
                return "REFUSED (403): see the scopes check";
            case WRONG_ORGANIZATION:
                return "REFUSED (403 insufficient_scope): see the org check";
            default:
                return decision.passes() ? "ACCEPTED" : "REFUSED: " + decision;
        }
    }

    private static String joined(AccessToken token) {
        return token.scopes().isEmpty() ? "(none)" : String.join(" ", token.scopes());
    }

    private void line(String verdict, String check, String detail) {
        out.println(String.format("%-4s %-9s %s", verdict, check, detail));
    }
}

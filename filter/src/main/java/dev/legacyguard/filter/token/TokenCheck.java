package dev.legacyguard.filter.token;

/**
 * One rule a token must pass. Checks return their outcome as a value (null or a
 * {@link Failure}) instead of throwing, so {@link TokenVerifier} can stop at the first failure
 * and {@code explain} can run them all.
 */
interface TokenCheck {

    /** What a check needs from the token before it can run. */
    enum Needs { NOTHING, HEADER, CLAIMS, KEY }

    /** The name shown by {@code explain}. */
    String name();

    Needs needs();

    /** @return null when the token passes, otherwise why not */
    Failure check(ParsedToken token);

    /** What was found when the check passed, for {@code explain}. */
    String passDetail(ParsedToken token);
}

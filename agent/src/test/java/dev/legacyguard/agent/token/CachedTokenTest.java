package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class CachedTokenTest {

    private static CachedToken granted(long expiresInSeconds, long requestedAt) {
        return CachedToken.of(new TokenGrant("t", expiresInSeconds, Collections.<String>emptySet(), List.of()), requestedAt);
    }

    @Test
    void hourLongTokenIsUsedUntilThirtyOneSecondsBeforeItEndsAndRefreshedFromThreeQuartersOfThat() {
        CachedToken token = granted(3600, 10_000);
        assertEquals(10_000 + 3_569_000, token.usableUntil);
        assertEquals(10_000 + 3_569_000 * 3 / 4, token.refreshAt);
    }

    @Test
    void shortTokenKeepsASecondForTheWholeSecondsOfItsExpClaim() {
        CachedToken token = granted(5, 0);
        assertEquals(3_500, token.usableUntil);
        assertEquals(2_625, token.refreshAt);
    }

    @Test
    void oneSecondTokenIsStillUsableForHalfOfIt() {
        assertEquals(500, granted(1, 0).usableUntil);
    }

    @Test
    void headerCarriesTheTokenAndLogsOnlyItsFingerprint() {
        CachedToken token = granted(60, 0);
        assertEquals("Bearer t", token.header);
        assertEquals("sha256:e3b98a4da31a", token.fingerprint);
    }
}

package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentMatchesTest {

    private static final String URL = "https://shop.internal/api/orders";

    private final RecentMatches<String> recent = new RecentMatches<>();

    @Test
    void nothingIsKnownOfAUrlNeverAnswered() {
        assertNull(recent.find(URL, null, false));
    }

    @Test
    void anAnswerIsFoundOnlyForTheSameUrlHostHeaderAndProxy() {
        recent.remember(URL, "shop.internal", false, "shop");
        assertEquals("shop", recent.find(URL, "shop.internal", false).answer());
        assertNull(recent.find(URL, null, false));
        assertNull(recent.find(URL, "admin.internal", false));
        assertNull(recent.find(URL, "shop.internal", true));
        assertNull(recent.find(URL + "/", "shop.internal", false));
        assertNull(recent.find(URL.toUpperCase(), "shop.internal", false));
        assertEquals("shop", recent.find(new String(URL), new String("shop.internal"), false).answer(),
                "a request builds its URL anew: equal strings are the same request");
    }

    @Test
    void aLongUrlOrOneWithUserInfoIsNotRemembered() {
        String userInfo = "https://user:password@shop.internal/api/orders";
        String longUrl = URL + "?q=" + "x".repeat(RecentMatches.LONGEST_URL);
        recent.remember(userInfo, null, false, null);
        recent.remember(longUrl, null, false, null);
        recent.remember(URL, "h".repeat(RecentMatches.LONGEST_URL + 1), false, null);
        assertNull(recent.find(userInfo, null, false));
        assertNull(recent.find(longUrl, null, false));
        assertNull(recent.find(URL, "h".repeat(RecentMatches.LONGEST_URL + 1), false));
    }

    @Test
    void noAnswerIsRememberedAsNone() {
        recent.remember(URL, null, true, null);
        assertNull(recent.find(URL, null, true).answer());
    }

    @Test
    void aUrlWhoseSlotAnotherUrlTookIsNeverAnsweredWithTheOthersAnswer() {
        for (int i = 0; i < 1000; i++) {
            recent.remember(URL + "/" + i, null, false, "answer for " + i);
        }
        int found = 0;
        for (int i = 0; i < 1000; i++) {
            RecentMatches.Entry<String> entry = recent.find(URL + "/" + i, null, false);
            if (entry != null) {
                assertEquals("answer for " + i, entry.answer());
                found++;
            }
        }
        assertTrue(found > 0 && found <= 64, "found " + found);
    }
}

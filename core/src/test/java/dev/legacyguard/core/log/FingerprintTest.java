package dev.legacyguard.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isTheFirstTwelveHexCharactersOfTheSha256() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("sha256:ba7816bf8f01", Fingerprint.of("abc"));
    }

    @Test
    void tellsTokensApartWithoutContainingThem() {
        String a = Fingerprint.of("eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJhIn0.c2ln");
        String b = Fingerprint.of("eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJiIn0.c2ln");
        assertNotEquals(a, b);
        assertTrue(a.matches("sha256:[0-9a-f]{12}"), a);
    }
}

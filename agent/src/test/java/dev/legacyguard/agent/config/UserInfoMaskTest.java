package dev.legacyguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserInfoMaskTest {

    @Test
    void masksUserAndPasswordOfAUrl() {
        assertEquals("https://***@host.internal/api/", UserInfoMask.mask("https://user:pa55@host.internal/api/"));
    }

    @Test
    void masksUpToTheLastAtSignOfTheAuthority() {
        assertEquals("https://***@evil.com:8443", UserInfoMask.mask("https://a@b:c@evil.com:8443"));
    }

    @Test
    void masksEveryUrlOfAList() {
        assertEquals("https://***@a.internal/, http://b.internal/x, ftp://***@c",
                UserInfoMask.mask("https://u:p@a.internal/, http://b.internal/x, ftp://v:q@c"));
    }

    @Test
    void leavesAnAtSignInThePathQueryOrFragmentAlone() {
        assertEquals("https://host/users/a@b?c=d@e#f@g", UserInfoMask.mask("https://host/users/a@b?c=d@e#f@g"));
    }

    @Test
    void leavesValuesWithoutAUrlAlone() {
        assertEquals("read:products me@example.com", UserInfoMask.mask("read:products me@example.com"));
        assertEquals("", UserInfoMask.mask(""));
        assertEquals("https://", UserInfoMask.mask("https://"));
    }
}

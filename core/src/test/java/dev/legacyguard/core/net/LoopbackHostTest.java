package dev.legacyguard.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackHostTest {

    @ParameterizedTest
    @CsvSource({
        "localhost, true",
        "LocalHost, true",
        "127.0.0.1, true",
        "127.255.0.9, true",
        "[::1], true",
        "logto.example, false",
        "localhost.example, false",
        "127.0.0.1.example, false",
        "127.example, false",
        "127.0.0.256, false",
        "127..0.1, false",
        "[::2], false",
    })
    void onlyAWholeLoopbackHostNamesThisMachine(String host, boolean loopback) {
        assertEquals(loopback, LoopbackHost.names(host));
    }
}

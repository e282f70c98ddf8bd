package dev.legacyguard.agent.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerChallengeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer error=\"invalid_token\"",
        "Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The access token expired\"",
        "bearer error=invalid_token",
        "Basic realm=\"x\", Bearer error=\"invalid_token\"",
        "Bearer realm=\"a,b\" , error = \"invalid_token\"",
    })
    void recognisesAnInvalidTokenChallenge(String header) {
        assertTrue(BearerChallenge.saysInvalidToken(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer realm=\"shop\"",
        "Bearer error=\"insufficient_scope\", scope=\"write\"",
        "Bearer error_description=\"error=invalid_token\"",
        "Bearer realm=\"error=\\\"invalid_token\\\"\"",
        "Basic error=\"invalid_token\"",
        "Bearer error=\"invalid_token_x\"",
        "",
    })
    void ignoresOtherChallenges(String header) {
        assertFalse(BearerChallenge.saysInvalidToken(header), header);
    }

    @org.junit.jupiter.api.Test
    void ignoresAMissingHeader() {
        assertFalse(BearerChallenge.saysInvalidToken(null));
    }
}

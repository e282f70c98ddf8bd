package dev.legacyguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Key;
import dev.legacyguard.core.config.Setting;
import dev.legacyguard.core.config.SourceKind;

/** Each of the agent's keys is declared once, with its type, default and description, and is read through that declaration. */
class AgentKeysTest {

    private static Setting file(String key, String value) {
        return new Setting(key, value, "file agent.properties", SourceKind.FILE);
    }

    @Test
    void valuesAreReadAsTheirDeclaredTypes() throws ConfigException {
        assertEquals(OnTokenFailure.SEND_WITHOUT,
                AgentKeys.ON_TOKEN_FAILURE.read(file("logto.on-token-failure", "send-without")));
        assertEquals(true, AgentKeys.FAIL_FAST.read(file("logto.fail-fast", "true")));
        assertEquals(true, AgentKeys.VIA_PROXY.read(file("logto.resource.shop.via-proxy", "allow")));
    }

    @Test
    void anUnsetKeyHasItsDeclaredDefault() throws ConfigException {
        assertEquals(OnTokenFailure.FAIL, AgentKeys.ON_TOKEN_FAILURE.read(null));
        assertEquals(false, AgentKeys.FAIL_FAST.read(null));
        assertEquals(false, AgentKeys.VIA_PROXY.read(null));
    }

    @Test
    void aBadValueIsToldInTheAgentsWording() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentKeys.FAIL_FAST.read(file("logto.fail-fast", "yes")));
        assertEquals("logto.fail-fast = 'yes' (file agent.properties) is neither true nor false; expected true or false",
                e.getMessage());
    }

    @Test
    void everyDeclarationIsCompleteAndTheListsDeriveFromIt() {
        List<Key<?>> all = new ArrayList<>(AgentKeys.ALL);
        all.addAll(AgentKeys.RESOURCE);
        Set<String> names = new HashSet<>();
        for (Key<?> key : all) {
            assertTrue(names.add(key.name()), key.name() + " is declared twice");
            assertFalse(key.description().trim().isEmpty(), key.name() + " has no description");
        }
        assertEquals(AgentKeys.ALL.size(), AgentKeys.KEYS.size());
        assertEquals(AgentKeys.RESOURCE.size(), AgentKeys.RESOURCE_ATTRIBUTES.size());
        assertEquals("did you mean logto.resource.shop.urls?", AgentKeys.hint("logto.resource.shop.url"));
    }
}

package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.httpclient.Header;
import org.apache.commons.httpclient.HttpMethodBase;
import org.apache.commons.httpclient.methods.GetMethod;
import org.junit.jupiter.api.Test;

/** The commons-httpclient 3 advice recognises its header by its name object, as the method hands it back. */
class AddedHeadersTest {

    private final HttpMethodBase method = new GetMethod("http://shop.internal/api/orders");

    @Test
    void recognisesTheHeaderTheAgentNamed() {
        method.setRequestHeader(new Header(AddedHeaders.NAME, "Bearer agent", true));
        Header present = method.getRequestHeader("Authorization");
        assertTrue(AddedHeaders.isTheAgents(present.getName()));
        assertEquals("Authorization: Bearer agent\r\n", present.toExternalForm());
    }

    @Test
    void takesAHeaderTheApplicationNamedForTheApplications() {
        method.setRequestHeader(new Header(new String("Authorization"), "Bearer own"));
        assertFalse(AddedHeaders.isTheAgents(method.getRequestHeader("Authorization").getName()));
        method.setRequestHeader("Authorization", "Bearer own");
        assertFalse(AddedHeaders.isTheAgents(method.getRequestHeader("authorization").getName()));
    }

    @Test
    void takesTheAgentsHeaderTogetherWithTheApplicationsForTheApplications() {
        method.setRequestHeader(new Header(AddedHeaders.NAME, "Bearer agent", true));
        method.addRequestHeader("Authorization", "Bearer own");
        // Two headers come back as one, which the agent must leave alone.
        assertFalse(AddedHeaders.isTheAgents(method.getRequestHeader("Authorization").getName()));
    }
}

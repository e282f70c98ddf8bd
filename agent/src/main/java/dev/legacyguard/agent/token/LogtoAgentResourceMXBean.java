package dev.legacyguard.agent.token;

import java.util.Date;

/**
 * What the agent shows in jconsole for one configured resource, under
 * {@code dev.legacyguard:type=LogtoAgent,resource=NAME}. Read-only; never the token itself.
 */
public interface LogtoAgentResourceMXBean {

    /** The API resource indicator the tokens are requested for; null for organization tokens. */
    String getResourceIndicator();

    /** The Logto organization the tokens are requested in ({@code organization-id}); null for none. */
    String getOrganizationId();

    /** {@code sha256:} and 12 hex digits of the token handed out now, as in the agent's log; null while there is none. */
    String getTokenFingerprint();

    /** Seconds until that token expires; -1 while there is none. */
    long getSecondsToExpiry();

    /** Token requests sent to the token endpoint for this resource. */
    long getTokenRequests();

    /** The last failed token request's explanation (what went wrong and what to fix); null if none failed. */
    String getLastFailure();

    /** When it failed; null if none failed. */
    Date getLastFailureTime();

    /** Scopes requested but not granted in the last token answer (Logto drops them silently). */
    String[] getMissingScopes();
}

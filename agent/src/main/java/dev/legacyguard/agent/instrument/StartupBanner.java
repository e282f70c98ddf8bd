package dev.legacyguard.agent.instrument;

import java.util.ArrayList;
import java.util.List;

import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.ResourceSettings;
import dev.legacyguard.agent.log.AgentLog;

/** What the agent will do, said once at start-up. The App Secret is never part of it. */
final class StartupBanner {

    private StartupBanner() {
    }

    static void print(AgentLog log, String version, AgentSettings settings, List<ClientInstrumentation> clients) {
        log.info("logto-agent " + (version == null ? "(unknown version)" : version) + " started: tokens from "
                + settings.tokenEndpoint() + " for app " + settings.appId() + ", on token failure "
                + settings.onTokenFailure().configValue());
        for (ResourceSettings resource : settings.resources()) {
            log.info("resource '" + resource.name() + "': " + (resource.indicator() == null ? "" : "indicator " + resource.indicator() + ", ")
                    + (resource.organizationId() == null ? "" : "organization " + resource.organizationId() + ", ") + "urls "
                    + resource.urls() + ", scopes " + (resource.scopes().isEmpty() ? "(none)" : String.join(" ", resource.scopes())));
        }
        List<String> names = new ArrayList<>();
        for (ClientInstrumentation client : clients) {
            names.add(client.client());
        }
        log.info("instrumented clients: " + String.join(", ", names));
    }
}

package dev.legacyguard.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.bootstrap.BearerHooks;
import dev.legacyguard.agent.config.AgentSettings;
import dev.legacyguard.agent.config.AgentSettingsLoader;
import dev.legacyguard.agent.config.ConfigException;
import dev.legacyguard.agent.instrument.apachehttpasyncclient4.ApacheHttpAsyncClient4Instrumentation;
import dev.legacyguard.agent.instrument.apachehttpclient4.ApacheHttpClient4Instrumentation;
import dev.legacyguard.agent.instrument.apachehttpclient5.ApacheHttpClient5Instrumentation;
import dev.legacyguard.agent.instrument.apachehttpclient5async.ApacheHttpClient5AsyncInstrumentation;
import dev.legacyguard.agent.instrument.commonshttpclient3.CommonsHttpClient3Instrumentation;
import dev.legacyguard.agent.instrument.httpurlconnection.HttpUrlConnectionInstrumentation;
import dev.legacyguard.agent.instrument.javanethttp.JavaNetHttpInstrumentation;
import dev.legacyguard.agent.jmx.AgentMBeans;
import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.token.TokenBroker;

/**
 * Starts the agent inside its isolated class loader (called by {@code AgentMain}): reads the
 * settings, starts the token broker, installs the instrumentation and prints the banner. A bad
 * configuration leaves the service running untouched unless {@code logto.fail-fast=true}.
 */
public final class AgentInstaller {

    private static final List<ClientInstrumentation> CLIENTS = Arrays.asList(
            new HttpUrlConnectionInstrumentation(),
            new ApacheHttpClient4Instrumentation(),
            new ApacheHttpClient5Instrumentation(),
            new JavaNetHttpInstrumentation(),
            new CommonsHttpClient3Instrumentation(),
            new ApacheHttpAsyncClient4Instrumentation(),
            new ApacheHttpClient5AsyncInstrumentation());

    private AgentInstaller() {
    }

    /** Every client the agent instruments. */
    static List<ClientInstrumentation> clients() {
        return CLIENTS;
    }

    /** The agent's version comes from its jar's manifest, as the package's Implementation-Version. */
    public static void install(String agentArgs, Instrumentation instrumentation) {
        AgentLog log = AgentLog.stderr();
        Instrumentations instrumentations = Instrumentations.prepare(instrumentation, CLIENTS, log);
        AgentSettings settings;
        try {
            settings = AgentSettingsLoader.load(agentArgs);
        } catch (ConfigException e) {
            if (e.failFast()) {
                log.error("configuration: " + e.getMessage() + "; stopping the service because logto.fail-fast=true");
                System.exit(1);
            }
            log.error("configuration: " + e.getMessage()
                    + "; the service starts without token injection (set logto.fail-fast=true to stop it instead)");
            return;
        }
        TokenBroker broker = TokenBroker.start(settings);
        try {
            BearerHooks.install(broker);
            instrumentations.install();
        } catch (RuntimeException | LinkageError e) {
            // Whatever got instrumented asks BearerHooks, which now answers "no token" again.
            BearerHooks.install(null);
            broker.close();
            log.error("could not install the instrumentation (" + e + "); the service runs without token injection");
            return;
        }
        StartupBanner.print(log, AgentInstaller.class.getPackage().getImplementationVersion(), settings, CLIENTS);
        AgentMBeans.registerWhenSafe(broker.statuses(), instrumentation, log);
    }
}

package dev.legacyguard.agent.jmx;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.legacyguard.agent.log.AgentLog;
import dev.legacyguard.agent.token.ResourceStatus;
import dev.legacyguard.core.jmx.ObjectNameValue;

/**
 * Registers one MXBean per resource, {@code dev.legacyguard:type=LogtoAgent,resource=NAME}, in
 * the platform MBean server, on a thread of its own once {@link LogManagerReadiness} says it is
 * safe: the platform MBean server initialises {@code java.util.logging}, and done before an
 * application's own log manager is in place (WildFly's JBoss LogManager), that stops the
 * application. The beans live as long as the JVM, like the agent.
 */
public final class AgentMBeans {

    public static final String DOMAIN = "dev.legacyguard";

    private AgentMBeans() {
    }

    public static void registerWhenSafe(List<ResourceStatus> statuses, Instrumentation instrumentation, AgentLog log) {
        LogManagerReadiness readiness = new LogManagerReadiness(instrumentation);
        // An anonymous class, not a lambda, on the premain path: see Clock.MONOTONIC.
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                if (readiness.await()) {
                    register(ManagementFactory.getPlatformMBeanServer(), statuses, log);
                } else {
                    log.warn("no JMX beans: the log manager named by java.util.logging.manager ("
                            + System.getProperty(LogManagerReadiness.MANAGER_PROPERTY) + ") was never loaded, and starting"
                            + " JMX before it could break the service's logging");
                }
            }
        }, "logto-agent-jmx");
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.start();
    }

    static void register(MBeanServer server, List<ResourceStatus> statuses, AgentLog log) {
        for (ResourceStatus status : statuses) {
            try {
                server.registerMBean(status, objectName(status.resourceName()));
            } catch (JMException | RuntimeException e) {
                log.warn("resource '" + status.resourceName() + "': no JMX bean (" + e + ")");
            }
        }
    }

    static ObjectName objectName(String resourceName) throws JMException {
        return new ObjectName(DOMAIN + ":type=LogtoAgent,resource=" + ObjectNameValue.of(resourceName));
    }
}

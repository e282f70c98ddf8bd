package dev.legacyguard.filter.jmx;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.legacyguard.core.jmx.ObjectNameValue;
import dev.legacyguard.filter.log.Log;
import dev.legacyguard.filter.token.TokenVerifier;

/**
 * One filter's MXBean in an MBean server, from the filter's start to its stop. The name tells
 * web applications apart: {@code dev.legacyguard:type=LogtoBearerFilter,host=...,context=...,filter=...}.
 * JMX is for watching: a bean that cannot be registered is logged and the filter runs on.
 */
public final class FilterMBeanRegistration implements AutoCloseable {

    public static final String DOMAIN = "dev.legacyguard";
    private static final Log LOG = Log.get(FilterMBeanRegistration.class);

    private final MBeanServer server;
    private final ObjectName name;
    private final FilterStatus status;

    private FilterMBeanRegistration(MBeanServer server, ObjectName name, FilterStatus status) {
        this.server = server;
        this.name = name;
        this.status = status;
    }

    /**
     * A bean already under the name is taken for one left by an earlier deployment of this web
     * application that was not stopped cleanly (a container runs one filter of a name per
     * context path and host), and replaced, so that a redeployment always shows its own numbers.
     *
     * @param host the container's virtual host, or null when it names none
     */
    public static FilterMBeanRegistration register(MBeanServer server, String host, String contextPath, String filterName,
            RequestCounts counts, TokenVerifier verifier) {
        FilterStatus status = new FilterStatus(counts, verifier);
        ObjectName name;
        try {
            name = objectName(host, contextPath, filterName);
        } catch (JMException e) {
            LOG.warn("Logto bearer filter: no JMX bean, the name is not valid: {}", e.getMessage());
            return new FilterMBeanRegistration(server, null, status);
        }
        try {
            if (server.isRegistered(name)) {
                LOG.warn("Logto bearer filter: replacing the JMX bean {}, left by an earlier deployment that was not stopped", name);
                unregister(server, name);
            }
            server.registerMBean(status, name);
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("Logto bearer filter: no JMX bean, {} was registered again meanwhile", name);
        } catch (JMException | RuntimeException e) {
            LOG.warn("Logto bearer filter: JMX bean {} could not be registered: {}", name, e.toString());
        }
        return new FilterMBeanRegistration(server, name, status);
    }

    static ObjectName objectName(String host, String contextPath, String filterName) throws JMException {
        StringBuilder name = new StringBuilder(DOMAIN).append(":type=LogtoBearerFilter");
        if (host != null && !host.isEmpty()) {
            name.append(",host=").append(ObjectNameValue.of(host));
        }
        name.append(",context=").append(ObjectNameValue.of(contextPath == null || contextPath.isEmpty() ? "/" : contextPath));
        name.append(",filter=").append(ObjectNameValue.of(filterName));
        return new ObjectName(name.toString());
    }

    /** The bean's name; null when no valid name could be made. */
    public ObjectName name() {
        return name;
    }

    /** Unregisters the bean unless another deployment has already replaced it. */
    @Override
    public void close() {
        if (status.registered()) {
            unregister(server, name);
        }
    }

    private static void unregister(MBeanServer server, ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException gone) {
            // unregistered meanwhile: what we wanted
        } catch (JMException | RuntimeException e) {
            LOG.warn("Logto bearer filter: JMX bean {} could not be unregistered: {}", name, e.toString());
        }
    }
}

package dev.legacyguard.agent.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A public no-argument method of a type the advice names instead of referring to it. The
 * HttpClient advice is inlined into httpcore's {@code HttpRequestExecutor}, whose class loader
 * may be a parent of httpclient's (httpcore in a container's shared lib, httpclient in a web
 * app): a reference to an httpclient type in that code cannot resolve, but the object the
 * client hands over reaches the type through its own class.
 */
public final class NamedGetter {

    public static final NamedGetter HTTPCLIENT_4_ROUTE_TARGET =
            new NamedGetter("org.apache.http.conn.routing.RouteInfo", "getTargetHost");
    public static final NamedGetter HTTPCLIENT_4_ROUTE_PROXY =
            new NamedGetter("org.apache.http.conn.routing.RouteInfo", "getProxyHost");
    // 5.4+ keeps the route in a field, not under the http.route attribute.
    public static final NamedGetter HTTPCLIENT_5_CONTEXT_ROUTE =
            new NamedGetter("org.apache.hc.client5.http.protocol.HttpClientContext", "getHttpRoute");
    public static final NamedGetter HTTPCLIENT_5_ROUTE_TARGET =
            new NamedGetter("org.apache.hc.client5.http.RouteInfo", "getTargetHost");
    public static final NamedGetter HTTPCLIENT_5_ROUTE_PROXY =
            new NamedGetter("org.apache.hc.client5.http.RouteInfo", "getProxyHost");

    private final String typeName;
    private final String methodName;
    // Per receiver class, so that a web app's copy of httpclient has its own entry, which goes
    // when the web app's classes are unloaded; null for a class not of the type.
    private final ClassValue<Method> methods = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            Class<?> named = find(type);
            if (named == null) {
                return null;
            }
            try {
                return named.getMethod(methodName);
            } catch (NoSuchMethodException e) {
                throw new NoSuchMethodError(typeName + "." + methodName + "()");
            }
        }
    };

    private NamedGetter(String typeName, String methodName) {
        this.typeName = typeName;
        this.methodName = methodName;
    }

    /** What the method returns for {@code receiver}; null when the receiver is null or not of the type. */
    public Object get(Object receiver) throws IllegalAccessException, InvocationTargetException {
        if (receiver == null) {
            return null;
        }
        Method method = methods.get(receiver.getClass());
        return method == null ? null : method.invoke(receiver);
    }

    /** {@code type}, or the superclass or interface of it, named {@link #typeName}; null when there is none. */
    private Class<?> find(Class<?> type) {
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            if (each.getName().equals(typeName)) {
                return each;
            }
            for (Class<?> implemented : each.getInterfaces()) {
                Class<?> found = find(implemented);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

package dev.legacyguard.agent.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A public no-argument method of a type (public or not) that advice names instead of referring to it. Advice
 * inlined into a class of one library (httpcore's {@code HttpRequestExecutor}) may run in a
 * class loader that is a parent of another's (httpcore in a container's shared lib, httpclient
 * in a web app): a reference to the other library's type in that code cannot resolve, but the
 * object the library hands over reaches the type through its own class. Advice asks for the
 * getter where it uses it, with constant names:
 * {@code NamedGetter.of("org.apache.http.conn.routing.RouteInfo", "getTargetHost").get(route)}.
 */
public final class NamedGetter {

    // Every getter advice asked for, by type name, then method name. The names are constants
    // in the advice, so each lookup finds its key by identity, its hash code already computed;
    // and only advice adds to it, so it stays as small as the advice's own list of names.
    private static final ConcurrentMap<String, ConcurrentMap<String, NamedGetter>> BY_NAME =
            new ConcurrentHashMap<String, ConcurrentMap<String, NamedGetter>>();

    // Passed to every call: Method.invoke's varargs would otherwise allocate an empty array
    // for each of the getters advice calls per request.
    private static final Object[] NO_ARGUMENTS = new Object[0];

    private final String typeName;
    private final String methodName;
    // Per receiver class, so that a web app's copy of a library has its own entry, which goes
    // when the web app's classes are unloaded; null for a class not of the type.
    private final ClassValue<Method> methods = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            Class<?> named = find(type);
            if (named == null) {
                return null;
            }
            try {
                Method method = named.getMethod(methodName);
                if (!Modifier.isPublic(named.getModifiers())) {
                    // A public method of a package-private class (HttpAsyncClient 4's InternalState):
                    // the client calls it from its own package, reflection from here needs access.
                    method.setAccessible(true);
                }
                return method;
            } catch (NoSuchMethodException e) {
                throw new NoSuchMethodError(typeName + "." + methodName + "()");
            }
        }
    };

    private NamedGetter(String typeName, String methodName) {
        this.typeName = typeName;
        this.methodName = methodName;
    }

    /** The getter of {@code typeName}'s public no-argument method {@code methodName}, made once. */
    public static NamedGetter of(String typeName, String methodName) {
        ConcurrentMap<String, NamedGetter> ofType = BY_NAME.get(typeName);
        if (ofType == null) {
            BY_NAME.putIfAbsent(typeName, new ConcurrentHashMap<String, NamedGetter>());
            ofType = BY_NAME.get(typeName);
        }
        NamedGetter getter = ofType.get(methodName);
        if (getter == null) {
            ofType.putIfAbsent(methodName, new NamedGetter(typeName, methodName));
            getter = ofType.get(methodName);
        }
        return getter;
    }

    /** What the method returns for {@code receiver}; null when the receiver is null or not of the type. */
    public Object get(Object receiver) throws IllegalAccessException, InvocationTargetException {
        if (receiver == null) {
            return null;
        }
        Method method = methods.get(receiver.getClass());
        return method == null ? null : method.invoke(receiver, NO_ARGUMENTS);
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

package dev.legacyguard.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A no-argument method that the woven class itself may call but advice cannot name: one of its
 * package's package-private methods, or a method of a package its module does not export
 * (javac rejects the first in advice, which lives in another package; reflection from here
 * rejects the second). Advice passes the woven class's own {@code MethodHandles.lookup()},
 * which holds exactly the woven class's access, so nothing is opened to the agent:
 * {@code WovenCall.of("proxy").get(MethodHandles.lookup(), request)}. The handle is made once
 * per woven class and receiver class, with the first lookup that asks.
 */
public final class WovenCall {

    private static final MethodType OBJECT_OF_OBJECT = MethodType.methodType(Object.class, Object.class);
    private static final ConcurrentMap<String, WovenCall> BY_NAME = new ConcurrentHashMap<String, WovenCall>();

    private final String methodName;
    // Per woven class, then per receiver class: a handle made with one class's access serves
    // only lookups of that same class, so this cache gives no caller more than its own lookup
    // would. Each woven class's entry goes when that class is unloaded.
    private final ClassValue<ConcurrentMap<Class<?>, MethodHandle>> handles =
            new ClassValue<ConcurrentMap<Class<?>, MethodHandle>>() {
                @Override
                protected ConcurrentMap<Class<?>, MethodHandle> computeValue(Class<?> wovenClass) {
                    return new ConcurrentHashMap<Class<?>, MethodHandle>();
                }
            };

    /**
     * The handle last made or found, for the pair of classes it serves: an exchange calls the
     * same method on the same classes every time, and the two maps above cost more than the
     * call. Held weakly, so that it keeps no class loader; a collection only sends the next
     * call to the maps.
     */
    private volatile WeakReference<LastHandle> last = new WeakReference<LastHandle>(null);

    private static final class LastHandle {

        final Class<?> wovenClass;
        final Class<?> receiverClass;
        final MethodHandle handle;

        LastHandle(Class<?> wovenClass, Class<?> receiverClass, MethodHandle handle) {
            this.wovenClass = wovenClass;
            this.receiverClass = receiverClass;
            this.handle = handle;
        }
    }

    private WovenCall(String methodName) {
        this.methodName = methodName;
    }

    /** The call of the no-argument method {@code methodName}, made once per name. */
    public static WovenCall of(String methodName) {
        WovenCall call = BY_NAME.get(methodName);
        if (call == null) {
            BY_NAME.putIfAbsent(methodName, new WovenCall(methodName));
            call = BY_NAME.get(methodName);
        }
        return call;
    }

    /**
     * What the method returns for {@code receiver}, called with the access of {@code woven}'s
     * lookup class; null for a null receiver.
     *
     * @throws NoSuchMethodException when the receiver's class and its superclasses declare no such method
     * @throws IllegalAccessException when the woven class may not call it
     */
    public Object get(MethodHandles.Lookup woven, Object receiver) throws Throwable {
        if (receiver == null) {
            return null;
        }
        return handle(woven, receiver.getClass()).invokeExact(receiver);
    }

    /**
     * A function that, when applied (to anything), calls the method on {@code receiver}: for a
     * call the advice lets happen later, once what it waits for has come.
     */
    public Function<Object, Object> later(MethodHandles.Lookup woven, Object receiver) throws Throwable {
        return new Later(handle(woven, receiver.getClass()), receiver);
    }

    private MethodHandle handle(MethodHandles.Lookup woven, Class<?> type) throws ReflectiveOperationException {
        if ((woven.lookupModes() & MethodHandles.Lookup.PRIVATE) == 0) {
            // Only a class's own lookup() has it: the cache is keyed by the class it names.
            throw new IllegalAccessException("not the woven class's own lookup: " + woven);
        }
        Class<?> wovenClass = woven.lookupClass();
        LastHandle hit = last.get();
        if (hit != null && hit.wovenClass == wovenClass && hit.receiverClass == type) {
            return hit.handle;
        }
        ConcurrentMap<Class<?>, MethodHandle> ofWoven = handles.get(wovenClass);
        MethodHandle handle = ofWoven.get(type);
        if (handle == null) {
            handle = woven.unreflect(declared(type)).asType(OBJECT_OF_OBJECT);
            ofWoven.put(type, handle);
        }
        last = new WeakReference<LastHandle>(new LastHandle(wovenClass, type, handle));
        return handle;
    }

    private Method declared(Class<?> type) throws NoSuchMethodException {
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            for (Method method : each.getDeclaredMethods()) {
                if (method.getName().equals(methodName) && method.getParameterTypes().length == 0) {
                    return method;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + methodName + "()");
    }

    private static final class Later implements Function<Object, Object> {

        private final MethodHandle handle;
        private final Object receiver;

        Later(MethodHandle handle, Object receiver) {
            this.handle = handle;
            this.receiver = receiver;
        }

        @Override
        public Object apply(Object ignored) {
            try {
                return handle.invokeExact(receiver);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new IllegalStateException(checked);
            }
        }
    }
}

package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.legacyguard.agent.instrument.javanethttp.JavaNetHttpInstrumentation;
import org.junit.jupiter.api.Test;

/**
 * The JDK-internal classes, methods and fields of {@code java.net.http} that the advice is woven
 * into, reads and calls, checked on the JDK running this test (the build runs it on JDK 17 and
 * Temurin 25; see docs/contributing/jdk-internals.md for 11 and 21). A JDK that renamed one would
 * otherwise leave its calls without a token, or the advice would fail once per run.
 */
class JavaNetHttpInternalsTest {

    private static final String REQUEST = "jdk.internal.net.http.HttpRequestImpl";

    private final JavaNetHttpInstrumentation instrumentation = new JavaNetHttpInstrumentation();

    @Test
    void everyAdvisedClassHasTheMethodTheAdviceIsWovenInto() throws ClassNotFoundException {
        for (AdvisedType advised : instrumentation.advisedTypes()) {
            List<Executable> matched = ShapedMethods.declaredBy(type(advised.typeName()),
                    instrumentation.advisedMethods(advised.typeName()));

            assertEquals(1, matched.size(), advised.typeName() + ": the advice must match exactly one method or"
                    + " constructor on " + Runtime.version() + ", matched " + matched);
        }
    }

    @Test
    void everyFieldTheAdviceReadsIsThereWithItsType() throws ClassNotFoundException {
        assertEquals(List.of("Exchange.request", "Response.headers", "Response.request", "Response.statusCode"),
                AdvisedFields.readBy(instrumentation, ClassLoader.getPlatformClassLoader()),
                "the fields this test saw the advice read (keep docs/contributing/jdk-internals.md in step)");
    }

    /**
     * What ExchangeAdvice calls through WovenCall, by name, with no arguments, and the system
     * headers builder's map, which the advice calls directly.
     */
    @Test
    void thePackagePrivateMethodsTheAdviceCallsByNameAreThere() throws ReflectiveOperationException {
        Class<?> request = type(REQUEST);

        Class<?> systemHeaders = noArguments(request, "getSystemHeadersBuilder").getReturnType();
        assertEquals("jdk.internal.net.http.common.HttpHeadersBuilder", systemHeaders.getName());
        assertTrue(Modifier.isPublic(systemHeaders.getModifiers()), "linked by name from the advice");
        Method map = noArguments(systemHeaders, "map");
        assertTrue(Modifier.isPublic(map.getModifiers()), "called from the advice without WovenCall");
        assertEquals(Map.class, map.getReturnType());
        assertEquals(InetSocketAddress.class, noArguments(request, "proxy").getReturnType());
        assertEquals(CompletableFuture.class, noArguments(type("jdk.internal.net.http.Exchange"), "responseAsync").getReturnType());
    }

    /** Its {@code uri()} and {@code headers()} (the application's own headers) are java.net.http's public API. */
    @Test
    void theRequestIsAnHttpRequest() throws ClassNotFoundException {
        assertTrue(java.net.http.HttpRequest.class.isAssignableFrom(type(REQUEST)));
    }

    private static Method noArguments(Class<?> type, String name) throws NoSuchMethodException {
        return type.getDeclaredMethod(name);
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
    }
}

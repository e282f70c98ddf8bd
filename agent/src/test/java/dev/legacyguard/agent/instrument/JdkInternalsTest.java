package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.net.HttpURLConnection;
import java.util.Arrays;
import java.util.List;

import dev.legacyguard.agent.instrument.httpurlconnection.HttpUrlConnectionInstrumentation;
import org.junit.jupiter.api.Test;

/**
 * The JDK-internal classes, methods and fields the HttpURLConnection advice is woven into and
 * reads, checked on the JDK running this test (the build runs it on JDK 17 and Temurin 25; see
 * docs/contributing/jdk-internals.md for 8, 11 and 21). A JDK that renames or drops one would
 * otherwise match nothing at run time, and its calls would silently go out without a token.
 */
class JdkInternalsTest {

    private static final String MESSAGE_HEADER = "sun.net.www.MessageHeader";

    private final HttpUrlConnectionInstrumentation instrumentation = new HttpUrlConnectionInstrumentation();

    @Test
    void everyAdvisedJdkClassHasTheMethodTheAdviceIsWovenInto() throws ClassNotFoundException {
        for (AdvisedType advised : instrumentation.advisedTypes()) {
            List<Executable> matched = advisedMethods(advised);

            assertFalse(matched.isEmpty(), advised.typeName() + " has no method the advice matches on "
                    + Runtime.version() + ": " + Arrays.toString(type(advised).getDeclaredMethods()));
        }
    }

    @Test
    void everyFieldTheAdviceReadsIsThereWithItsType() throws ClassNotFoundException {
        assertEquals(List.of("HttpClient.requests", "HttpURLConnection.requests", "HttpURLConnection.url", "HttpURLConnection.useProxyResponseCode",
                "HttpURLConnection.userHeaders"), AdvisedFields.readBy(instrumentation, null),
                "the fields this test saw the advice read (keep docs/contributing/jdk-internals.md in step)");
    }

    /** ParseResponseAdvice takes the response headers from the first argument and the connection from the last. */
    @Test
    void parseHttpTakesTheResponseHeadersFirstAndTheConnectionLast() throws ClassNotFoundException {
        AdvisedType httpClient = instrumentation.advisedTypes().stream()
                .filter(advised -> advised.typeName().equals("sun.net.www.http.HttpClient")).findFirst().orElseThrow();
        for (Executable method : advisedMethods(httpClient)) {
            Class<?>[] parameters = method.getParameterTypes();

            assertEquals(MESSAGE_HEADER, parameters[0].getName(), method::toString);
            assertTrue(HttpURLConnection.class.isAssignableFrom(parameters[parameters.length - 1]), method::toString);
        }
    }

    @Test
    void theRequestAndResponseHeadersHaveTheMethodsTheAdviceCalls() throws ReflectiveOperationException {
        Class<?> headers = Class.forName(MESSAGE_HEADER);

        assertEquals(String.class, headers.getMethod("findValue", String.class).getReturnType());
        assertEquals(String.class, headers.getMethod("getValue", int.class).getReturnType());
        headers.getMethod("remove", String.class);
        headers.getMethod("set", String.class, String.class);
    }

    private List<Executable> advisedMethods(AdvisedType advised) throws ClassNotFoundException {
        return ShapedMethods.declaredBy(type(advised), instrumentation.advisedMethods(advised.typeName()));
    }

    private static Class<?> type(AdvisedType advised) throws ClassNotFoundException {
        return Class.forName(advised.typeName(), false, null);
    }
}

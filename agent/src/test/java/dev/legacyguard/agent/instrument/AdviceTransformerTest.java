package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.instrument.httpurlconnection.HttpUrlConnectionInstrumentation;
import dev.legacyguard.agent.log.AgentLog;

class AdviceTransformerTest {

    /** A class loader of an application, declaring its own loadClass. */
    static final class ApplicationLoader extends ClassLoader {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void retransformsTheLoadedClassLoadersFirstThenTheLoadedAdvisedTypesAndNothingElse() throws Exception {
        Class<?> connection = Class.forName("sun.net.www.protocol.http.HttpURLConnection");
        Class<?> httpClient = Class.forName("sun.net.www.http.HttpClient");
        List<Class<?>> retransformed = new ArrayList<>();
        Instrumentation instrumentation = loaded(retransformed, connection, String[].class, int.class, Object.class,
                URLClassLoader.class, ApplicationLoader.class, httpClient, ApplicationLoader[].class);

        transformer().retransformLoadedClasses(instrumentation);

        assertEquals(List.of(ApplicationLoader.class, connection, httpClient), retransformed);
    }

    private static AdviceTransformer transformer() {
        Map<String, AdvisedType> byInternalName = new HashMap<>();
        for (AdvisedType type : new HttpUrlConnectionInstrumentation().advisedTypes()) {
            byInternalName.put(type.typeName().replace('.', '/'), type);
        }
        ClassLoader agentLoader = AdviceTransformerTest.class.getClassLoader();
        return new AdviceTransformer(byInternalName, new AdviceWeaver(agentLoader, null), agentLoader,
                AgentLog.to(new PrintStream(new ByteArrayOutputStream(), true)));
    }

    /** An Instrumentation that has loaded {@code classes}, every one modifiable, and records what it retransforms. */
    private static Instrumentation loaded(List<Class<?>> retransformed, Class<?>... classes) {
        return (Instrumentation) Proxy.newProxyInstance(Instrumentation.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getAllLoadedClasses":
                            return classes;
                        case "isModifiableClass":
                            return true;
                        case "retransformClasses":
                            for (Object each : (Object[]) args[0]) {
                                retransformed.add((Class<?>) each);
                            }
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}

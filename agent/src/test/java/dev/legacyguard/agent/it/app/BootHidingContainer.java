package dev.legacyguard.agent.it.app;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;

/**
 * Runs {@link ScenarioApp} in a class loader from whose classes the agent's bootstrap package
 * is out of reach ({@link BootHidingLoader}, defined as a hidden class): the advice the agent
 * weaves into the client classes that loader loads fails to link on every call.
 *
 * <p>Arguments: {@code APP SCENARIOS}, APP as a class path of the scenario app and the clients.
 */
public final class BootHidingContainer {

    private BootHidingContainer() {
    }

    public static void main(String[] args) throws Throwable {
        byte[] loaderClass;
        try (InputStream in = BootHidingContainer.class.getResourceAsStream("BootHidingLoader.class")) {
            loaderClass = in.readAllBytes();
        }
        Class<?> hidden = MethodHandles.lookup().defineHiddenClass(loaderClass, true).lookupClass();
        ClassLoader loader = (ClassLoader) MethodHandles.lookup()
                .findConstructor(hidden, MethodType.methodType(void.class, URL[].class, ClassLoader.class))
                .invoke(SharedHttpcoreContainer.urls(args[0]), ClassLoader.getPlatformClassLoader());
        Class.forName(ScenarioApp.class.getName(), true, loader).getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {args[1]});
    }
}

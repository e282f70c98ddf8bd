package dev.legacyguard.agent.it.app;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The class loaders of a servlet container that shares httpcore between its web apps: httpcore
 * in a loader of its own (the container's shared lib) and a web app's loader below it, holding
 * {@link ScenarioApp}, httpclient and its other dependencies (WEB-INF/classes and WEB-INF/lib).
 * Neither loader sees the JVM's class path.
 *
 * <p>Arguments: {@code SHARED WEBAPP SCENARIOS}, the first two as class paths.
 */
public final class SharedHttpcoreContainer {

    private SharedHttpcoreContainer() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader shared = new URLClassLoader(urls(args[0]), ClassLoader.getPlatformClassLoader());
        ClassLoader webApp = new URLClassLoader(urls(args[1]), shared);
        Class.forName(ScenarioApp.class.getName(), true, webApp).getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {args[2]});
    }

    static URL[] urls(String classPath) throws MalformedURLException {
        String[] entries = classPath.split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = Path.of(entries[i]).toUri().toURL();
        }
        return urls;
    }
}

package dev.legacyguard.agent.it.app;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A class loader that refuses the agent's bootstrap package, whatever delegates to what:
 * defined as a hidden class by {@link BootHidingContainer}, it is one the agent cannot weave
 * (the JVM shows agents no hidden class), so the agent's advice in the client classes it
 * loads cannot link.
 */
public class BootHidingLoader extends URLClassLoader {

    public BootHidingLoader(URL[] urls, ClassLoader parent) {
        super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("dev.legacyguard.agent.bootstrap.")) {
            throw new ClassNotFoundException(name + " (hidden on purpose)");
        }
        return super.loadClass(name, resolve);
    }
}

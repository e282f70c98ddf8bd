package dev.legacyguard.agent.instrument.classloader;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into the {@code loadClass} methods of class loaders: a class of the agent's bootstrap
 * package comes from the bootstrap class loader, where the agent put that package, whatever the
 * loader itself would do with the name (JBoss Modules and OSGi frameworks delegate only
 * {@code java.*} and their configured packages). Every other name costs one
 * {@code startsWith}. Only JDK types here: this code runs inside every class loader, also
 * those that could not load an agent class to run it.
 */
final class BootDelegationAdvice {

    /** The bootstrap package, as a constant so that it is inlined with the advice. */
    static final String BOOTSTRAP_PACKAGE = "dev.legacyguard.agent.bootstrap.";

    private BootDelegationAdvice() {
    }

    /** The class from the bootstrap class loader, or null to let the loader go on as it would. */
    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    static Class<?> fromBootLoader(@Advice.This Object loader, @Advice.Argument(0) String name)
            throws ClassNotFoundException {
        // A class that merely has a loadClass method of the same shape is no class loader.
        if (name != null && name.startsWith(BOOTSTRAP_PACKAGE) && loader instanceof ClassLoader) {
            // A null loader is the bootstrap loader itself: no Java loadClass runs, so no recursion.
            return Class.forName(name, false, null);
        }
        return null;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void returnIt(@Advice.Enter Class<?> fromBootLoader, @Advice.Return(readOnly = false) Class<?> loaded) {
        if (fromBootLoader != null) {
            loaded = fromBootLoader;
        }
    }
}

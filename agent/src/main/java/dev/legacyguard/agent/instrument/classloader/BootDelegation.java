package dev.legacyguard.agent.instrument.classloader;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which classes get {@link BootDelegationAdvice}: every class loader that declares its own
 * {@code loadClass}, so that advice inlined into a client class reaches the agent's bootstrap
 * package from whichever loader defined that class. The JDK's loaders already delegate to
 * the bootstrap loader, and the agent's own loader never loads a client (what it loads,
 * the agent's own classes and relocated ByteBuddy, is never woven).
 */
public final class BootDelegation {

    private static final String[] LEFT_ALONE = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "com/ibm/oti/",
            "dev/legacyguard/agent/AgentMain"};

    private BootDelegation() {
    }

    /** For a class the JVM is loading: cheap, parses nothing but the class file's tables. */
    public static boolean wants(String internalName, byte[] classFile) {
        return internalName != null && !leftAlone(internalName) && LoadClassDeclaration.declaredIn(classFile);
    }

    /** For a class loaded before the agent started. */
    public static boolean wants(Class<?> loaded) {
        return ClassLoader.class.isAssignableFrom(loaded) && !leftAlone(loaded.getName().replace('.', '/'));
    }

    public static String adviceClassName() {
        return BootDelegation.class.getPackage().getName() + ".BootDelegationAdvice";
    }

    public static ElementMatcher<? super MethodDescription> loadClassMethods() {
        return named("loadClass").and(not(isStatic())).and(not(isAbstract())).and(returns(Class.class))
                .and(takesArguments(String.class).or(takesArguments(String.class, boolean.class)));
    }

    private static boolean leftAlone(String internalName) {
        for (String prefix : LEFT_ALONE) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

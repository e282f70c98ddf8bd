package dev.legacyguard.agent.instrument.classloader;


import dev.legacyguard.agent.instrument.weave.MethodShape;

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

    public static MethodShape loadClassMethods() {
        return MethodShape.named("loadClass").notStatic()
                .describedAs("(Ljava/lang/String;)Ljava/lang/Class;", "(Ljava/lang/String;Z)Ljava/lang/Class;");
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

package dev.legacyguard.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The launcher, and the only agent class on the application's class path (the JVM puts the
 * {@code -javaagent} jar there). It puts the {@code bootstrap} package on the bootstrap class
 * path, where advice inlined into JDK classes can reach it, and runs everything else from an
 * isolated class loader that reads the jar's {@code inst/} entries, so neither the agent's
 * core nor its relocated ByteBuddy is visible to the application.
 */
public final class AgentMain {

    private static final String INSTALLER = "dev.legacyguard.agent.instrument.AgentInstaller";
    private static final String CHECK_COMMAND = "dev.legacyguard.agent.check.CheckCommand";
    private static final String TOKEN_COMMAND = "dev.legacyguard.agent.check.TokenCommand";

    private AgentMain() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    /**
     * {@code java -jar logto-agent.jar check CONFIG}: validates a configuration and asks for every token;
     * {@code java -jar logto-agent.jar token CONFIG ...}: prints one token, for testing an API with curl.
     */
    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        if (!command.equals("check") && !command.equals("token")) {
            System.err.println("usage: java -jar logto-agent.jar check CONFIG"
                    + " | java -jar logto-agent.jar token CONFIG [--resource NAME] [--personal-access-token -|PAT]"
                    + " (as an agent: java -javaagent:logto-agent.jar=CONFIG -jar your-service.jar)");
            System.exit(2);
            return;
        }
        int exitCode;
        try {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            ClassLoader loader = isolatedLoader(agentJar());
            exitCode = command.equals("check")
                    ? (Integer) loader.loadClass(CHECK_COMMAND).getMethod("run", String[].class, PrintStream.class)
                            .invoke(null, rest, System.out)
                    : (Integer) loader.loadClass(TOKEN_COMMAND)
                            .getMethod("run", String[].class, InputStream.class, PrintStream.class, PrintStream.class)
                            .invoke(null, rest, System.in, System.out, System.err);
        } catch (Throwable t) {
            System.err.println("[logto-agent] ERROR the " + command + " command could not run: " + describe(t));
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private static void start(String agentArgs, Instrumentation instrumentation) {
        try {
            JarFile agentJar = agentJar();
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(BootstrapJar.extract(agentJar)));
            // The same parameter types as premain's: on Java 18+ reflection spins method handles
            // per signature, and the JVM has just spun these for premain (~6 ms saved on Java 25).
            isolatedLoader(agentJar).loadClass(INSTALLER)
                    .getMethod("install", String.class, Instrumentation.class)
                    .invoke(null, agentArgs, instrumentation);
        } catch (Throwable t) {
            // The service must start even when the agent cannot.
            System.err.println("[logto-agent] ERROR the agent could not start, the service runs without it: "
                    + describe(t));
        }
    }

    private static ClassLoader isolatedLoader(JarFile agentJar) throws IOException {
        return new IsolatedClassLoader(agentJar, aboveApplication(), AgentMain.class.getProtectionDomain(),
                AgentMain.class.getPackage().getImplementationVersion());
    }

    private static JarFile agentJar() throws IOException {
        try {
            return new JarFile(new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent jar: " + e.getMessage(), e);
        }
    }

    /**
     * The platform class loader on Java 9+, the extension loader on Java 8: JDK only, no
     * application classes. Either is the top of the system loader's chain (the boot loader is
     * null); found without reflection, since reflecting on getPlatformClassLoader, a
     * caller-sensitive method, parses annotations and spins a proxy class (~15 ms at start-up).
     */
    private static ClassLoader aboveApplication() {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        while (loader.getParent() != null) {
            loader = loader.getParent();
        }
        return loader;
    }

    private static String describe(Throwable t) {
        Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] bytes = new byte[(int) entry.getSize()];
            int length = 0;
            for (int n; length < bytes.length && (n = in.read(bytes, length, bytes.length - length)) != -1; ) {
                length += n;
            }
            if (length != bytes.length) {
                throw new IOException(entry.getName() + " in " + jar.getName() + " is shorter than its "
                        + bytes.length + " bytes; rebuild the agent jar");
            }
            return bytes;
        }
    }

    /** Copies the jar's {@code boot.jar} (the bootstrap package) to a file the bootstrap class loader can search. */
    static final class BootstrapJar {
        private static final String ENTRY = "boot.jar";
        private static final int ATTEMPTS = 100;

        private BootstrapJar() {
        }

        static File extract(JarFile agentJar) throws IOException {
            JarEntry entry = agentJar.getJarEntry(ENTRY);
            if (entry == null) {
                throw new IOException(agentJar.getName() + " has no " + ENTRY + "; use the jar the build produced");
            }
            byte[] bytes = read(agentJar, entry);
            // Not File.createTempFile: it seeds a SecureRandom first (~40 ms at start-up). An
            // exclusive create (O_EXCL, which also refuses a symbolic link) never opens a file
            // someone else made, so the name needs no secret randomness.
            File dir = new File(System.getProperty("java.io.tmpdir"));
            Random names = new Random();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                File file = new File(dir, "logto-agent-bootstrap" + Long.toHexString(names.nextLong() & Long.MAX_VALUE) + ".jar");
                if (file.createNewFile()) {
                    file.deleteOnExit();
                    try (OutputStream out = new FileOutputStream(file)) {
                        out.write(bytes);
                    }
                    return file;
                }
            }
            throw new IOException("could not create a new file in " + dir + " after " + ATTEMPTS
                    + " attempts; check that java.io.tmpdir is writable");
        }
    }

    /**
     * Loads the agent's classes from {@code inst/NAME.classdata} entries (and, when not running
     * as an agent, the bootstrap package from {@code boot/}). Its parent sees only the JDK. Like
     * a URLClassLoader, it gives each package the jar's Implementation-Version.
     */
    static final class IsolatedClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private static final String OWN_RESOURCES = "dev/legacyguard/agent/";
        private static final String OWN_CLASSES = "dev.legacyguard.agent.";
        private static final String BOOTSTRAP_PACKAGE = "dev.legacyguard.agent.bootstrap.";

        private final JarFile jar;
        private final URL jarUrl;
        private final ProtectionDomain protectionDomain;
        private final String version;

        IsolatedClassLoader(JarFile jar, ClassLoader parent, ProtectionDomain protectionDomain, String version)
                throws MalformedURLException {
            super(parent);
            this.jar = jar;
            this.jarUrl = new File(jar.getName()).toURI().toURL();
            this.protectionDomain = protectionDomain;
            this.version = version;
        }

        /**
         * The agent's own classes (but the bootstrap package, which the bootstrap loader holds
         * when running as an agent) straight from the jar: the JDK's loaders, which this one's
         * parent and the bootstrap loader behind it search first otherwise, never hold them,
         * and that search cost ~5 ms over the hundred or so classes premain loads.
         */
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OWN_CLASSES) || name.startsWith(BOOTSTRAP_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String path = name.replace('.', '/') + ".classdata";
            JarEntry entry = jar.getJarEntry("inst/" + path);
            if (entry == null) {
                entry = jar.getJarEntry("boot/" + path);
            }
            if (entry == null) {
                throw new ClassNotFoundException(name);
            }
            try {
                byte[] bytes = read(jar, entry);
                definePackageOf(name);
                return defineClass(name, bytes, 0, bytes.length, protectionDomain);
            } catch (IOException e) {
                throw new ClassNotFoundException(name + " (agent jar " + jar.getName() + " unreadable)", e);
            }
        }

        private void definePackageOf(String className) {
            int dot = className.lastIndexOf('.');
            String name = dot < 0 ? "" : className.substring(0, dot);
            if (getPackage(name) == null) {
                try {
                    definePackage(name, null, null, null, null, version, null, null);
                } catch (IllegalArgumentException definedConcurrently) {
                    // another thread defined it first: fine
                }
            }
        }

        /**
         * The agent's own files straight from its jar: asking the JDK's loaders first, as
         * {@code getResourceAsStream} would, opens the runtime image on the first lookup (~5 ms),
         * in the middle of the first weave, which reads the advice class files through here.
         */
        @Override
        public InputStream getResourceAsStream(String name) {
            if (name.startsWith(OWN_RESOURCES)) {
                JarEntry entry = jar.getJarEntry(entryOf(name));
                if (entry != null) {
                    try {
                        return jar.getInputStream(entry);
                    } catch (IOException e) {
                        return null;
                    }
                }
            }
            return super.getResourceAsStream(name);
        }

        /** Class files are stored as {@code .classdata}. */
        private static String entryOf(String name) {
            return "inst/" + (name.endsWith(".class") ? name + "data" : name);
        }

        @Override
        protected URL findResource(String name) {
            String entry = entryOf(name);
            if (jar.getJarEntry(entry) == null) {
                return null;
            }
            try {
                return new URL("jar:" + jarUrl + "!/" + entry);
            } catch (MalformedURLException e) {
                return null;
            }
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL url = findResource(name);
            return Collections.enumeration(url == null ? Collections.<URL>emptyList() : Collections.singletonList(url));
        }
    }
}

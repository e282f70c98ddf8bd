package dev.legacyguard.agent.instrument.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Class files read as resources, the way a class loader would find them, without loading the class. */
public final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * The class file of {@code internalName} from {@code loader} (null: the boot loader), else
     * from the system loader, which also sees the JDK's classes where a module's loader (JBoss
     * Modules, OSGi) does not show them as resources; null when neither has it.
     */
    public static byte[] of(String internalName, ClassLoader loader) throws IOException {
        String resource = internalName + ".class";
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        return read(in != null ? in : ClassLoader.getSystemResourceAsStream(resource));
    }

    /** The class file of one of the JDK's own classes, never one of the class path; null when the JDK has none. */
    public static byte[] ofJdk(String internalName) throws IOException {
        // The platform loader (the extension loader on Java 8) and the boot loader behind it.
        return read(ClassLoader.getSystemClassLoader().getParent().getResourceAsStream(internalName + ".class"));
    }

    private static byte[] read(InputStream in) throws IOException {
        if (in == null) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(in.available(), 4096));
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        } finally {
            in.close();
        }
    }
}

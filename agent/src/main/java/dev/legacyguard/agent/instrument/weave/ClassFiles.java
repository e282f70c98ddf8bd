package dev.legacyguard.agent.instrument.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/** Class files read as resources, the way a class loader would find them, without loading the class. */
public final class ClassFiles {

    /** Packages of the JDK (whatever their loader) and the agent's bootstrap package. */
    private static final String[] BOOT_PACKAGES = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "org/w3c/", "org/xml/",
        "org/ietf/", "dev/legacyguard/agent/bootstrap/"};

    private ClassFiles() {
    }

    /**
     * The class file of {@code internalName} from {@code loader} (null: the boot loader); for one
     * of the JDK's classes (or the agent's bootstrap package, on the boot class path) also from
     * the system loader, which shows them where a module's loader (JBoss Modules, OSGi) does not;
     * null when none has it. Another library's class is never looked for elsewhere: the system
     * loader might hold another version of it, whose superclass is not this one's.
     */
    public static byte[] of(String internalName, ClassLoader loader) throws IOException {
        String resource = internalName + ".class";
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null && (loader == null || isSharedByEveryLoader(internalName))) {
            in = ClassLoader.getSystemResourceAsStream(resource);
        }
        return read(in);
    }

    /** A class of the JDK (whatever its loader) or of the agent's bootstrap package, by its package's name. */
    public static boolean isSharedByEveryLoader(String internalName) {
        for (String prefix : BOOT_PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The class file of one of the JDK's own classes, never one of the class path; null when the JDK has none. */
    public static byte[] ofJdk(String internalName) throws IOException {
        // The platform loader (the extension loader on Java 8) and the boot loader behind it.
        return read(ClassLoader.getSystemClassLoader().getParent().getResourceAsStream(internalName + ".class"));
    }

    /**
     * Whether two class files are the same: the same length and the same CRC-32 and Adler-32.
     * Not {@code Arrays.equals}: a class load that compares the JDK's class file with the one
     * woven ahead runs early in the process, where that comparison still runs interpreted
     * (milliseconds for HttpURLConnection's 100 KB, measured on Java 17); the JDK computes both
     * checksums in native code. A file another agent changed before this one differs in its length or in
     * either sum (both matching by accident is vanishingly unlikely); were they to match, this
     * class would lose that agent's change, and still never send a request unjudged.
     */
    public static boolean same(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        return checksum(new CRC32(), a) == checksum(new CRC32(), b) && checksum(new Adler32(), a) == checksum(new Adler32(), b);
    }

    private static long checksum(Checksum sum, byte[] bytes) {
        sum.update(bytes, 0, bytes.length);
        return sum.getValue();
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

package dev.legacyguard.agent.instrument.classloader;

import java.nio.charset.StandardCharsets;

/**
 * Whether a class file declares a concrete instance {@code Class loadClass(String)} or
 * {@code Class loadClass(String, boolean)}, read straight from its bytes: the JVM hands every
 * class it loads to the agent, and nearly none of them should cost a parse by ByteBuddy.
 */
final class LoadClassDeclaration {

    private static final byte[] NAME = ascii("loadClass");
    private static final byte[] BY_NAME = ascii("(Ljava/lang/String;)Ljava/lang/Class;");
    private static final byte[] BY_NAME_RESOLVING = ascii("(Ljava/lang/String;Z)Ljava/lang/Class;");
    private static final int STATIC_OR_ABSTRACT = 0x0008 | 0x0400;

    private LoadClassDeclaration() {
    }

    static boolean declaredIn(byte[] classFile) {
        try {
            return scan(classFile);
        } catch (ArrayIndexOutOfBoundsException malformed) {
            // The JVM will reject the class itself; nothing for the agent to do.
            return false;
        }
    }

    private static boolean scan(byte[] file) {
        if (file.length < 10 || u2(file, 0) != 0xCAFE || u2(file, 2) != 0xBABE) {
            return false;
        }
        int constants = u2(file, 8);
        int name = 0;
        int byName = 0;
        int byNameResolving = 0;
        int at = 10;
        for (int index = 1; index < constants; index++) {
            int tag = file[at] & 0xff;
            if (tag == 1) {
                int length = u2(file, at + 1);
                if (matches(file, at + 3, length, NAME)) {
                    name = index;
                } else if (matches(file, at + 3, length, BY_NAME)) {
                    byName = index;
                } else if (matches(file, at + 3, length, BY_NAME_RESOLVING)) {
                    byNameResolving = index;
                }
                at += 3 + length;
            } else if (tag == 5 || tag == 6) {
                // long and double take two entries
                at += 9;
                index++;
            } else {
                int size = constantSize(tag);
                if (size < 0) {
                    return false;
                }
                at += size;
            }
        }
        if (name == 0 || byName == 0 && byNameResolving == 0) {
            return false;
        }
        at += 6; // access flags, this class, super class
        at += 2 + 2 * u2(file, at); // interfaces
        at = skipMembers(file, at); // fields
        int methods = u2(file, at);
        at += 2;
        for (int method = 0; method < methods; method++) {
            int access = u2(file, at);
            int descriptor = u2(file, at + 4);
            if (u2(file, at + 2) == name && (descriptor == byName || descriptor == byNameResolving)
                    && (access & STATIC_OR_ABSTRACT) == 0) {
                return true;
            }
            at = skipAttributes(file, at + 6);
        }
        return false;
    }

    /** Bytes of a constant pool entry other than Utf8, long and double; -1 for an unknown tag. */
    private static int constantSize(int tag) {
        switch (tag) {
            case 7: case 8: case 16: case 19: case 20:
                return 3;
            case 15:
                return 4;
            case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                return 5;
            default:
                return -1;
        }
    }

    private static int skipMembers(byte[] file, int at) {
        int count = u2(file, at);
        at += 2;
        for (int member = 0; member < count; member++) {
            at = skipAttributes(file, at + 6);
        }
        return at;
    }

    private static int skipAttributes(byte[] file, int at) {
        int count = u2(file, at);
        at += 2;
        for (int attribute = 0; attribute < count; attribute++) {
            at += 6 + u4(file, at + 2);
        }
        return at;
    }

    private static boolean matches(byte[] file, int at, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (file[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] file, int at) {
        return (file[at] & 0xff) << 8 | file[at + 1] & 0xff;
    }

    private static int u4(byte[] file, int at) {
        return u2(file, at) << 16 | u2(file, at + 2);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

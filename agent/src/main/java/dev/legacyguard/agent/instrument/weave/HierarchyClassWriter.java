package dev.legacyguard.agent.instrument.weave;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Computes the stack map frames of the advised methods with the class hierarchy read from class
 * files, never by loading a class: ASM's default would load both classes it compares, from the
 * agent's loader, in the middle of the JVM defining the client's class. A class whose file
 * cannot be found stops the weaving (the class then loads unchanged) rather than giving a
 * frame the verifier might refuse, which would fail the class itself.
 */
final class HierarchyClassWriter extends ClassWriter {

    private static final String OBJECT = "java/lang/Object";

    private final ClassLoader loader;
    private final Map<String, ClassReader> headers = new HashMap<String, ClassReader>();

    HierarchyClassWriter(ClassReader woven, int flags, ClassLoader loader) {
        super(woven, flags);
        this.loader = loader;
        headers.put(woven.getClassName(), woven);
    }

    @Override
    protected String getCommonSuperClass(String first, String second) {
        if (isInterface(first) || isInterface(second)) {
            return OBJECT;
        }
        List<String> firstAndSupers = new ArrayList<String>();
        for (String type = first; type != null; type = header(type).getSuperName()) {
            firstAndSupers.add(type);
        }
        for (String type = second; type != null; type = header(type).getSuperName()) {
            if (firstAndSupers.contains(type)) {
                return type;
            }
        }
        return OBJECT;
    }

    private boolean isInterface(String type) {
        return (header(type).getAccess() & Opcodes.ACC_INTERFACE) != 0;
    }

    private ClassReader header(String type) {
        ClassReader header = headers.get(type);
        if (header == null) {
            byte[] classFile;
            try {
                classFile = ClassFiles.of(type, loader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the class file of " + type.replace('/', '.') + ": " + e, e);
            }
            if (classFile == null) {
                throw new IllegalStateException("cannot find the class file of " + type.replace('/', '.')
                        + " to compute the stack map frames of the advice");
            }
            header = new ClassReader(classFile);
            headers.put(type, header);
        }
        return header;
    }
}

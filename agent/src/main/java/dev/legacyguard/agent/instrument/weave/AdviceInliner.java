package dev.legacyguard.agent.instrument.weave;

import java.util.HashMap;
import java.util.Map;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Inlines an advice class into the methods of a class file that have a given shape, on ASM
 * alone: the first outgoing call of a process waits for this, and ByteBuddy's {@code Advice}
 * would first load some 575 of its classes. Only method bodies change, so the result also suits
 * the retransformation of a class that is already loaded. Every method without advice is copied
 * as it is.
 */
public final class AdviceInliner {

    private final AdviceClass advice;

    private AdviceInliner(AdviceClass advice) {
        this.advice = advice;
    }

    /**
     * @param adviceClassFile the advice class's file, read and checked once here
     * @throws IllegalStateException when the advice uses what cannot be inlined
     */
    public static AdviceInliner of(byte[] adviceClassFile) {
        return new AdviceInliner(AdviceClass.read(adviceClassFile));
    }

    /**
     * The class file with the advice inlined into each of its methods of {@code shape}, or null
     * when it declares none.
     *
     * @param loader the class's loader (null: the boot loader), where the class files of the types
     *     its frames merge are read from
     * @throws IllegalStateException when the advice cannot be inlined into such a method
     */
    public byte[] inline(byte[] classFile, MethodShape shape, ClassLoader loader) {
        ClassReader reader = new ClassReader(classFile);
        Survey survey = new Survey(shape);
        reader.accept(survey, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (survey.methods.isEmpty()) {
            return null;
        }
        // Stack map frames from Java 6 class files on; older ones have none, and may hold jsr.
        int flags = (survey.version & 0xFFFF) >= Opcodes.V1_6 ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS;
        ClassWriter writer = new HierarchyClassWriter(reader, flags, loader);
        reader.accept(new Inlining(writer, survey), 0);
        return writer.toByteArray();
    }

    /** First pass: the class's version and fields, and what the rewriting needs to know of each advised method's code. */
    private static final class Survey extends ClassVisitor {

        private final MethodShape shape;
        private final Map<String, String> fieldDescriptors = new HashMap<String, String>();
        private final Map<String, StackHeights> methods = new HashMap<String, StackHeights>();
        private int version;

        Survey(MethodShape shape) {
            super(Opcodes.ASM9);
            this.shape = shape;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.version = version;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            fieldDescriptors.put(name, descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, final String name, final String descriptor, String signature,
                String[] exceptions) {
            if (!shape.matches(access, name, descriptor)) {
                return null;
            }
            StackHeights code = new StackHeights(access, descriptor);
            methods.put(name + descriptor, code);
            return code;
        }
    }

    /** Second pass: the advised methods rewritten, everything else copied. */
    private final class Inlining extends ClassVisitor {

        private final Survey survey;
        private String owner;

        Inlining(ClassVisitor writer, Survey survey) {
            super(Opcodes.ASM9, writer);
            this.survey = survey;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            owner = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor code = super.visitMethod(access, name, descriptor, signature, exceptions);
            StackHeights original = survey.methods.get(name + descriptor);
            if (original == null || original.maxLocals() < 0) {
                return code;
            }
            return new AdvisedCode(code, advice, new Target(owner, survey.version, access, name, descriptor,
                    survey.fieldDescriptors, original.maxLocals(), advice), original);
        }
    }
}

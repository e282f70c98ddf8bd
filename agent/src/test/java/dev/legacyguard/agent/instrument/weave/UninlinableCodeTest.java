package dev.legacyguard.agent.instrument.weave;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Methods written in ways javac never writes them, which other compilers may: the inliner
 * refuses them (the class then loads unchanged) rather than give code the verifier rejects when
 * the class is defined, which would fail the class itself; the more so in class files older
 * than Java 6, which carry no stack map frames for ASM to check the result against.
 */
class UninlinableCodeTest {

    private static final String OWNER = "test/Target";

    @Test
    void aReturnThatLeavesMoreThanItsValueOnTheStackIsRefused() throws Exception {
        byte[] target = classWith(Opcodes.V1_2, "pick", "(Ljava/lang/String;)Ljava/lang/String;", code -> {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitInsn(Opcodes.ARETURN);
        }, 2, 2);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> inline(ReadsTheReturn.class, target, MethodShape.named("pick")));
        assertTrue(refused.getMessage().contains("a return of the method leaves more than its value on the stack"),
                refused.getMessage());
    }

    @Test
    void theSameReturnWithOnlyItsValueIsInlined() throws Exception {
        byte[] target = classWith(Opcodes.V1_2, "pick", "(Ljava/lang/String;)Ljava/lang/String;", code -> {
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitInsn(Opcodes.ARETURN);
        }, 1, 2);

        assertNotNull(inline(ReadsTheReturn.class, target, MethodShape.named("pick")));
    }

    @Test
    void exitAdviceReadingArgumentsIsRefusedWhereTheMethodAssignsOne() throws Exception {
        byte[] target = classWith(Opcodes.V1_8, "pick", "(Ljava/lang/String;)Ljava/lang/String;", code -> {
            code.visitLdcInsn("other");
            code.visitVarInsn(Opcodes.ASTORE, 1);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitInsn(Opcodes.ARETURN);
        }, 1, 2);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> inline(ReadsTheArgumentOnExit.class, target, MethodShape.named("pick")));
        assertTrue(refused.getMessage().contains("reads arguments on exit, but the method assigns one of them"),
                refused.getMessage());
    }

    @Test
    void skippingAConstructorsBodyIsRefused() throws Exception {
        byte[] target = classWith(Opcodes.V1_8, "<init>", "()V", code -> {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            code.visitInsn(Opcodes.RETURN);
        }, 1, 1);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> inline(Skips.class, target, MethodShape.constructor()));
        assertTrue(refused.getMessage().contains("does not support in a constructor"), refused.getMessage());
    }

    @Test
    void aStaticInterfaceCallIsRefusedInAClassFileOlderThanJava8() throws Exception {
        byte[] target = classWith(Opcodes.V1_5, "pick", "(Ljava/lang/String;)Ljava/lang/String;", code -> {
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitInsn(Opcodes.ARETURN);
        }, 1, 2);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> inline(CallsAStaticInterfaceMethod.class, target, MethodShape.named("pick")));
        assertTrue(refused.getMessage().contains("a class file older than Java 8, cannot hold"), refused.getMessage());
    }

    private static byte[] inline(Class<?> advice, byte[] target, MethodShape shape) throws Exception {
        return AdviceInliner.of(ClassFiles.of(advice.getName().replace('.', '/'), advice.getClassLoader()))
                .inline(target, shape, UninlinableCodeTest.class.getClassLoader());
    }

    /** A class of {@code version} with one public method (or constructor) whose code {@code body} writes. */
    private static byte[] classWith(int version, String name, String descriptor, Consumer<MethodVisitor> body,
            int maxStack, int maxLocals) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(version, Opcodes.ACC_PUBLIC, OWNER, null, "java/lang/Object", null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC, name, descriptor, null, null);
        code.visitCode();
        body.accept(code);
        code.visitMaxs(maxStack, maxLocals);
        code.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    static final class ReadsTheReturn {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return Object returned) {
            String.valueOf(returned);
        }
    }

    static final class ReadsTheArgumentOnExit {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) String first) {
            String.valueOf(first);
        }
    }

    static final class Skips {
        @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter() {
            return true;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit() {
        }
    }

    static final class CallsAStaticInterfaceMethod {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            java.util.Comparator.naturalOrder();
        }
    }
}

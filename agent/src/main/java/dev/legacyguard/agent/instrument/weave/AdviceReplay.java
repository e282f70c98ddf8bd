package dev.legacyguard.agent.instrument.weave;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Copies the code of one advice method into the target's code where it is visited: a read of a
 * parameter becomes what the parameter stands for ({@link Target#load}), an assignment to a
 * writable one goes where it stands, the advice's own locals move behind the target's, and a
 * {@code return} stores the enter method's value and jumps to {@code end}. Frames, maxima,
 * line numbers and local variable names of the advice are dropped: the writer computes the
 * first two for the whole method, and the last two would point into the advice's source.
 */
final class AdviceReplay extends MethodVisitor {

    private final AdviceClass advice;
    private final AdviceMethod method;
    private final Target target;
    private final Label end;
    private final int[] parameterOfSlot;
    private final Type[] parameterTypes;

    AdviceReplay(MethodVisitor code, AdviceClass advice, AdviceMethod method, Target target, Label end) {
        super(Opcodes.ASM9, code);
        this.advice = advice;
        this.method = method;
        this.target = target;
        this.end = end;
        this.parameterTypes = method.parameterTypes();
        this.parameterOfSlot = new int[method.parameterSlots()];
        int slot = 0;
        for (int i = 0; i < parameterTypes.length; i++) {
            parameterOfSlot[slot] = i;
            if (parameterTypes[i].getSize() == 2) {
                parameterOfSlot[slot + 1] = -1;
            }
            slot += parameterTypes[i].getSize();
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (opcode != Opcodes.RETURN) {
                super.visitVarInsn(method.returnType().getOpcode(Opcodes.ISTORE), target.enterSlot);
            }
            super.visitJumpInsn(Opcodes.GOTO, end);
            return;
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitVarInsn(int opcode, int slot) {
        if (slot >= parameterOfSlot.length) {
            super.visitVarInsn(opcode, target.adviceLocalsSlot + slot - parameterOfSlot.length);
            return;
        }
        int index = parameterOfSlot[slot];
        Binding binding = method.parameters[index];
        boolean load = opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD;
        if (load) {
            target.load(mv, binding, parameterTypes[index], method == advice.exit);
        } else if (binding.writable) {
            target.store(mv, binding, parameterTypes[index]);
        } else {
            throw refused("assigns its read-only parameter " + index + " (" + binding + ")");
        }
    }

    @Override
    public void visitIincInsn(int slot, int increment) {
        if (slot < parameterOfSlot.length) {
            throw refused("increments its parameter " + parameterOfSlot[slot]);
        }
        super.visitIincInsn(target.adviceLocalsSlot + slot - parameterOfSlot.length, increment);
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Type && ((Type) value).getSort() != Type.METHOD) {
            target.pushClass(mv, (Type) value);
            return;
        }
        if ((value instanceof Handle || value instanceof Type) && (target.classVersion & 0xFFFF) < Opcodes.V1_7) {
            throw refused("loads a method handle or method type constant, which " + target.owner.replace('/', '.')
                    + ", a class file older than Java 7, cannot hold");
        }
        super.visitLdcInsn(value);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        requireNotAdvice(owner, name);
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        requireNotAdvice(owner, name);
        if (isInterface && opcode != Opcodes.INVOKEINTERFACE && (target.classVersion & 0xFFFF) < Opcodes.V1_8) {
            throw refused("calls the interface method " + owner.replace('/', '.') + "." + name + " directly, which "
                    + target.owner.replace('/', '.') + ", a class file older than Java 8, cannot hold");
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        // A lambda needs Java 8's metafactory, a string concatenation Java 9's: fine in a class
        // at least as recent as the advice's, which only a JVM that has them can load.
        if ((target.classVersion & 0xFFFF) < advice.majorVersion) {
            throw refused("uses invokedynamic (a lambda or, compiled for Java 9+, a string concatenation), which "
                    + target.owner.replace('/', '.') + ", of an older class file version, may not run on a JVM that has");
        }
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    private void requireNotAdvice(String owner, String name) {
        // The advice class is never loaded where its code runs.
        if (owner.equals(advice.internalName)) {
            throw refused("refers to its own class's " + name + "; inline a compile-time constant instead");
        }
    }

    private IllegalStateException refused(String what) {
        return new IllegalStateException(advice.internalName.replace('/', '.') + "." + method.name + " " + what);
    }

    // What belongs to the advice method itself, not to its code, stays behind.

    @Override
    public void visitParameter(String name, int access) {
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
        return null;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return null;
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return null;
    }

    @Override
    public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
        return null;
    }

    @Override
    public void visitAttribute(Attribute attribute) {
    }

    @Override
    public void visitCode() {
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    }

    @Override
    public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return null;
    }

    @Override
    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return null;
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
    }

    @Override
    public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start, Label[] end,
            int[] index, String descriptor, boolean visible) {
        return null;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
    }

    @Override
    public void visitEnd() {
    }
}

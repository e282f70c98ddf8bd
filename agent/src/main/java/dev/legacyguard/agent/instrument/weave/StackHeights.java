package dev.legacyguard.agent.instrument.weave;

import java.util.HashMap;
import java.util.Map;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reads an advised method's code before it is rewritten, for what the rewriting relies on: the
 * local slots it uses (the inlined code's go after them), that
 * every {@code return} finds only its value on the operand stack (the exit advice runs after a
 * jump that carries nothing else; javac never leaves more, other compilers may), and whether the
 * code assigns one of the method's arguments (the exit advice would read the new value, where
 * ByteBuddy showed the one the method was called with). The stack is followed instruction by
 * instruction; where a label is reached only by a jump seen later (a loop's head), it is taken as
 * empty, as javac leaves it. From Java 6 class files on, ASM's frame computation checks the
 * rewritten code again, so this matters most for older ones, which the JVM verifies only when
 * the class is defined.
 */
final class StackHeights extends MethodVisitor {

    private static final int UNKNOWN = -1;
    /** The stack change of each instruction without operands, by opcode. */
    private static final int[] DELTAS = deltas();
    private final int argumentSlots;
    private final Map<Label, Integer> atLabel = new HashMap<Label, Integer>();
    private int height;
    private boolean returnsWithMore;
    private boolean assignsArgument;
    private int maxLocals = UNKNOWN;

    StackHeights(int access, String descriptor) {
        super(Opcodes.ASM9);
        this.argumentSlots = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - ((access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
    }

    /** The local slots the method uses, from its class file; negative for a method without code. */
    int maxLocals() {
        return maxLocals;
    }

    @Override
    public void visitMaxs(int maxStack, int locals) {
        maxLocals = locals;
    }

    /** Some {@code return} leaves more than its value on the stack. */
    boolean returnsWithMore() {
        return returnsWithMore;
    }

    /** The code stores into a slot of {@code this} or an argument. */
    boolean assignsArgument() {
        return assignsArgument;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        atLabel.put(handler, 1);
    }

    @Override
    public void visitLabel(Label label) {
        Integer known = atLabel.get(label);
        if (known != null) {
            height = known;
        } else if (height == UNKNOWN) {
            height = 0;
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            int value = opcode == Opcodes.RETURN ? 0 : opcode == Opcodes.LRETURN || opcode == Opcodes.DRETURN ? 2 : 1;
            if (height != UNKNOWN && height != value) {
                returnsWithMore = true;
            }
            height = UNKNOWN;
            return;
        }
        if (opcode == Opcodes.ATHROW) {
            height = UNKNOWN;
            return;
        }
        change(insnDelta(opcode));
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        change(opcode == Opcodes.NEWARRAY ? 0 : 1);
    }

    @Override
    public void visitVarInsn(int opcode, int slot) {
        if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE && slot < argumentSlots) {
            assignsArgument = true;
        }
        if (opcode == Opcodes.RET) {
            height = UNKNOWN;
            return;
        }
        int size = opcode == Opcodes.LLOAD || opcode == Opcodes.DLOAD || opcode == Opcodes.LSTORE || opcode == Opcodes.DSTORE ? 2 : 1;
        change(opcode <= Opcodes.ALOAD ? size : -size);
    }

    @Override
    public void visitIincInsn(int slot, int increment) {
        if (slot < argumentSlots) {
            assignsArgument = true;
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        change(opcode == Opcodes.NEW ? 1 : 0);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        int size = Type.getType(descriptor).getSize();
        change(opcode == Opcodes.GETSTATIC ? size : opcode == Opcodes.PUTSTATIC ? -size
                : opcode == Opcodes.GETFIELD ? size - 1 : -size - 1);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        int sizes = Type.getArgumentsAndReturnSizes(descriptor);
        // The argument size counts a receiver, which a static call has not.
        change((sizes & 3) - (sizes >> 2) + (opcode == Opcodes.INVOKESTATIC ? 1 : 0));
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        int sizes = Type.getArgumentsAndReturnSizes(descriptor);
        change((sizes & 3) - (sizes >> 2) + 1);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (opcode == Opcodes.GOTO) {
            jumpTo(label, height);
            height = UNKNOWN;
        } else if (opcode == Opcodes.JSR) {
            // The subroutine starts with its return address; the code after the jsr goes on as before.
            jumpTo(label, height == UNKNOWN ? UNKNOWN : height + 1);
        } else {
            change(opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ACMPNE ? -2 : -1);
            jumpTo(label, height);
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        change(value instanceof Long || value instanceof Double ? 2 : 1);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
        switched(fallback, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
        switched(fallback, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        change(1 - dimensions);
    }

    private void switched(Label fallback, Label[] labels) {
        change(-1);
        jumpTo(fallback, height);
        for (Label each : labels) {
            jumpTo(each, height);
        }
        height = UNKNOWN;
    }

    private void jumpTo(Label label, int heightThere) {
        if (heightThere != UNKNOWN && !atLabel.containsKey(label)) {
            atLabel.put(label, heightThere);
        }
    }

    private void change(int delta) {
        if (height != UNKNOWN) {
            height += delta;
        }
    }

    private static int insnDelta(int opcode) {
        return DELTAS[opcode];
    }

    private static int[] deltas() {
        int[] d = new int[202];
        set(d, 1, Opcodes.ACONST_NULL);
        for (int op = Opcodes.ICONST_M1; op <= Opcodes.ICONST_5; op++) {
            d[op] = 1;
        }
        set(d, 2, Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1);
        set(d, 1, Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2);
        set(d, -1, Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD);
        set(d, 0, Opcodes.LALOAD, Opcodes.DALOAD);
        set(d, -3, Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE);
        set(d, -4, Opcodes.LASTORE, Opcodes.DASTORE);
        set(d, -1, Opcodes.POP);
        set(d, -2, Opcodes.POP2);
        set(d, 1, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2);
        set(d, 2, Opcodes.DUP2, Opcodes.DUP2_X1, Opcodes.DUP2_X2);
        set(d, -1, Opcodes.IADD, Opcodes.FADD, Opcodes.ISUB, Opcodes.FSUB, Opcodes.IMUL, Opcodes.FMUL, Opcodes.IDIV,
                Opcodes.FDIV, Opcodes.IREM, Opcodes.FREM, Opcodes.ISHL, Opcodes.ISHR, Opcodes.IUSHR, Opcodes.LSHL,
                Opcodes.LSHR, Opcodes.LUSHR, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR, Opcodes.L2I, Opcodes.L2F,
                Opcodes.D2I, Opcodes.D2F, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.MONITORENTER, Opcodes.MONITOREXIT);
        set(d, -2, Opcodes.LADD, Opcodes.DADD, Opcodes.LSUB, Opcodes.DSUB, Opcodes.LMUL, Opcodes.DMUL, Opcodes.LDIV,
                Opcodes.DDIV, Opcodes.LREM, Opcodes.DREM, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR);
        set(d, 1, Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D);
        set(d, -3, Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG);
        // NOP, SWAP, the negations, the other conversions and ARRAYLENGTH leave the height as it is.
        return d;
    }

    private static void set(int[] deltas, int delta, int... opcodes) {
        for (int opcode : opcodes) {
            deltas[opcode] = delta;
        }
    }
}

package dev.legacyguard.agent.instrument.weave;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The code of one advised method, rewritten as it is visited:
 *
 * <pre>
 *   named locals = defaults
 *   try { enter advice } catch (Throwable suppressed) { enter value = default }
 *   if (enter value != default) goto skip                  (skipOn)
 *   body:  original code, each return storing its value and going to exit
 *   handler (Throwable t, onThrowable): thrown = t; goto exit
 *   skip:  returned = default
 *   exit:  try { exit advice } catch (Throwable suppressed) { }
 *          if (thrown != null) throw thrown; return returned
 * </pre>
 *
 * The exception table keeps the advice's own handlers ahead of its suppressing one, and the
 * original code's ahead of the one around the body.
 */
final class AdvisedCode extends MethodVisitor {

    private static final String THROWABLE = "java/lang/Throwable";

    private final AdviceClass advice;
    private final Target target;
    private final Label bodyStart = new Label();
    private final Label skip = new Label();
    private final Label exit = new Label();

    /** @throws IllegalStateException when the advice cannot be inlined into this method as it is written */
    AdvisedCode(MethodVisitor code, AdviceClass advice, Target target, StackHeights original) {
        super(Opcodes.ASM9, code);
        this.advice = advice;
        this.target = target;
        String where = " (" + target.owner.replace('/', '.') + "." + target.name + target.descriptor + ")";
        if (target.isConstructor() && (advice.exit != null && advice.exit.onThrowable
                || advice.enter != null && advice.enter.skipOnNonDefault)) {
            // A handler around a constructor's body, or a skip, would also cover the call of super().
            throw refused("runs on Throwable or skips the body, which the agent's inliner does not support in a constructor"
                    + where);
        }
        if (advice.exit != null && original.returnsWithMore()) {
            throw refused("cannot be inlined: a return of the method leaves more than its value on the stack" + where);
        }
        if (advice.exit != null && original.assignsArgument()
                && (advice.exit.binds(Binding.Kind.ARGUMENT) || advice.exit.binds(Binding.Kind.ALL_ARGUMENTS))) {
            throw refused("reads arguments on exit, but the method assigns one of them" + where);
        }
    }

    private IllegalStateException refused(String why) {
        return new IllegalStateException(advice.internalName.replace('/', '.') + " " + why);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        target.initialiseLocals(mv, advice);
        if (advice.enter != null) {
            Type value = advice.enter.returnType();
            Label done = new Label();
            suppressed(advice.enter, done);
            Target.pushDefault(mv, value);
            if (value.getSort() != Type.VOID) {
                mv.visitVarInsn(value.getOpcode(Opcodes.ISTORE), target.enterSlot);
            }
            mv.visitLabel(done);
            if (advice.enter.skipOnNonDefault && value.getSort() != Type.VOID) {
                mv.visitVarInsn(value.getOpcode(Opcodes.ILOAD), target.enterSlot);
                Target.jumpUnlessDefault(mv, value, skip);
            }
        }
        mv.visitLabel(bodyStart);
    }

    @Override
    public void visitInsn(int opcode) {
        if (advice.exit == null || opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
            super.visitInsn(opcode);
            return;
        }
        Type returned = target.returnType();
        if (returned.getSort() != Type.VOID) {
            mv.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), target.returnSlot);
        }
        if (advice.exit.onThrowable) {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitVarInsn(Opcodes.ASTORE, target.thrownSlot);
        }
        mv.visitJumpInsn(Opcodes.GOTO, exit);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        Type returned = target.returnType();
        boolean skips = advice.enter != null && advice.enter.skipOnNonDefault;
        boolean onThrowable = advice.exit != null && advice.exit.onThrowable;
        Label bodyEnd = new Label();
        mv.visitLabel(bodyEnd);
        if (onThrowable) {
            mv.visitVarInsn(Opcodes.ASTORE, target.thrownSlot);
            storeDefaultReturn(returned);
            mv.visitJumpInsn(Opcodes.GOTO, exit);
        }
        if (skips) {
            mv.visitLabel(skip);
            if (advice.exit == null) {
                Target.pushDefault(mv, returned);
                mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));
            } else {
                storeDefaultReturn(returned);
                if (onThrowable) {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    mv.visitVarInsn(Opcodes.ASTORE, target.thrownSlot);
                }
            }
        }
        if (advice.exit != null) {
            mv.visitLabel(exit);
            Label done = new Label();
            suppressed(advice.exit, done);
            mv.visitLabel(done);
            if (onThrowable) {
                Label returns = new Label();
                mv.visitVarInsn(Opcodes.ALOAD, target.thrownSlot);
                mv.visitJumpInsn(Opcodes.IFNULL, returns);
                mv.visitVarInsn(Opcodes.ALOAD, target.thrownSlot);
                mv.visitInsn(Opcodes.ATHROW);
                mv.visitLabel(returns);
            }
            if (returned.getSort() != Type.VOID) {
                mv.visitVarInsn(returned.getOpcode(Opcodes.ILOAD), target.returnSlot);
            }
            mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));
        }
        if (onThrowable) {
            mv.visitTryCatchBlock(bodyStart, bodyEnd, bodyEnd, THROWABLE);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    /**
     * The advice method's code, inlined, going on at {@code done}; an exception out of it is
     * popped by a handler that runs on into the code placed next, which must end at {@code done}.
     */
    private void suppressed(AdviceMethod method, Label done) {
        Label start = new Label();
        Label handler = new Label();
        mv.visitLabel(start);
        replay(method, done);
        mv.visitLabel(handler);
        mv.visitTryCatchBlock(start, handler, handler, THROWABLE);
        mv.visitInsn(Opcodes.POP);
    }

    private void replay(final AdviceMethod method, Label done) {
        final AdviceReplay replay = new AdviceReplay(mv, advice, method, target, done);
        advice.reader().accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return name.equals(method.name) && descriptor.equals(method.descriptor) ? replay : null;
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private void storeDefaultReturn(Type returned) {
        if (returned.getSort() != Type.VOID) {
            Target.pushDefault(mv, returned);
            mv.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), target.returnSlot);
        }
    }
}

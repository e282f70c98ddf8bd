package dev.legacyguard.agent.instrument.weave;

import java.util.HashMap;
import java.util.Map;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The method advice is inlined into, and the local slots the inlined code adds after the
 * method's own (which end at its {@code maxLocals}): the enter method's value, the value being
 * returned, the exception being thrown, each named {@code @Advice.Local}, then the advice's own
 * locals. Knows how to load and store what each {@link Binding} stands for.
 */
final class Target {

    /** The wrapper of each primitive type, by its {@link Type#getSort()}. */
    private static final String[] WRAPPERS = {null, "java/lang/Boolean", "java/lang/Character", "java/lang/Byte",
        "java/lang/Short", "java/lang/Integer", "java/lang/Float", "java/lang/Long", "java/lang/Double"};

    final String owner;
    final int classVersion;
    final int access;
    final String name;
    final String descriptor;
    private final Map<String, String> fieldDescriptors;
    final int enterSlot;
    final int returnSlot;
    final int thrownSlot;
    private final Map<String, Integer> localSlots = new HashMap<String, Integer>();
    final int adviceLocalsSlot;

    Target(String owner, int classVersion, int access, String name, String descriptor, Map<String, String> fieldDescriptors,
            int maxLocals, AdviceClass advice) {
        this.owner = owner;
        this.classVersion = classVersion;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.fieldDescriptors = fieldDescriptors;
        int next = maxLocals;
        enterSlot = next;
        if (advice.enter != null) {
            next += advice.enter.returnType().getSize();
        }
        returnSlot = next;
        next += returnType().getSize();
        thrownSlot = next;
        next++;
        for (AdviceMethod method : new AdviceMethod[] {advice.enter, advice.exit}) {
            if (method == null) {
                continue;
            }
            Type[] types = method.parameterTypes();
            for (int i = 0; i < types.length; i++) {
                Binding binding = method.parameters[i];
                if (binding.kind == Binding.Kind.LOCAL && !localSlots.containsKey((String) binding.value)) {
                    localSlots.put((String) binding.value, next);
                    next += types[i].getSize();
                }
            }
        }
        adviceLocalsSlot = next;
    }

    boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    boolean isConstructor() {
        return "<init>".equals(name);
    }

    Type returnType() {
        return Type.getReturnType(descriptor);
    }

    Type[] argumentTypes() {
        return Type.getArgumentTypes(descriptor);
    }

    /** Initial values of the named locals, so that every path to the exit reads an assigned slot. */
    void initialiseLocals(MethodVisitor code, AdviceClass advice) {
        Map<String, Boolean> done = new HashMap<String, Boolean>();
        for (AdviceMethod method : new AdviceMethod[] {advice.enter, advice.exit}) {
            if (method == null) {
                continue;
            }
            Type[] types = method.parameterTypes();
            for (int i = 0; i < types.length; i++) {
                Binding binding = method.parameters[i];
                if (binding.kind == Binding.Kind.LOCAL && done.put((String) binding.value, Boolean.TRUE) == null) {
                    pushDefault(code, types[i]);
                    code.visitVarInsn(types[i].getOpcode(Opcodes.ISTORE), localSlots.get(binding.value));
                }
            }
        }
    }

    /**
     * Pushes what {@code binding}, declared as {@code type} by the advice, stands for; {@code atExit}
     * when the exit advice asks, after a constructor has initialised {@code this}.
     */
    void load(MethodVisitor code, Binding binding, Type type, boolean atExit) {
        switch (binding.kind) {
            case THIS:
                requireInstance(binding, atExit);
                code.visitVarInsn(Opcodes.ALOAD, 0);
                return;
            case ARGUMENT: {
                int index = (Integer) binding.value;
                Type[] arguments = argumentTypes();
                if (index >= arguments.length) {
                    throw new IllegalStateException(owner + "." + name + descriptor + " has no argument " + index);
                }
                code.visitVarInsn(arguments[index].getOpcode(Opcodes.ILOAD), argumentSlot(index));
                cast(code, arguments[index], type);
                return;
            }
            case ALL_ARGUMENTS:
                loadAllArguments(code);
                return;
            case FIELD_VALUE: {
                requireInstance(binding, atExit);
                String fieldName = (String) binding.value;
                String declared = fieldDescriptors.get(fieldName);
                // A field inherited from a superclass: the JVM resolves it through this class.
                Type fieldType = declared != null ? Type.getType(declared) : type;
                code.visitVarInsn(Opcodes.ALOAD, 0);
                code.visitFieldInsn(Opcodes.GETFIELD, owner, fieldName, fieldType.getDescriptor());
                cast(code, fieldType, type);
                return;
            }
            case ORIGIN:
                pushClass(code, Type.getObjectType(owner));
                return;
            case ENTER:
                code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), enterSlot);
                return;
            case RETURN:
                if (returnType().getSort() == Type.VOID) {
                    throw new IllegalStateException(owner + "." + name + descriptor + " returns nothing for @Advice.Return");
                }
                code.visitVarInsn(returnType().getOpcode(Opcodes.ILOAD), returnSlot);
                cast(code, returnType(), type);
                return;
            case THROWN:
                code.visitVarInsn(Opcodes.ALOAD, thrownSlot);
                return;
            case LOCAL:
                code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), localSlots.get(binding.value));
                return;
            default:
                throw new IllegalStateException("unknown binding " + binding);
        }
    }

    /** Stores the value on the stack, of the advice's {@code type}, where {@code binding} stands. */
    void store(MethodVisitor code, Binding binding, Type type) {
        switch (binding.kind) {
            case RETURN:
                cast(code, type, returnType());
                code.visitVarInsn(returnType().getOpcode(Opcodes.ISTORE), returnSlot);
                return;
            case THROWN:
                code.visitVarInsn(Opcodes.ASTORE, thrownSlot);
                return;
            case LOCAL:
                code.visitVarInsn(type.getOpcode(Opcodes.ISTORE), localSlots.get(binding.value));
                return;
            default:
                throw new IllegalStateException("cannot assign " + binding);
        }
    }

    /**
     * A class literal: {@code ldc} of a class constant from class file version 49 (Java 5) on;
     * before that, {@code Class.forName}, as the compilers of the time wrote it.
     */
    void pushClass(MethodVisitor code, Type type) {
        if ((classVersion & 0xFFFF) >= Opcodes.V1_5) {
            code.visitLdcInsn(type);
        } else {
            // Class.forName's names: java.lang.String, and [Ljava.lang.String; for an array.
            code.visitLdcInsn(type.getSort() == Type.ARRAY ? type.getDescriptor().replace('/', '.') : type.getClassName());
            code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName", "(Ljava/lang/String;)Ljava/lang/Class;",
                    false);
        }
    }

    static void pushDefault(MethodVisitor code, Type type) {
        int sort = type.getSort();
        if (sort != Type.VOID) {
            code.visitInsn(sort == Type.OBJECT || sort == Type.ARRAY ? Opcodes.ACONST_NULL
                    : sort == Type.LONG ? Opcodes.LCONST_0
                    : sort == Type.FLOAT ? Opcodes.FCONST_0
                    : sort == Type.DOUBLE ? Opcodes.DCONST_0
                    : Opcodes.ICONST_0);
        }
    }

    /** Jumps to {@code to} when the value on the stack, of {@code type}, is not its type's default. */
    static void jumpUnlessDefault(MethodVisitor code, Type type, Label to) {
        int sort = type.getSort();
        if (sort == Type.OBJECT || sort == Type.ARRAY) {
            code.visitJumpInsn(Opcodes.IFNONNULL, to);
            return;
        }
        if (sort == Type.LONG || sort == Type.FLOAT || sort == Type.DOUBLE) {
            pushDefault(code, type);
            code.visitInsn(sort == Type.LONG ? Opcodes.LCMP : sort == Type.FLOAT ? Opcodes.FCMPL : Opcodes.DCMPL);
        }
        code.visitJumpInsn(Opcodes.IFNE, to);
    }

    private int argumentSlot(int index) {
        int slot = isStatic() ? 0 : 1;
        Type[] arguments = argumentTypes();
        for (int i = 0; i < index; i++) {
            slot += arguments[i].getSize();
        }
        return slot;
    }

    private void loadAllArguments(MethodVisitor code) {
        Type[] arguments = argumentTypes();
        pushInt(code, arguments.length);
        code.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < arguments.length; i++) {
            code.visitInsn(Opcodes.DUP);
            pushInt(code, i);
            code.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), argumentSlot(i));
            box(code, arguments[i]);
            code.visitInsn(Opcodes.AASTORE);
        }
    }

    private void requireInstance(Binding binding, boolean atExit) {
        if (isStatic() || isConstructor() && !atExit) {
            throw new IllegalStateException("@Advice." + binding.kind + " in " + owner + "." + name + descriptor
                    + ", which has no initialised this");
        }
    }

    /** A reference of type {@code from} used as {@code to}: cast when they differ. */
    private static void cast(MethodVisitor code, Type from, Type to) {
        if (from.equals(to)) {
            return;
        }
        boolean references = (from.getSort() == Type.OBJECT || from.getSort() == Type.ARRAY)
                && (to.getSort() == Type.OBJECT || to.getSort() == Type.ARRAY);
        if (!references) {
            throw new IllegalStateException("advice takes " + to.getClassName() + " for a " + from.getClassName());
        }
        if (!"java/lang/Object".equals(to.getInternalName())) {
            code.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
        }
    }

    private static void box(MethodVisitor code, Type type) {
        if (type.getSort() < WRAPPERS.length && WRAPPERS[type.getSort()] != null) {
            String wrapper = WRAPPERS[type.getSort()];
            code.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf", "(" + type.getDescriptor() + ")L" + wrapper + ";",
                    false);
        }
    }

    private static void pushInt(MethodVisitor code, int value) {
        if (value <= 5) {
            code.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            code.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            code.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }
}

package dev.legacyguard.agent.instrument.weave;

import java.util.ArrayList;
import java.util.List;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * An advice class as its class file declares it: ByteBuddy's {@code @Advice} annotations on
 * static methods, read (never loaded) so that its code can be copied into a client's method.
 * Only what the agent's advice uses is accepted; anything else is refused with its name rather
 * than inlined with a meaning it does not have. Every enter and exit method must suppress
 * {@link Throwable}: then no failure of the advice, not even a linkage error, reaches the
 * application; the one failure meant for it, the "no token" {@code IOException}, travels as
 * the enter method's value and is thrown by the exit method through {@code @Advice.Thrown}.
 */
final class AdviceClass {

    // Matched by suffix: the agent jar relocates ByteBuddy, its unit tests do not.
    private static final String ADVICE = "/asm/Advice$";
    private static final String THROWABLE = "Ljava/lang/Throwable;";

    final String internalName;
    private final ClassReader reader;
    /** The class file's major version: what the advice's compiler may have written into its code. */
    final int majorVersion;
    final AdviceMethod enter;
    final AdviceMethod exit;

    private AdviceClass(String internalName, ClassReader reader, AdviceMethod enter, AdviceMethod exit) {
        this.internalName = internalName;
        this.reader = reader;
        this.majorVersion = reader.readUnsignedShort(6);
        this.enter = enter;
        this.exit = exit;
    }

    /** The class file, to replay a method's code from (each replay reads it again, from its own context). */
    ClassReader reader() {
        return reader;
    }

    /** @throws IllegalStateException naming what the advice declares that cannot be inlined */
    static AdviceClass read(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Reading reading = new Reading();
        reader.accept(reading, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (reading.enter == null && reading.exit == null) {
            throw new IllegalStateException(reader.getClassName() + " declares no @Advice.OnMethodEnter or OnMethodExit method");
        }
        AdviceMethod enter = reading.enter == null ? null : reading.enter.build();
        AdviceMethod exit = reading.exit == null ? null : reading.exit.build();
        checkBindings(reader.getClassName(), enter, exit);
        return new AdviceClass(reader.getClassName(), reader, enter, exit);
    }

    /** What the inliner could not give the meaning ByteBuddy gives it, refused by name. */
    private static void checkBindings(String className, AdviceMethod enter, AdviceMethod exit) {
        String advice = className.replace('/', '.') + ".";
        if (enter != null) {
            for (Binding each : enter.parameters) {
                if (each.kind == Binding.Kind.ENTER || each.kind == Binding.Kind.RETURN || each.kind == Binding.Kind.THROWN) {
                    throw new IllegalStateException(advice + enter.name + " takes @Advice." + each.kind
                            + ", which only an exit method can have");
                }
            }
        }
        if (exit == null) {
            return;
        }
        if (exit.returnType().getSort() != Type.VOID) {
            throw new IllegalStateException(advice + exit.name + " returns a value; an exit method returns nothing");
        }
        Type[] types = exit.parameterTypes();
        for (int i = 0; i < types.length; i++) {
            Binding each = exit.parameters[i];
            if (each.kind == Binding.Kind.ENTER && (enter == null || !enter.returnType().equals(types[i]))) {
                throw new IllegalStateException(advice + exit.name + " takes @Advice.Enter as " + types[i].getClassName()
                        + ", but the enter method returns " + (enter == null ? "nothing" : enter.returnType().getClassName()));
            }
            if (each.kind == Binding.Kind.THROWN && !exit.onThrowable) {
                throw new IllegalStateException(advice + exit.name
                        + " takes @Advice.Thrown without onThrowable = Throwable.class");
            }
            if (each.kind == Binding.Kind.THROWN && !THROWABLE.equals(types[i].getDescriptor())) {
                throw new IllegalStateException(advice + exit.name + " takes @Advice.Thrown as " + types[i].getClassName()
                        + "; declare it Throwable");
            }
            if (each.kind == Binding.Kind.LOCAL && enter != null) {
                Type[] enterTypes = enter.parameterTypes();
                for (int j = 0; j < enterTypes.length; j++) {
                    if (enter.parameters[j].kind == Binding.Kind.LOCAL && enter.parameters[j].value.equals(each.value)
                            && !enterTypes[j].equals(types[i])) {
                        throw new IllegalStateException(advice + exit.name + " takes @Advice.Local(\"" + each.value
                                + "\") as " + types[i].getClassName() + ", the enter method as "
                                + enterTypes[j].getClassName());
                    }
                }
            }
        }
    }

    private static final class Reading extends ClassVisitor {

        private String className;
        private MethodReading enter;
        private MethodReading exit;

        Reading() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            final MethodReading method = new MethodReading(className, access, name, descriptor);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (annotation.endsWith(ADVICE + "OnMethodEnter;")) {
                        enter = method.declare(enter, true);
                        return method.attributes();
                    }
                    if (annotation.endsWith(ADVICE + "OnMethodExit;")) {
                        exit = method.declare(exit, false);
                        return method.attributes();
                    }
                    return null;
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    return method.parameter(parameter, annotation);
                }

                @Override
                public void visitEnd() {
                    method.finish();
                }
            };
        }
    }

    /** One method's annotations as they are read; checked once it has all of them. */
    private static final class MethodReading {

        private final String owner;
        private final int access;
        private final String name;
        private final String descriptor;
        private final Binding.Kind[] kinds;
        private final Object[] values;
        private final boolean[] writable;
        private Boolean isEnter;
        private Type suppress;
        private Type skipOn;
        private Type onThrowable;

        MethodReading(String owner, int access, String name, String descriptor) {
            this.owner = owner;
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            int count = Type.getArgumentTypes(descriptor).length;
            this.kinds = new Binding.Kind[count];
            this.values = new Object[count];
            this.writable = new boolean[count];
        }

        MethodReading declare(MethodReading earlier, boolean enter) {
            if (earlier != null) {
                throw refused("is a second @Advice." + (enter ? "OnMethodEnter" : "OnMethodExit") + " method (" + earlier.name + ")");
            }
            if ((access & Opcodes.ACC_STATIC) == 0) {
                throw refused("is not static");
            }
            isEnter = enter;
            return this;
        }

        AnnotationVisitor attributes() {
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String attribute, Object value) {
                    if ("suppress".equals(attribute)) {
                        suppress = (Type) value;
                    } else if ("skipOn".equals(attribute) && isEnter) {
                        skipOn = (Type) value;
                    } else if ("onThrowable".equals(attribute) && !isEnter) {
                        onThrowable = (Type) value;
                    } else {
                        throw refused("sets " + attribute + ", which the agent's inliner does not support");
                    }
                }
            };
        }

        AnnotationVisitor parameter(final int index, String annotation) {
            int at = annotation.lastIndexOf(ADVICE);
            if (at < 0) {
                return null;
            }
            String simpleName = annotation.substring(at + ADVICE.length(), annotation.length() - 1);
            Binding.Kind kind = Binding.Kind.annotatedAs(simpleName);
            if (kind == null) {
                throw refused("takes @Advice." + simpleName + ", which the agent's inliner does not support");
            }
            kinds[index] = kind;
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String attribute, Object value) {
                    if ("value".equals(attribute)) {
                        values[index] = value;
                    } else if ("readOnly".equals(attribute)) {
                        writable[index] = !(Boolean) value;
                    } else {
                        throw refused("sets " + attribute + " on a parameter, which the agent's inliner does not support");
                    }
                }

                @Override
                public void visitEnum(String attribute, String enumDescriptor, String value) {
                    // Dynamic typing: the inliner casts a value it stores to the exact type anyway.
                    if (!"typing".equals(attribute)) {
                        throw refused("sets " + attribute + " on a parameter, which the agent's inliner does not support");
                    }
                }
            };
        }

        void finish() {
            if (isEnter == null) {
                return;
            }
            if (suppress == null || !THROWABLE.equals(suppress.getDescriptor())) {
                throw refused("is @Advice." + (isEnter ? "OnMethodEnter" : "OnMethodExit")
                        + " without suppress = Throwable.class: a failure in it would reach the application");
            }
            if (skipOn != null && !skipOn.getInternalName().endsWith(ADVICE + "OnNonDefaultValue")) {
                throw refused("skips on " + skipOn.getClassName() + "; the agent's inliner supports only OnNonDefaultValue");
            }
            if (onThrowable != null && !THROWABLE.equals(onThrowable.getDescriptor())) {
                throw refused("runs on " + onThrowable.getClassName() + "; the agent's inliner supports only Throwable");
            }
            Type[] types = Type.getArgumentTypes(descriptor);
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == null) {
                    throw refused("has parameter " + i + " without an @Advice annotation");
                }
                boolean mayWrite = kinds[i] == Binding.Kind.RETURN || kinds[i] == Binding.Kind.THROWN
                        || kinds[i] == Binding.Kind.LOCAL;
                if (writable[i] && !mayWrite) {
                    throw refused("assigns its @Advice." + kinds[i] + " parameter, which the agent's inliner does not support");
                }
                if (kinds[i] == Binding.Kind.ARGUMENT && values[i] == null) {
                    values[i] = 0;
                }
                if (kinds[i] == Binding.Kind.ORIGIN
                        && (values[i] != null && !"".equals(values[i]) || !"java.lang.Class".equals(types[i].getClassName()))) {
                    throw refused("takes an @Advice.Origin other than the Class, which the agent's inliner does not support");
                }
                if ((kinds[i] == Binding.Kind.FIELD_VALUE || kinds[i] == Binding.Kind.LOCAL) && values[i] == null) {
                    throw refused("takes @Advice." + kinds[i] + " without a name");
                }
                if (kinds[i] == Binding.Kind.LOCAL) {
                    // A local is there to be assigned: ByteBuddy's Local has no readOnly.
                    writable[i] = true;
                }
            }
        }

        AdviceMethod build() {
            Binding[] bindings = new Binding[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                bindings[i] = new Binding(kinds[i], values[i], writable[i]);
            }
            return new AdviceMethod(name, descriptor, bindings, skipOn != null, onThrowable != null);
        }

        private IllegalStateException refused(String what) {
            return new IllegalStateException(owner.replace('/', '.') + "." + name + " " + what);
        }
    }
}

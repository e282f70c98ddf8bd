package dev.legacyguard.agent.instrument.weave;

import net.bytebuddy.jar.asm.Type;

/**
 * One {@code @Advice.OnMethodEnter} or {@code @Advice.OnMethodExit} method of an advice class:
 * what its parameters stand for and how it is applied.
 */
final class AdviceMethod {

    final String name;
    final String descriptor;
    final Binding[] parameters;
    /** Enter only: the original code is skipped when the method returns a value other than its type's default. */
    final boolean skipOnNonDefault;
    /** Exit only: also runs when the original code throws. */
    final boolean onThrowable;

    AdviceMethod(String name, String descriptor, Binding[] parameters, boolean skipOnNonDefault, boolean onThrowable) {
        this.name = name;
        this.descriptor = descriptor;
        this.parameters = parameters;
        this.skipOnNonDefault = skipOnNonDefault;
        this.onThrowable = onThrowable;
    }

    Type returnType() {
        return Type.getReturnType(descriptor);
    }

    Type[] parameterTypes() {
        return Type.getArgumentTypes(descriptor);
    }

    /** The slots its parameters take, where its own locals begin. */
    int parameterSlots() {
        // The sizes count an implicit this, which a static advice method does not have.
        return (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1;
    }

    boolean binds(Binding.Kind kind) {
        for (Binding each : parameters) {
            if (each.kind == kind) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + descriptor;
    }
}

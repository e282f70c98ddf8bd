package dev.legacyguard.agent.instrument.weave;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Which methods of a client class get advice, judged on the declaration in the class file as
 * it loads (access flags, name, descriptor): nothing is resolved or loaded to decide.
 */
public final class MethodShape {

    private final String name;
    private final int requiredAccess;
    private final int refusedAccess;
    private final int argumentCount;
    private final Map<Integer, String> argumentTypes;
    private final String returnType;
    private final String[] descriptors;
    private final MethodShape otherwise;

    private MethodShape(String name, int requiredAccess, int refusedAccess, int argumentCount,
            Map<Integer, String> argumentTypes, String returnType, String[] descriptors) {
        this(name, requiredAccess, refusedAccess, argumentCount, argumentTypes, returnType, descriptors, null);
    }

    private MethodShape(String name, int requiredAccess, int refusedAccess, int argumentCount,
            Map<Integer, String> argumentTypes, String returnType, String[] descriptors, MethodShape otherwise) {
        this.name = name;
        this.requiredAccess = requiredAccess;
        this.refusedAccess = refusedAccess;
        this.argumentCount = argumentCount;
        this.argumentTypes = argumentTypes;
        this.returnType = returnType;
        this.descriptors = descriptors;
        this.otherwise = otherwise;
    }

    /** Any method of this name that has code (neither abstract nor native). */
    public static MethodShape named(String name) {
        return new MethodShape(name, 0, Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE, -1,
                new HashMap<Integer, String>(), null, null);
    }

    public static MethodShape constructor() {
        return named("<init>");
    }

    public MethodShape isPublic() {
        return access(requiredAccess | Opcodes.ACC_PUBLIC, refusedAccess);
    }

    public MethodShape isProtected() {
        return access(requiredAccess | Opcodes.ACC_PROTECTED, refusedAccess);
    }

    public MethodShape isPrivate() {
        return access(requiredAccess | Opcodes.ACC_PRIVATE, refusedAccess);
    }

    public MethodShape notStatic() {
        return access(requiredAccess, refusedAccess | Opcodes.ACC_STATIC);
    }

    public MethodShape takesArguments(int count) {
        return new MethodShape(name, requiredAccess, refusedAccess, count, argumentTypes, returnType, descriptors);
    }

    /** Argument {@code index} (from 0) is exactly the type of binary name {@code typeName}. */
    public MethodShape takesArgument(int index, String typeName) {
        Map<Integer, String> types = new HashMap<Integer, String>(argumentTypes);
        types.put(index, typeName);
        return new MethodShape(name, requiredAccess, refusedAccess, argumentCount, types, returnType, descriptors);
    }

    /** Returns exactly the type of binary name {@code typeName} ({@code boolean} for a primitive). */
    public MethodShape returns(String typeName) {
        return new MethodShape(name, requiredAccess, refusedAccess, argumentCount, argumentTypes, typeName, descriptors);
    }

    /** Has one of these exact descriptors, e.g. {@code (Ljava/lang/String;)Ljava/lang/Class;}. */
    public MethodShape describedAs(String... oneOf) {
        return new MethodShape(name, requiredAccess, refusedAccess, argumentCount, argumentTypes, returnType, oneOf.clone());
    }

    /** This shape or {@code other}: the last step of building a shape. */
    public MethodShape or(MethodShape other) {
        return new MethodShape(name, requiredAccess, refusedAccess, argumentCount, argumentTypes, returnType, descriptors,
                otherwise == null ? other : otherwise.or(other));
    }

    private MethodShape access(int required, int refused) {
        return new MethodShape(name, required, refused, argumentCount, argumentTypes, returnType, descriptors);
    }

    public boolean matches(int access, String methodName, String descriptor) {
        return matchesItself(access, methodName, descriptor)
                || otherwise != null && otherwise.matches(access, methodName, descriptor);
    }

    private boolean matchesItself(int access, String methodName, String descriptor) {
        if (!name.equals(methodName) || (access & requiredAccess) != requiredAccess || (access & refusedAccess) != 0) {
            return false;
        }
        if (descriptors != null && !Arrays.asList(descriptors).contains(descriptor)) {
            return false;
        }
        if (returnType != null && !Type.getReturnType(descriptor).getClassName().equals(returnType)) {
            return false;
        }
        if (argumentCount < 0 && argumentTypes.isEmpty()) {
            return true;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (argumentCount >= 0 && arguments.length != argumentCount) {
            return false;
        }
        for (Map.Entry<Integer, String> expected : argumentTypes.entrySet()) {
            int index = expected.getKey();
            if (index >= arguments.length || !arguments[index].getClassName().equals(expected.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + (descriptors != null ? Arrays.toString(descriptors) : "") + (argumentCount >= 0 ? "/" + argumentCount : "")
                + (argumentTypes.isEmpty() ? "" : argumentTypes.toString()) + (returnType != null ? ":" + returnType : "")
                + (otherwise != null ? " or " + otherwise : "");
    }
}

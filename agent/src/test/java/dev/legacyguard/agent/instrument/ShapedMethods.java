package dev.legacyguard.agent.instrument;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import dev.legacyguard.agent.instrument.weave.MethodShape;
import net.bytebuddy.jar.asm.Type;

/** The methods and constructors a class declares that a {@link MethodShape} selects, as the weaver would judge them. */
final class ShapedMethods {

    private ShapedMethods() {
    }

    static List<Executable> declaredBy(Class<?> type, MethodShape shape) {
        List<Executable> matched = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (shape.matches(method.getModifiers(), method.getName(), Type.getMethodDescriptor(method))) {
                matched.add(method);
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (shape.matches(constructor.getModifiers(), "<init>", Type.getConstructorDescriptor(constructor))) {
                matched.add(constructor);
            }
        }
        return matched;
    }
}

package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import net.bytebuddy.asm.Advice;

/**
 * The fields a client's advice reads with {@code @Advice.FieldValue}, looked up on the running
 * JDK as ByteBuddy finds them (declared by the advised class or a superclass), each checked to
 * be of a type the advice's parameter accepts; likewise {@code @Advice.This}.
 */
final class AdvisedFields {

    private AdvisedFields() {
    }

    /** {@code SimpleClassName.field} of every field read, sorted. */
    static List<String> readBy(ClientInstrumentation instrumentation, ClassLoader loader) throws ClassNotFoundException {
        List<String> read = new ArrayList<>();
        for (AdvisedType advised : instrumentation.advisedTypes()) {
            Class<?> type = Class.forName(advised.typeName(), false, loader);
            for (Method method : Class.forName(advised.adviceClassName()).getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    Advice.FieldValue fieldValue = parameter.getAnnotation(Advice.FieldValue.class);
                    if (fieldValue != null) {
                        Field field = field(type, fieldValue.value());
                        assertTrue(parameter.getType().isAssignableFrom(field.getType()), field + " is not a "
                                + parameter.getType().getName() + " on " + Runtime.version());
                        read.add(type.getSimpleName() + "." + fieldValue.value());
                    }
                    if (parameter.isAnnotationPresent(Advice.This.class)) {
                        assertTrue(parameter.getType().isAssignableFrom(type), type + " is not a " + parameter.getType());
                    }
                }
            }
        }
        read.sort(null);
        return read;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                return declaring.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new AssertionError(type.getName() + " has no field " + name + " on " + Runtime.version());
    }
}

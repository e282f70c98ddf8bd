package dev.legacyguard.agent.instrument;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Refuses advice that could let a failure of its own reach the application. Every enter and
 * exit method must suppress {@link Throwable}: then even a linkage error (the bootstrap package
 * out of reach of a client's class loader) leaves the call as the application made it. The one
 * failure meant for the application, the "no token" {@code IOException}, travels as the enter
 * method's return value and is thrown by the exit method through {@code @Advice.Thrown}.
 */
final class SuppressedAdvice {

    private SuppressedAdvice() {
    }

    /** @throws IllegalStateException naming the advice method that does not suppress Throwable */
    static void require(TypeDescription advice) {
        for (MethodDescription.InDefinedShape method : advice.getDeclaredMethods()) {
            for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
                TypeDescription type = annotation.getAnnotationType();
                if ((type.represents(Advice.OnMethodEnter.class) || type.represents(Advice.OnMethodExit.class))
                        && !annotation.getValue("suppress").resolve(TypeDescription.class).represents(Throwable.class)) {
                    throw new IllegalStateException(advice.getName() + "." + method.getName() + " is @"
                            + type.getSimpleName() + " without suppress = Throwable.class: a failure in it would reach"
                            + " the application");
                }
            }
        }
    }
}

package dev.legacyguard.agent.instrument.weave;

/**
 * What one parameter of an advice method stands for in the method it is inlined into, from its
 * {@code @Advice} annotation: the kind, the annotation's value (an argument's index, a field's
 * or a local's name) and whether the advice may assign it.
 */
final class Binding {

    /** Each with the simple name of its annotation, nested in ByteBuddy's {@code Advice}. */
    enum Kind {
        THIS("This"), ARGUMENT("Argument"), ALL_ARGUMENTS("AllArguments"), FIELD_VALUE("FieldValue"), ORIGIN("Origin"),
        ENTER("Enter"), RETURN("Return"), THROWN("Thrown"), LOCAL("Local");

        private final String annotation;

        Kind(String annotation) {
            this.annotation = annotation;
        }

        /** The kind of {@code @Advice.<simpleName>}, or null for an annotation the inliner does not support. */
        static Kind annotatedAs(String simpleName) {
            for (Kind kind : values()) {
                if (kind.annotation.equals(simpleName)) {
                    return kind;
                }
            }
            return null;
        }
    }

    final Kind kind;
    final Object value;
    final boolean writable;

    Binding(Kind kind, Object value, boolean writable) {
        this.kind = kind;
        this.value = value;
        this.writable = writable;
    }

    @Override
    public String toString() {
        return kind + (value == null ? "" : "(" + value + ")") + (writable ? " writable" : "");
    }
}

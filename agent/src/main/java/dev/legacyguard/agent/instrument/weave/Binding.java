package dev.legacyguard.agent.instrument.weave;

/**
 * What one parameter of an advice method stands for in the method it is inlined into, from its
 * {@code @Advice} annotation: the kind, the annotation's value (an argument's index, a field's
 * or a local's name) and whether the advice may assign it.
 */
final class Binding {

    enum Kind { THIS, ARGUMENT, ALL_ARGUMENTS, FIELD_VALUE, ORIGIN, ENTER, RETURN, THROWN, LOCAL }

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

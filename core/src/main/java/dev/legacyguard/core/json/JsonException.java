package dev.legacyguard.core.json;

/**
 * Text that is not strict JSON: the message says at which offset and what was expected there.
 * It carries no stack trace, since hostile input (a forged token) may cause many.
 */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    JsonException(int offset, String expected) {
        super("invalid JSON at offset " + offset + ": expected " + expected);
    }

    @Override
    public Throwable fillInStackTrace() {
        return this;
    }
}

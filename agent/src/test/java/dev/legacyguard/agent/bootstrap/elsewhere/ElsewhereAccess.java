package dev.legacyguard.agent.bootstrap.elsewhere;

import java.lang.invoke.MethodHandles;

/** The full access of a class in another package, which package-private methods refuse. */
public final class ElsewhereAccess {

    private ElsewhereAccess() {
    }

    public static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
    }
}

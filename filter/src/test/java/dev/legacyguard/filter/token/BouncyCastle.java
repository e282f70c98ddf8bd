package dev.legacyguard.filter.token;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** BouncyCastle's provider as the filter uses it: an instance, never registered with the JVM. */
final class BouncyCastle {

    private BouncyCastle() {
    }

    static EcdsaProvider ecdsa() {
        return EcdsaProvider.of(new BouncyCastleProvider());
    }
}

package dev.legacyguard.filter.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The JCA provider that verifies ES256/ES384/ES512 signatures. BouncyCastle's verifies ECDSA
 * three to four times faster than the JDK's SunEC, which bounds how many forged tokens under a
 * known kid a server can refuse per second; so where the web app or the container brings
 * bcprov, it is used, as an instance: registering it JVM-wide would change every other
 * application's cryptography in the same JVM.
 */
public final class EcdsaProvider {

    static final String BOUNCY_CASTLE = "org.bouncycastle.jce.provider.BouncyCastleProvider";
    private static final String[] ALGORITHMS = {"SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA"};

    /** Null: the JVM's configured providers, as {@link Signature#getInstance(String)} picks them. */
    private final Provider provider;
    private final String description;
    /**
     * The issuer's keys as the provider's own key objects. BouncyCastle keeps the precomputed
     * multiples of a key's point on its own key object, so a key translated once verifies about
     * twice as fast as one it converts on every call. Weak: keys the JWKS dropped go with it.
     */
    private final Map<PublicKey, PublicKey> ownKeys = Collections.synchronizedMap(new WeakHashMap<>());

    private EcdsaProvider(Provider provider, String description) {
        this.provider = provider;
        this.description = description;
    }

    /** The JVM's configured providers (SunEC on a stock JDK). */
    public static EcdsaProvider jvmDefault() {
        String name;
        try {
            name = Signature.getInstance(ALGORITHMS[1]).getProvider().getName();
        } catch (NoSuchAlgorithmException e) {
            name = "none: this JVM has no ECDSA provider";
        }
        return new EcdsaProvider(null, name + " (the JVM's default providers)");
    }

    /** This provider instance, whether or not it is registered. */
    public static EcdsaProvider of(Provider provider) {
        if (provider == null) {
            throw new IllegalArgumentException("ECDSA provider is null; use EcdsaProvider.jvmDefault() for the JVM's own");
        }
        return new EcdsaProvider(provider, provider.getName() + " (" + provider.getInfo() + ", "
                + provider.getClass().getName() + ")");
    }

    /**
     * BouncyCastle's provider when its class is visible to the filter's class loader or the
     * thread's context class loader (the web app's, at start-up) and it offers every ES*
     * algorithm; the JVM's default providers otherwise.
     */
    public static EcdsaProvider preferred() {
        EcdsaProvider found = bouncyCastle(EcdsaProvider.class.getClassLoader());
        if (found == null) {
            found = bouncyCastle(Thread.currentThread().getContextClassLoader());
        }
        return found != null ? found : jvmDefault();
    }

    /** BouncyCastle's provider as {@code loader} sees it, or null when it has none that works. */
    static EcdsaProvider bouncyCastle(ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        Provider provider;
        try {
            provider = (Provider) Class.forName(BOUNCY_CASTLE, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // absent or unusable (e.g. built for a newer JVM): the JVM's own providers verify
        }
        for (String algorithm : ALGORITHMS) {
            if (provider.getService("Signature", algorithm) == null) {
                return null;
            }
        }
        return of(provider);
    }

    /** A new verifier object; {@link Signature} instances are not thread-safe. */
    Signature signature(String algorithm) throws NoSuchAlgorithmException {
        return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
    }

    /** {@code key} as this provider's own key object, translated on first use. */
    PublicKey own(PublicKey key) {
        if (provider == null) {
            return key;
        }
        PublicKey own = ownKeys.get(key);
        if (own == null) {
            try {
                own = (PublicKey) KeyFactory.getInstance("EC", provider).translateKey(key);
            } catch (GeneralSecurityException | RuntimeException e) {
                own = key; // the provider converts it on every call instead: slower, the same verdict
            }
            ownKeys.put(key, own);
        }
        return own;
    }

    /** Its name, version and where it comes from, for the start-up log. */
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}

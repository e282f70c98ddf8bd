package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.PublicKey;
import java.security.Security;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.legacyguard.filter.keys.TestKeys;

/** Which provider verifies ECDSA: BouncyCastle's where the class path has it, used unregistered. */
class EcdsaProviderTest {

    @Test
    void prefersBouncyCastleWhenItIsOnTheClassPath() {
        String chosen = EcdsaProvider.preferred().describe();

        assertTrue(chosen.startsWith("BC (BouncyCastle Security Provider v"), chosen);
        assertTrue(chosen.endsWith("org.bouncycastle.jce.provider.BouncyCastleProvider)"), chosen);
    }

    @Test
    void findsNoBouncyCastleThroughAClassLoaderThatCannotSeeIt() throws Exception {
        try (URLClassLoader withoutBouncyCastle = new URLClassLoader(new URL[0], null)) {
            assertNull(EcdsaProvider.bouncyCastle(withoutBouncyCastle));
        }
    }

    @Test
    void theJvmDefaultIsSunEcOnAStockJdk() {
        String chosen = EcdsaProvider.jvmDefault().describe();

        assertTrue(chosen.startsWith("SunEC (the JVM's default providers)"), chosen);
    }

    @Test
    void optionsBuiltWithoutAProviderPickTheFastestAvailable() {
        VerifierOptions options = VerifierOptions.builder().issuer("https://tenant.example.com/oidc")
                .jwksUri("https://tenant.example.com/oidc/jwks").audiences(List.of("https://api.example.com")).build();

        assertTrue(options.ecdsaProvider().describe().startsWith("BC ("), options.ecdsaProvider().describe());
    }

    @Test
    void keepsEachIssuerKeyAsBouncyCastlesOwnKeyObjectOnceTranslated() {
        EcdsaProvider bouncyCastle = BouncyCastle.ecdsa();
        PublicKey issuerKey = TestKeys.p384("k").getPublicKey();

        PublicKey own = bouncyCastle.own(issuerKey);

        assertTrue(own.getClass().getName().startsWith("org.bouncycastle."), own.getClass().getName());
        assertSame(own, bouncyCastle.own(issuerKey), "translated again");
        assertSame(issuerKey, EcdsaProvider.jvmDefault().own(issuerKey));
    }

    @Test
    void verifiesWithTheInstanceWithoutRegisteringItJvmWide() throws Exception {
        EcdsaProvider bouncyCastle = EcdsaProvider.preferred();

        assertEquals("BC", bouncyCastle.signature("SHA384withECDSA").getProvider().getName());
        assertNull(Security.getProvider("BC"), "BouncyCastle was registered with the JVM");
    }
}

package dev.legacyguard.filter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.legacyguard.filter.keys.TestKeys;

/**
 * ES256, ES384 and ES512 signatures, genuine, malleated, out of range and malformed: the
 * verifier gives the same verdict, with the same description, whether SunEC or BouncyCastle
 * verifies. Each verdict is also the expected one, so that agreeing on a wrong answer fails too.
 */
class EcdsaProvidersAgreeTest {

    private static final String VALID = "valid";
    private static final String DOES_NOT_VERIFY = "does not verify";
    private static final String MALFORMED = "it is malformed for this algorithm";

    private static VerifierFixture fixture;
    private static PublicJsonWebKey es512;
    private static TokenVerifier sunEc;
    private static TokenVerifier bouncyCastle;

    @BeforeAll
    static void start() throws Exception {
        fixture = new VerifierFixture();
        es512 = TestKeys.p521("ec-521");
        fixture.jwks.publish(fixture.es384, fixture.es256, es512);
        sunEc = TokenVerifier.create(fixture.options().ecdsaProvider(EcdsaProvider.jvmDefault()).build());
        bouncyCastle = TokenVerifier.create(fixture.options().ecdsaProvider(BouncyCastle.ecdsa()).build());
    }

    @AfterAll
    static void stop() {
        sunEc.close();
        bouncyCastle.close();
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "ES384", "ES512"})
    void bothProvidersGiveTheExpectedVerdictOnEverySignature(String alg) {
        PublicJsonWebKey key = "ES256".equals(alg) ? fixture.es256 : "ES384".equals(alg) ? fixture.es384 : es512;
        BigInteger n = ((ECPublicKey) key.getPublicKey()).getParams().getOrder();
        int half = (n.bitLength() + 7) / 8;
        PublicJsonWebKey attacker = "ES256".equals(alg) ? TestKeys.p256(key.getKeyId())
                : "ES384".equals(alg) ? TestKeys.p384(key.getKeyId()) : TestKeys.p521(key.getKeyId());

        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("genuine", new Case(key, VALID, sig -> sig));
        cases.put("high S (n - s): ECDSA's malleability, accepted by both", new Case(key, VALID,
                sig -> raw(r(sig), n.subtract(s(sig)), half)));
        cases.put("r = 0", new Case(key, DOES_NOT_VERIFY, sig -> raw(BigInteger.ZERO, s(sig), half)));
        cases.put("s = 0", new Case(key, DOES_NOT_VERIFY, sig -> raw(r(sig), BigInteger.ZERO, half)));
        cases.put("r = n", new Case(key, DOES_NOT_VERIFY, sig -> raw(n, s(sig), half)));
        cases.put("s = n", new Case(key, DOES_NOT_VERIFY, sig -> raw(r(sig), n, half)));
        cases.put("r = s = n - 1", new Case(key, DOES_NOT_VERIFY, sig -> raw(n.subtract(BigInteger.ONE),
                n.subtract(BigInteger.ONE), half)));
        cases.put("r = s = 1", new Case(key, DOES_NOT_VERIFY, sig -> raw(BigInteger.ONE, BigInteger.ONE, half)));
        cases.put("all ones", new Case(key, DOES_NOT_VERIFY, sig -> filled(sig.length, (byte) 0xff)));
        cases.put("all zeros", new Case(key, DOES_NOT_VERIFY, sig -> filled(sig.length, (byte) 0)));
        cases.put("a bit of r flipped", new Case(key, DOES_NOT_VERIFY, sig -> flipped(sig, half - 1)));
        cases.put("a bit of s flipped", new Case(key, DOES_NOT_VERIFY, sig -> flipped(sig, sig.length - 1)));
        cases.put("r and s swapped", new Case(key, DOES_NOT_VERIFY, sig -> raw(s(sig), r(sig), half)));
        cases.put("signed by another key under the kid", new Case(attacker, DOES_NOT_VERIFY, sig -> sig));
        cases.put("one octet short", new Case(key, MALFORMED, sig -> Arrays.copyOf(sig, sig.length - 1)));
        cases.put("one octet long", new Case(key, MALFORMED, sig -> Arrays.copyOf(sig, sig.length + 1)));
        cases.put("two octets short (R and S one each, as if leading zeros were dropped)", new Case(key, MALFORMED,
                sig -> concat(Arrays.copyOfRange(sig, 1, half), Arrays.copyOfRange(sig, half + 1, sig.length))));
        cases.put("DER instead of R||S", new Case(key, MALFORMED, sig -> EcdsaSignature.der(r(sig), s(sig))));
        cases.put("the R||S of the next larger curve", new Case(key, MALFORMED, sig -> Arrays.copyOf(sig, 2 * half + 32)));

        for (Map.Entry<String, Case> c : cases.entrySet()) {
            String token = c.getValue().token(alg, c.getKey());
            String expected = c.getValue().verdict;
            assertEquals(expected, verdict(sunEc.verify(token)), alg + ", " + c.getKey() + ": SunEC");
            assertEquals(expected, verdict(bouncyCastle.verify(token)), alg + ", " + c.getKey() + ": BouncyCastle");
            assertEquals(answer(sunEc.verify(token)), answer(bouncyCastle.verify(token)),
                    alg + ", " + c.getKey() + ": the two answers differ");
        }
    }

    /** A genuine token of {@code key}, its signature replaced by {@code forge} of it. */
    private static final class Case {
        final PublicJsonWebKey key;
        final String verdict;
        final Function<byte[], byte[]> forge;

        Case(PublicJsonWebKey key, String verdict, Function<byte[], byte[]> forge) {
            this.key = key;
            this.verdict = verdict;
            this.forge = forge;
        }

        String token(String alg, String name) {
            String genuine = fixture.token(key).header("alg", alg).claim("jti", alg + " " + name).sign();
            int dot = genuine.lastIndexOf('.');
            byte[] signature = Base64.getUrlDecoder().decode(genuine.substring(dot + 1));
            return genuine.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(forge.apply(signature));
        }
    }

    private static String answer(Verification verification) {
        return verification.valid() ? VALID : verification.failure().toString();
    }

    private static String verdict(Verification verification) {
        if (verification.valid()) {
            return VALID;
        }
        Failure failure = verification.failure();
        assertEquals("signature", failure.check(), failure.description());
        return failure.description().contains(MALFORMED) ? MALFORMED
                : failure.description().contains(DOES_NOT_VERIFY) ? DOES_NOT_VERIFY : failure.description();
    }

    private static BigInteger r(byte[] sig) {
        return new BigInteger(1, Arrays.copyOfRange(sig, 0, sig.length / 2));
    }

    private static BigInteger s(byte[] sig) {
        return new BigInteger(1, Arrays.copyOfRange(sig, sig.length / 2, sig.length));
    }

    /** R||S, each left-padded to {@code half} octets. */
    private static byte[] raw(BigInteger r, BigInteger s, int half) {
        return concat(unsigned(r, half), unsigned(s, half));
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] filled(int length, byte value) {
        byte[] out = new byte[length];
        Arrays.fill(out, value);
        return out;
    }

    private static byte[] flipped(byte[] sig, int at) {
        byte[] out = sig.clone();
        out[at] ^= 0x01;
        return out;
    }
}

package dev.legacyguard.filter.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwk.JsonWebKey;

/** An immutable snapshot of the issuer's usable signing keys, by kid, and when it was fetched. */
public final class KeySet {

    private final Map<String, SigningKey> byKid;
    private final List<String> ignored;
    private final long fetchedAtMillis;

    private KeySet(Map<String, SigningKey> byKid, List<String> ignored, long fetchedAtMillis) {
        this.byKid = byKid;
        this.ignored = ignored;
        this.fetchedAtMillis = fetchedAtMillis;
    }

    /**
     * Keys equal to one in {@code previous} keep its instance, so a verified-token cache entry can
     * tell by identity, cheaply, that its key is still published.
     */
    static KeySet of(List<JsonWebKey> jwks, long fetchedAtMillis, KeySet previous) {
        Map<String, SigningKey> byKid = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (JsonWebKey jwk : jwks) {
            String unusable = SigningKey.unusable(jwk);
            if (unusable != null) {
                ignored.add(unusable);
            } else if (byKid.containsKey(jwk.getKeyId())) {
                ignored.add("second key with kid '" + jwk.getKeyId() + "' (duplicate kid; the first one is used)");
            } else {
                SigningKey key = SigningKey.from(jwk);
                SigningKey old = previous == null ? null : previous.get(key.kid());
                byKid.put(key.kid(), key.sameKeyAs(old) ? old : key);
            }
        }
        return new KeySet(Collections.unmodifiableMap(byKid), Collections.unmodifiableList(ignored), fetchedAtMillis);
    }

    /** @return the key with this kid, or null */
    public SigningKey get(String kid) {
        return byKid.get(kid);
    }

    public Set<String> kids() {
        return byKid.keySet();
    }

    public int size() {
        return byKid.size();
    }

    /** JWKS entries that cannot verify tokens, described for the log. */
    public List<String> ignored() {
        return ignored;
    }

    public long fetchedAtMillis() {
        return fetchedAtMillis;
    }

    boolean sameKeysAs(KeySet other) {
        if (other == null || other.byKid.size() != byKid.size()) {
            return false;
        }
        for (Map.Entry<String, SigningKey> e : byKid.entrySet()) {
            if (other.byKid.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }
}

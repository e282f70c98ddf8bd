package dev.legacyguard.filter.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * One HTTP GET of the issuer's JWKS. Bounded in time (host name lookup, connect and read
 * timeouts, and a limit on the whole) and size, and it follows redirects only on the same host,
 * so a compromised redirect cannot hand us someone else's keys.
 */
public final class JwksFetcher {

    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;

    private final String url;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HostLookup hostLookup;

    /** Timeouts from 1 ms to {@link Integer#MAX_VALUE} ms, what HttpURLConnection takes. */
    public JwksFetcher(String url, Duration connectTimeout, Duration readTimeout) {
        this(url, connectTimeout, readTimeout, InetAddress::getAllByName);
    }

    JwksFetcher(String url, Duration connectTimeout, Duration readTimeout, HostLookup.Resolver resolver) {
        this.url = url;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.hostLookup = new HostLookup(hostOf(url), resolver);
    }

    public String url() {
        return url;
    }

    /**
     * The longest one fetch may take: the host name lookup, bounded by the connect timeout, and
     * every redirect.
     */
    Duration maxDuration() {
        return connectTimeout.plus(connectTimeout.plus(readTimeout).multipliedBy(MAX_REDIRECTS + 1));
    }

    public List<JsonWebKey> fetch() throws JwksFetchException {
        long deadline = System.nanoTime() + maxDuration().toNanos();
        URL current = parse(url);
        // Redirects stay on this host, so one lookup serves them all.
        hostLookup.await(connectTimeout);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection connection = open(current);
            try {
                int status = connection.getResponseCode();
                if (status >= 300 && status < 400) {
                    current = redirectTarget(current, connection.getHeaderField("Location"), status);
                    continue;
                }
                if (status != 200) {
                    throw new JwksFetchException("JWKS endpoint " + url + " answered HTTP " + status
                            + "; check logto.jwks-uri and that the issuer is up");
                }
                return parseKeys(read(connection, deadline));
            } catch (IOException e) {
                throw new JwksFetchException("JWKS endpoint " + url + " could not be read: " + e
                        + "; check logto.jwks-uri, the network and the issuer", e);
            } finally {
                connection.disconnect();
            }
        }
        throw new JwksFetchException("JWKS endpoint " + url + " redirected more than " + MAX_REDIRECTS
                + " times; set logto.jwks-uri to the final URL");
    }

    private HttpURLConnection open(URL target) throws JwksFetchException {
        try {
            URLConnection c = target.openConnection();
            if (!(c instanceof HttpURLConnection)) {
                throw new JwksFetchException("JWKS URL " + target + " is not an http(s) URL");
            }
            HttpURLConnection http = (HttpURLConnection) c;
            http.setInstanceFollowRedirects(false);
            http.setConnectTimeout((int) connectTimeout.toMillis());
            http.setReadTimeout((int) readTimeout.toMillis());
            http.setUseCaches(false);
            http.setRequestProperty("Accept", "application/jwk-set+json, application/json");
            return http;
        } catch (IOException e) {
            throw new JwksFetchException("JWKS URL " + target + " could not be opened: " + e, e);
        }
    }

    private URL redirectTarget(URL from, String location, int status) throws JwksFetchException {
        if (location == null) {
            throw new JwksFetchException("JWKS endpoint " + url + " answered HTTP " + status + " without a Location");
        }
        URL to;
        try {
            to = new URL(from, location);
        } catch (MalformedURLException e) {
            throw new JwksFetchException("JWKS endpoint " + url + " redirected to an invalid URL: " + location, e);
        }
        boolean sameHost = to.getHost().equalsIgnoreCase(from.getHost());
        boolean noDowngrade = to.getProtocol().equals(from.getProtocol()) || "https".equals(to.getProtocol());
        if (!sameHost || !noDowngrade) {
            throw new JwksFetchException("JWKS endpoint " + url + " redirected to " + to
                    + ", which is another host or a downgrade to http; keys are only taken from the configured host"
                    + " (set logto.jwks-uri to the real JWKS URL if this redirect is intended)");
        }
        return to;
    }

    /**
     * The read timeout bounds each socket read, not the body: a server that trickles bytes in
     * would otherwise hold this fetch, and every fetch waiting for it, indefinitely.
     */
    private byte[] read(HttpURLConnection connection, long deadline) throws IOException, JwksFetchException {
        try (InputStream in = connection.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new JwksFetchException("JWKS response is larger than " + MAX_BYTES
                            + " bytes; check that logto.jwks-uri points at a JWKS");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new JwksFetchException("JWKS endpoint " + url + " sent its response too slowly: not complete"
                            + " after " + maxDuration().toMillis() + " ms; check the issuer and the network"
                            + " (logto.jwks.read-timeout bounds each read)");
                }
            }
            return out.toByteArray();
        }
    }

    private List<JsonWebKey> parseKeys(byte[] body) throws JwksFetchException {
        try {
            return new JsonWebKeySet(new String(body, StandardCharsets.UTF_8)).getJsonWebKeys();
        } catch (JoseException | RuntimeException e) {
            throw new JwksFetchException("JWKS response from " + url + " is not a JSON Web Key Set ("
                    + e.getMessage() + "); check that logto.jwks-uri points at the issuer's /oidc/jwks", e);
        }
    }

    /** Null for a URL that {@link #parse} then refuses. */
    private static String hostOf(String url) {
        try {
            return new URL(url).getHost();
        } catch (MalformedURLException e) {
            return null;
        }
    }

    private static URL parse(String url) throws JwksFetchException {
        try {
            return new URL(url);
        } catch (MalformedURLException e) {
            throw new JwksFetchException("JWKS URL " + url + " is not a valid URL; set logto.jwks-uri", e);
        }
    }
}

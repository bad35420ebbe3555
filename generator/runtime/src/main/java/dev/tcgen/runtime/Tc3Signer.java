package dev.tcgen.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.LocalDate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Tencent Cloud API 3.0 requests with TC3-HMAC-SHA256 ("Signature v3").
 *
 * <p>A signature proves that the caller holds the secret key without sending it. It covers the
 * request method and path, the {@code Content-Type} and {@code Host} headers, the SHA-256 of the
 * body, the time and the service, so a captured request cannot be altered or replayed for long.
 * The steps, each a method here:
 * <ol>
 *   <li>{@link #canonicalRequest}: the request in a fixed text form, ending with the body's
 *       hash ({@link #sha256Hex});</li>
 *   <li>{@link #credentialScope}: the UTC date, the service and {@code tc3_request};</li>
 *   <li>{@link #stringToSign}: algorithm, timestamp, scope and the hash of the canonical request;</li>
 *   <li>{@link #signature}: a key derived from the secret key for that date and service, applied
 *       to the string to sign;</li>
 *   <li>{@link #authorization}: the {@code Authorization} header carrying the secret id, scope and
 *       signature.</li>
 * </ol>
 *
 * <pre>{@code
 * String authorization = Tc3Signer.authorization(credentials, "cvm", "cvm.tencentcloudapi.com",
 *         "application/json; charset=utf-8", payload, timestampSeconds);
 * }</pre>
 *
 * <p>The service name is part of the signature and is always passed in, from the API description:
 * it is not derived from the host, which for a regional or private endpoint need not start with
 * it. The timestamp must be within a few minutes of the server's clock.
 *
 * <p>All methods are thread-safe. Each thread keeps one {@code Mac} and one {@code MessageDigest}
 * and reuses them for every request it signs (looking a provider up costs more than the hashing).
 */
public final class Tc3Signer {
    /**
     * The signature algorithm, the first word of the {@code Authorization} header.
     */
    public static final String ALGORITHM = "TC3-HMAC-SHA256";

    /**
     * The headers every signature covers, lowercase, in canonical order.
     */
    public static final String SIGNED_HEADERS = "content-type;host";

    private static final String HMAC_SHA256 = "HmacSHA256";

    private static final String TERMINATOR = "tc3_request";

    private static final long SECONDS_PER_DAY = 86_400;

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which every JVM must provide", e);
        }
    });

    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM, which every JVM must provide", e);
        }
    });

    private Tc3Signer() {
    }

    /**
     * Signs a {@code POST /} request and returns its {@code Authorization} header: all the
     * steps in one call.
     *
     * @param credentials the keys to sign with; only the secret id appears in the result
     * @param service the service name from the API description, e.g. {@code cvm}
     * @param host the {@code Host} header exactly as sent, with {@code :port} when not default
     * @param contentType the {@code Content-Type} header exactly as sent
     * @param payload the request body, byte for byte
     * @param timestampSeconds the request time in seconds since the epoch, also sent as
     *     {@code X-TC-Timestamp}
     * @return {@code TC3-HMAC-SHA256 Credential=<secretId>/<scope>, SignedHeaders=content-type;host,
     *     Signature=<hex>}
     */
    public static String authorization(Credentials credentials, String service, String host,
            String contentType, byte[] payload, long timestampSeconds) {
        return authorization(credentials, service, host, contentType, payload, timestampSeconds, null);
    }

    /**
     * {@link #authorization(Credentials, String, String, String, byte[], long)} with the derived
     * signing key taken from {@code keys} when it has the right one.
     *
     * @param keys the signing keys of earlier signatures, or {@code null} to derive the key
     */
    static String authorization(Credentials credentials, String service, String host, String contentType,
            byte[] payload, long timestampSeconds, SigningKeys keys) {
        String canonicalRequest = canonicalRequest(contentType, host, sha256Hex(payload));
        String credentialScope = credentialScope(timestampSeconds, service);
        String stringToSign = stringToSign(timestampSeconds, credentialScope, canonicalRequest);
        byte[] signingKey = keys == null ? signingKey(credentials.secretKey(), timestampSeconds, service)
                : keys.signingKey(credentials.secretKey(), timestampSeconds, service);
        return ALGORITHM + " Credential=" + credentials.secretId() + '/' + credentialScope
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + hex(hmacSha256(signingKey, stringToSign));
    }

    /**
     * The SHA-256 digest of the data as lowercase hex: how the body and the canonical request
     * enter the signature.
     *
     * @param data the bytes to hash
     * @return 64 lowercase hex digits
     */
    public static String sha256Hex(byte[] data) {
        return hex(SHA256.get().digest(data));
    }

    /**
     * The canonical form of a {@code POST /} request without a query string: method, path,
     * empty query, the signed headers ({@code content-type} and {@code host}, values trimmed),
     * their names, and the body's hash, one per line.
     *
     * @param contentType the {@code Content-Type} header value
     * @param host the {@code Host} header value
     * @param hashedPayload {@link #sha256Hex} of the body
     * @return the canonical request
     */
    public static String canonicalRequest(String contentType, String host, String hashedPayload) {
        return "POST\n/\n\ncontent-type:" + contentType.trim() + "\nhost:" + host.trim() + "\n\n" + SIGNED_HEADERS + '\n'
                + hashedPayload;
    }

    /**
     * The scope a signature is valid for: {@code <UTC date>/<service>/tc3_request}, e.g.
     * {@code 2019-02-25/cvm/tc3_request}.
     *
     * @param timestampSeconds the request time in seconds since the epoch
     * @param service the service name from the API description
     * @return the credential scope
     */
    public static String credentialScope(long timestampSeconds, String service) {
        return utcDate(timestampSeconds) + '/' + service + '/' + TERMINATOR;
    }

    /**
     * The text the derived key signs: the algorithm, the timestamp, the credential scope and
     * the SHA-256 of the canonical request, one per line.
     *
     * @param timestampSeconds the request time in seconds since the epoch
     * @param credentialScope {@link #credentialScope} for the same time and service
     * @param canonicalRequest {@link #canonicalRequest} of the request
     * @return the string to sign
     */
    public static String stringToSign(long timestampSeconds, String credentialScope,
            String canonicalRequest) {
        String hashedCanonicalRequest = sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        return ALGORITHM + '\n' + timestampSeconds + '\n' + credentialScope + '\n'
                + hashedCanonicalRequest;
    }

    /**
     * The signature of the string to sign. The signing key is derived in steps, each an
     * HMAC-SHA256 keyed with the previous result: {@code "TC3" + secretKey} signs the UTC
     * date, that signs the service, that signs {@code tc3_request}, and that key signs the
     * string. A leaked derived key is thus good for one service on one day only.
     *
     * @param secretKey the {@code SecretKey}
     * @param timestampSeconds the request time in seconds since the epoch
     * @param service the service name from the API description
     * @param stringToSign {@link #stringToSign} of the request
     * @return 64 lowercase hex digits
     */
    public static String signature(String secretKey, long timestampSeconds, String service,
            String stringToSign) {
        return hex(hmacSha256(signingKey(secretKey, timestampSeconds, service), stringToSign));
    }

    /**
     * The key that signs the string to sign, derived from the secret key for one UTC day and
     * one service (see {@link #signature}).
     */
    private static byte[] signingKey(String secretKey, long timestampSeconds, String service) {
        byte[] secretDate =
                hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), utcDate(timestampSeconds));
        byte[] secretService = hmacSha256(secretDate, service);
        return hmacSha256(secretService, TERMINATOR);
    }

    /**
     * The signing key of the last signature, used again while the secret key, the UTC day and
     * the service stay the same: deriving one takes three HMACs, a third of a signature's work.
     * A transport keeps one. Thread-safe; it never shows the keys it holds.
     */
    static final class SigningKeys {
        private volatile Derived last;

        byte[] signingKey(String secretKey, long timestampSeconds, String service) {
            long day = Math.floorDiv(timestampSeconds, SECONDS_PER_DAY);
            Derived derived = last;
            if (derived == null || derived.day != day || !derived.secretKey.equals(secretKey)
                    || !derived.service.equals(service)) {
                derived = new Derived(secretKey, day, service, Tc3Signer.signingKey(secretKey, timestampSeconds, service));
                last = derived;
            }
            return derived.key;
        }

        /** One derived key, and what it was derived from. */
        private static final class Derived {
            final String secretKey;

            final long day;

            final String service;

            final byte[] key;

            Derived(String secretKey, long day, String service, byte[] key) {
                this.secretKey = secretKey;
                this.day = day;
                this.service = service;
                this.key = key;
            }
        }
    }

    /**
     * {@code yyyy-MM-dd} in UTC, whatever the default time zone.
     */
    private static String utcDate(long timestampSeconds) {
        return LocalDate.ofEpochDay(Math.floorDiv(timestampSeconds, SECONDS_PER_DAY)).toString();
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refused a key, which it never does", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }
}

package dev.tcgen.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * A Tencent Cloud API key: the {@code SecretId} that names it, the {@code SecretKey} that signs
 * with it and, for temporary credentials, a session token.
 *
 * <p>Immutable and thread-safe. It is also the simplest {@link CredentialsProvider}: it provides
 * itself. {@link #toString()} never shows the secret key or the token and only the ends of the
 * secret id, so credentials may appear in logs and exception messages without leaking.
 *
 * <pre>{@code
 * Credentials permanent = Credentials.of(secretId, secretKey);
 * Credentials temporary = Credentials.of(tmpSecretId, tmpSecretKey, sessionToken);
 * Credentials expiring = Credentials.of(tmpSecretId, tmpSecretKey, sessionToken,
 *         Instant.ofEpochSecond(expiredTime));   // for CachingCredentialsProvider
 * }</pre>
 *
 * <p>Equality is identity: comparing secrets is not what credentials are for.
 */
public final class Credentials implements CredentialsProvider {
    private final String secretId;

    private final String secretKey;

    private final String token;

    private final Instant expiration;

    private Credentials(String secretId, String secretKey, String token, Instant expiration) {
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.token = token;
        this.expiration = expiration;
    }

    /**
     * Permanent credentials: a secret id and secret key without a token.
     *
     * @param secretId the {@code SecretId}, e.g. {@code AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE}
     * @param secretKey the {@code SecretKey}
     * @return the credentials
     * @throws IllegalArgumentException if either is {@code null} or blank
     */
    public static Credentials of(String secretId, String secretKey) {
        return of(secretId, secretKey, null);
    }

    /**
     * Credentials with an optional session token, as issued for temporary access.
     *
     * @param secretId the {@code SecretId}
     * @param secretKey the {@code SecretKey}
     * @param token the session token, sent as {@code X-TC-Token}; {@code null} or empty for none
     * @return the credentials
     * @throws IllegalArgumentException if the secret id or secret key is {@code null} or blank
     */
    public static Credentials of(String secretId, String secretKey, String token) {
        return of(secretId, secretKey, token, null);
    }

    /**
     * Temporary credentials that expire, as a security token service issues them. A
     * {@link CachingCredentialsProvider} uses the expiration to fetch new ones in time.
     *
     * @param secretId the {@code SecretId}
     * @param secretKey the {@code SecretKey}
     * @param token the session token; {@code null} or empty for none
     * @param expiration when they stop working; {@code null} if they do not expire
     * @return the credentials
     * @throws IllegalArgumentException if the secret id or secret key is {@code null} or blank
     */
    public static Credentials of(String secretId, String secretKey, String token,
            Instant expiration) {
        requireText(secretId, "secretId");
        requireText(secretKey, "secretKey");
        return new Credentials(secretId, secretKey, token == null || token.isEmpty() ? null : token,
                expiration);
    }

    /**
     * The {@code SecretId}: not secret by itself, it names the key in every signed request.
     *
     * @return the secret id
     */
    public String secretId() {
        return secretId;
    }

    /**
     * The {@code SecretKey}, the signing secret. It never leaves this process: requests carry
     * only signatures made with it. Do not log it.
     *
     * @return the secret key
     */
    public String secretKey() {
        return secretKey;
    }

    /**
     * The session token of temporary credentials, sent with each request as {@code X-TC-Token}.
     *
     * @return the token, or empty for permanent credentials
     */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /**
     * When temporary credentials stop working.
     *
     * @return the expiration, or empty for credentials that do not expire
     */
    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    /**
     * Returns these credentials: fixed credentials are their own provider.
     *
     * @return {@code this}
     */
    @Override
    public Credentials credentials() {
        return this;
    }

    /**
     * Describes these credentials without their secrets, e.g.
     * {@code Credentials[secretId=AKID****MPLE, secretKey=****, token=none]}; expiring
     * credentials add {@code , expiration=} and the instant.
     *
     * @return a masked description
     */
    @Override
    public String toString() {
        return "Credentials[secretId=" + maskSecretId(secretId)
                + ", secretKey=****, token=" + (token == null ? "none" : "****")
                + (expiration == null ? "" : ", expiration=" + expiration) + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
    }

    private static String maskSecretId(String secretId) {
        int shown = Math.min(4, secretId.length() / 4);
        return secretId.substring(0, shown) + "****" + secretId.substring(secretId.length() - shown);
    }
}

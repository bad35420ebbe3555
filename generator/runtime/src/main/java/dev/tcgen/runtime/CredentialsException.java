package dev.tcgen.runtime;


/**
 * Thrown by a {@link CredentialsProvider} that has no credentials to give: an environment
 * variable is not set, a profile file is missing, a refresh failed.
 *
 * <p>A {@link CredentialsProviderChain} moves on to its next provider when one throws this,
 * and lists every message when none succeeds. A client reports it as
 * {@link TencentCloudException#CLIENT_CREDENTIALS}, with this exception as the cause. Messages
 * name variables, files and profiles, never a secret.
 */
public class CredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why there are no credentials; never a secret
     */
    public CredentialsException(String message) {
        super(message);
    }

    /**
     * @param message why there are no credentials; never a secret
     * @param cause the underlying failure, e.g. an {@code IOException}
     */
    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}

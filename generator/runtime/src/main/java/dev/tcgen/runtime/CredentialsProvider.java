package dev.tcgen.runtime;


/**
 * Supplies the {@link Credentials} that sign a request.
 *
 * <p>The transport asks for credentials once per request, just before signing it, so an
 * implementation may rotate keys or refresh a temporary token without rebuilding the client.
 * A fixed pair of keys is itself a provider: {@link Credentials#credentials()} returns itself.
 *
 * <pre>{@code
 * CredentialsProvider fromEnvironment = () -> Credentials.of(
 *         System.getenv("TENCENTCLOUD_SECRET_ID"),
 *         System.getenv("TENCENTCLOUD_SECRET_KEY"));
 * }</pre>
 *
 * <p>One client signs requests from many threads at once, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialsProvider {
    /**
     * Returns the credentials to sign the next request with.
     *
     * <p>Called once for every request, on the calling thread: an implementation that fetches
     * credentials remotely should cache them and refresh ahead of their expiry.
     *
     * @return the credentials, never {@code null}
     */
    Credentials credentials();
}

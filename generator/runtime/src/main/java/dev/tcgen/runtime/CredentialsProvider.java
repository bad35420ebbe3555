package dev.tcgen.runtime;

import java.util.concurrent.CompletableFuture;

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
 * <p>A provider that fetches credentials over the network (a metadata service, a security token
 * service) also overrides {@link #credentialsAsync()}, which the client uses: a call then never
 * blocks a thread while credentials are fetched.
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

    /**
     * Returns the credentials to sign the next request with, without blocking: the client asks
     * this way, for blocking and asynchronous calls alike.
     *
     * <p>The default runs {@link #credentials()} on the calling thread, which suits providers that
     * only read memory, the environment or a local file. Providers that fetch credentials over
     * the network override it and complete the future when the answer arrives.
     *
     * @return a future completed with the credentials, or exceptionally (usually with a
     *     {@link CredentialsException}) when there are none
     */
    default CompletableFuture<Credentials> credentialsAsync() {
        try {
            return CompletableFuture.completedFuture(credentials());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

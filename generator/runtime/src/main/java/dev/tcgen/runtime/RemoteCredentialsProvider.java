package dev.tcgen.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A provider of temporary credentials fetched over HTTP, from the CVM metadata service
 * ({@link CvmRoleCredentialsProvider}) or from STS ({@link AssumeRoleCredentialsProvider},
 * {@link WebIdentityCredentialsProvider}), and kept fresh by a {@link CachingCredentialsProvider}:
 * fetched at the first call, fetched again 5 minutes before they expire, by one request however
 * many callers ask, and never on a blocked thread for {@link #credentialsAsync()}.
 *
 * <p>Their builders share the options here: the endpoint (each provider documents the real one;
 * tests point it at a local fake), the HTTP client and timeout, the refresh margin, the clock and
 * the logger of failed background refreshes. A failure is a {@link CredentialsException} that
 * names the source and why, never a secret; neither does {@link #toString()}.
 */
public abstract class RemoteCredentialsProvider implements CredentialsProvider {
    final URI endpoint;

    final Clock clock;

    final CredentialsHttp http;

    private final CachingCredentialsProvider cache;

    RemoteCredentialsProvider(Builder<?> builder) {
        this.endpoint = builder.endpoint;
        this.clock = builder.clock;
        this.http = new CredentialsHttp(builder.httpClient, builder.timeout);
        System.Logger logger = builder.logger != null ? builder.logger : System.getLogger(getClass().getName());
        this.cache = new CachingCredentialsProvider(this::fetch, this, builder.refreshBefore, clock, logger);
    }

    /**
     * The cached credentials, fetched first if there are none or they are about to expire;
     * waits only while there are no valid credentials.
     *
     * @return valid temporary credentials
     * @throws CredentialsException if there are no valid credentials and fetching them fails
     */
    @Override
    public final Credentials credentials() {
        return cache.credentials();
    }

    /**
     * The cached credentials, or the future of the one fetch under way; never blocks.
     *
     * @return a future of valid temporary credentials
     */
    @Override
    public final CompletableFuture<Credentials> credentialsAsync() {
        return cache.credentialsAsync();
    }

    /**
     * Where the credentials are fetched from.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Starts one fetch of fresh credentials; the cache makes sure only one runs at a time.
     */
    abstract CompletableFuture<Credentials> fetch();

    /**
     * The options every remote provider has. Not thread-safe; the provider it builds is.
     *
     * @param <B> the provider's own builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private URI endpoint;

        private HttpClient httpClient;

        private Duration timeout;

        private Duration refreshBefore = CachingCredentialsProvider.DEFAULT_REFRESH_BEFORE;

        private Clock clock = Clock.systemUTC();

        private System.Logger logger;

        Builder(URI defaultEndpoint, Duration defaultTimeout) {
            this.endpoint = defaultEndpoint;
            this.timeout = defaultTimeout;
        }

        /**
         * Where to fetch credentials from; each provider documents its default, the real
         * service. Tests point it at a local fake.
         *
         * @param endpoint the endpoint
         * @return this builder
         * @throws IllegalArgumentException if the provider cannot use it
         */
        public B endpoint(URI endpoint) {
            this.endpoint = checkEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
            return self();
        }

        /**
         * The HTTP client to fetch with, e.g. for a proxy. Default: one client shared by all
         * providers, HTTP/1.1 with a 2-second connect timeout. It must not follow redirects.
         *
         * @param httpClient the client
         * @return this builder
         * @throws IllegalArgumentException if the client follows redirects
         */
        public B httpClient(HttpClient httpClient) {
            if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HTTP client must not follow redirects (Redirect.NEVER), not " + httpClient.followRedirects());
            }
            this.httpClient = httpClient;
            return self();
        }

        /**
         * How long each request waits for its answer; each provider documents its default.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public B timeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be a positive duration, not " + timeout);
            }
            this.timeout = timeout;
            return self();
        }

        /**
         * How long before their expiry the credentials are fetched again. Default 5 minutes.
         *
         * @param refreshBefore zero or more
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public B refreshBefore(Duration refreshBefore) {
            if (refreshBefore.isNegative()) {
                throw new IllegalArgumentException("refreshBefore must not be negative, not " + refreshBefore);
            }
            this.refreshBefore = refreshBefore;
            return self();
        }

        /**
         * The clock expirations are compared with (and STS requests dated with). Default: the
         * system clock in UTC; tests pass a virtual one.
         *
         * @param clock the clock
         * @return this builder
         */
        public B clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return self();
        }

        /**
         * Where a failed background refresh is logged, at {@code WARNING}, while the cached
         * credentials still work (a refresh without valid credentials fails the calls
         * instead). Default: {@code System.getLogger} of the provider's class name.
         *
         * @param logger the logger
         * @return this builder
         */
        public B logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return self();
        }

        /**
         * The endpoint as the provider uses it, or an {@code IllegalArgumentException}.
         */
        abstract URI checkEndpoint(URI endpoint);

        abstract B self();
    }
}

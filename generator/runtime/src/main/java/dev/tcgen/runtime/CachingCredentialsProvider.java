package dev.tcgen.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Keeps the credentials of a slow source, such as a call to a security token service for a
 * role's temporary keys, and fetches new ones before they expire.
 *
 * <p>The source is asked only when needed: at the first call, and when the cached
 * credentials' {@link Credentials#expiration() expiration} is less than {@code refreshBefore}
 * away. One refresh runs at a time, however many callers ask. While the cached credentials are
 * still valid, callers go on with them without waiting for the refresh; if it fails, they are
 * kept, the failure is logged at {@code WARNING} (without any secret), and the next call tries
 * again. Without valid credentials (at the first call, or once they have expired), callers wait
 * for the one refresh, and all see its failure. Credentials without an expiration are kept for
 * good.
 *
 * <p>{@link #credentialsAsync()} never blocks: over a source that fetches asynchronously (its
 * own {@link CredentialsProvider#credentialsAsync()}), waiting callers get a future that
 * completes when the refresh does. {@link #credentials()} waits for that future.
 *
 * <pre>{@code
 * CredentialsProvider role = CachingCredentialsProvider.of(() -> {
 *     AssumeRoleResponse r = sts.assumeRole(...);   // your call to STS
 *     return Credentials.of(r.tmpSecretId(), r.tmpSecretKey(), r.token(),
 *             Instant.ofEpochSecond(r.expiredTime()));
 * });
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CachingCredentialsProvider implements CredentialsProvider {
    /**
     * How long before their expiry credentials are refreshed by default: 5 minutes.
     */
    public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofMinutes(5);

    private final Supplier<CompletableFuture<Credentials>> fetch;

    private final Object source;

    private final Duration refreshBefore;

    private final Clock clock;

    private final System.Logger logger;

    private final Object lock = new Object();

    private volatile Credentials cached;

    /**
     * The refresh in flight, or {@code null}; guarded by {@code lock}.
     */
    private CompletableFuture<Credentials> refreshing;

    /**
     * @param fetch starts one fetch of fresh credentials
     * @param source what {@code fetch} asks, to name in messages; never shows a secret
     */
    CachingCredentialsProvider(Supplier<CompletableFuture<Credentials>> fetch, Object source,
            Duration refreshBefore, Clock clock, System.Logger logger) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.source = Objects.requireNonNull(source, "source");
        this.refreshBefore = Objects.requireNonNull(refreshBefore, "refreshBefore");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
        if (refreshBefore.isNegative()) {
            throw new IllegalArgumentException("refreshBefore must not be negative, not " + refreshBefore);
        }
    }

    /**
     * Caches the source's credentials, refreshing them 5 minutes before they expire.
     *
     * @param source where fresh credentials come from, through its
     *     {@link CredentialsProvider#credentialsAsync()}; asked once at a time
     * @return the caching provider
     */
    public static CachingCredentialsProvider of(CredentialsProvider source) {
        return of(source, DEFAULT_REFRESH_BEFORE, Clock.systemUTC());
    }

    /**
     * Caches the source's credentials with a chosen refresh margin and clock.
     *
     * @param source where fresh credentials come from, through its
     *     {@link CredentialsProvider#credentialsAsync()}; asked once at a time
     * @param refreshBefore how long before the expiration to refresh; zero or more
     * @param clock the clock expirations are compared with
     * @return the caching provider
     * @throws IllegalArgumentException if {@code refreshBefore} is negative
     */
    public static CachingCredentialsProvider of(CredentialsProvider source, Duration refreshBefore,
            Clock clock) {
        Objects.requireNonNull(source, "source");
        return new CachingCredentialsProvider(source::credentialsAsync, source, refreshBefore, clock,
                System.getLogger(CachingCredentialsProvider.class.getName()));
    }

    /**
     * The cached credentials, refreshed first if they are about to expire; waits while there
     * are no valid credentials and a refresh runs.
     *
     * @return valid credentials
     * @throws CredentialsException if there are no valid credentials and the source fails to
     *     give any (its own exceptions pass through)
     */
    @Override
    public Credentials credentials() {
        return CredentialsFutures.await(credentialsAsync());
    }

    /**
     * The cached credentials at once while they are valid (starting a refresh in the background
     * when they are about to expire), or else the future of the one refresh.
     *
     * @return a future of valid credentials; cancelling it does not stop the refresh
     */
    @Override
    public CompletableFuture<Credentials> credentialsAsync() {
        Credentials current = cached;
        Instant now = clock.instant();
        if (current != null && !isStale(current, now)) {
            return CompletableFuture.completedFuture(current);
        }
        CompletableFuture<Credentials> refresh = refresh();
        if (current == null || isExpired(current, now)
                || refresh.isDone() && !refresh.isCompletedExceptionally()) {
            return refresh.copy();
        }
        return CompletableFuture.completedFuture(current);
    }

    /**
     * Names the source and the margin, never the credentials.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "CachingCredentialsProvider[source=" + source + ", refreshBefore=" + refreshBefore + ']';
    }

    /**
     * The refresh in flight, or a new one unless the cache was refreshed meanwhile.
     */
    private CompletableFuture<Credentials> refresh() {
        CompletableFuture<Credentials> started;
        synchronized (lock) {
            if (refreshing != null) {
                return refreshing;
            }
            Credentials current = cached;
            if (current != null && !isStale(current, clock.instant())) {
                return CompletableFuture.completedFuture(current);
            }
            started = new CompletableFuture<>();
            refreshing = started;
        }
        CredentialsFutures.ask(fetch).whenComplete((fresh, failure) -> finish(started, fresh, failure));
        return started;
    }

    /**
     * Caches the fetched credentials, or logs a failure that the cached credentials outlive,
     * and then completes the refresh.
     */
    private void finish(CompletableFuture<Credentials> refresh, Credentials fresh, Throwable failure) {
        Throwable problem = failure != null ? CredentialsFutures.unwrap(failure) : check(fresh);
        if (problem == null) {
            cached = fresh;
        }
        synchronized (lock) {
            refreshing = null;
        }
        if (problem == null) {
            refresh.complete(fresh);
            return;
        }
        Credentials current = cached;
        if (current != null && !isExpired(current, clock.instant())) {
            logger.log(System.Logger.Level.WARNING, () -> "Refreshing credentials from " + source
                    + " failed; going on with the cached ones until they expire at "
                    + current.expiration().orElseThrow() + ": "
                    + TencentCloudException.printable(String.valueOf(problem.getMessage())));
            logger.log(System.Logger.Level.DEBUG, "The failed refresh of credentials from " + source, problem);
        }
        refresh.completeExceptionally(problem);
    }

    /**
     * Why fetched credentials cannot be used, or {@code null} if they can.
     */
    private CredentialsException check(Credentials fresh) {
        if (fresh == null) {
            return new CredentialsException(source + " returned null");
        }
        if (isExpired(fresh, clock.instant())) {
            return new CredentialsException(source + " returned credentials that expired at " + fresh.expiration().orElseThrow());
        }
        return null;
    }

    private boolean isStale(Credentials credentials, Instant now) {
        return credentials.expiration()
                .map(expiration -> !now.isBefore(expiration.minus(refreshBefore)))
                .orElse(false);
    }

    private static boolean isExpired(Credentials credentials, Instant now) {
        return credentials.expiration().map(expiration -> !now.isBefore(expiration)).orElse(false);
    }
}

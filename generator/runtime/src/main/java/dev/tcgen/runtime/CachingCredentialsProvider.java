package dev.tcgen.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the credentials of a slow source, such as a call to a security token service for a
 * role's temporary keys, and fetches new ones before they expire.
 *
 * <p>The source is asked only when needed: at the first call, and when the cached
 * credentials' {@link Credentials#expiration() expiration} is less than {@code refreshBefore}
 * away. While they are still valid, one caller refreshes and the others go on with the cached
 * credentials without waiting; if that refresh fails, the cached ones are kept, the failure is
 * logged at WARNING (no caller sees it) and the next call tries again. Once they have expired, callers wait for a single refresh, whose failure they
 * all see. Credentials without an expiration are kept for good.
 *
 * <pre>{@code
 * CredentialsProvider role = CachingCredentialsProvider.of(() -> {
 *     AssumeRoleResponse r = sts.assumeRole(...);   // your call to STS
 *     return Credentials.of(r.tmpSecretId(), r.tmpSecretKey(), r.token(),
 *             Instant.ofEpochSecond(r.expiredTime()));
 * });
 * }</pre>
 *
 * <p>Thread-safe: at most one refresh runs at a time.
 */
public final class CachingCredentialsProvider implements CredentialsProvider {
    /**
     * How long before their expiry credentials are refreshed by default: 5 minutes.
     */
    public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofMinutes(5);

    private final CredentialsProvider source;

    private static final System.Logger LOGGER = System.getLogger(CachingCredentialsProvider.class.getName());

    private final Duration refreshBefore;

    private final Clock clock;

    private final ReentrantLock refreshing = new ReentrantLock();

    private volatile Credentials cached;

    private CachingCredentialsProvider(CredentialsProvider source, Duration refreshBefore,
            Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.refreshBefore = Objects.requireNonNull(refreshBefore, "refreshBefore");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshBefore.isNegative()) {
            throw new IllegalArgumentException("refreshBefore must not be negative, not " + refreshBefore);
        }
    }

    /**
     * Caches the source's credentials, refreshing them 5 minutes before they expire.
     *
     * @param source where fresh credentials come from; asked on one thread at a time
     * @return the caching provider
     */
    public static CachingCredentialsProvider of(CredentialsProvider source) {
        return new CachingCredentialsProvider(source, DEFAULT_REFRESH_BEFORE, Clock.systemUTC());
    }

    /**
     * Caches the source's credentials with a chosen refresh margin and clock.
     *
     * @param source where fresh credentials come from; asked on one thread at a time
     * @param refreshBefore how long before the expiration to refresh; zero or more
     * @param clock the clock expirations are compared with
     * @return the caching provider
     * @throws IllegalArgumentException if {@code refreshBefore} is negative
     */
    public static CachingCredentialsProvider of(CredentialsProvider source, Duration refreshBefore,
            Clock clock) {
        return new CachingCredentialsProvider(source, refreshBefore, clock);
    }

    /**
     * The cached credentials, refreshed first if they are about to expire.
     *
     * @return valid credentials
     * @throws CredentialsException if there are no valid credentials and the source fails to
     *     give any (its own exceptions pass through)
     */
    @Override
    public Credentials credentials() {
        Credentials current = cached;
        Instant now = clock.instant();
        if (current != null && !isStale(current, now)) {
            return current;
        }
        if (current != null && !isExpired(current, now)) {
            return refreshWhileValid(current);
        }
        refreshing.lock();
        try {
            current = cached;
            if (current == null || isExpired(current, clock.instant())) {
                current = fetch();
            }
            return current;
        } finally {
            refreshing.unlock();
        }
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
     * Still valid but due: refresh unless another caller already is; keep {@code current}
     * if the refresh fails.
     */
    private Credentials refreshWhileValid(Credentials current) {
        if (!refreshing.tryLock()) {
            return current;
        }
        try {
            if (cached != current) {
                return cached;
            }
            return fetch();
        } catch (RuntimeException e) {
            // The cached credentials still work, so the caller sees nothing; the next call tries again.
            LOGGER.log(System.Logger.Level.WARNING, () -> "Refreshing credentials from " + source
                    + " failed; the current ones, valid until " + current.expiration().orElseThrow()
                    + ", are used meanwhile: " + e.getMessage());
            return current;
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Asks the source, with the refresh lock held, and caches the answer.
     */
    private Credentials fetch() {
        Credentials fresh = source.credentials();
        if (fresh == null) {
            throw new CredentialsException(source + " returned null");
        }
        if (isExpired(fresh, clock.instant())) {
            throw new CredentialsException(source + " returned credentials that expired at " + fresh.expiration().orElseThrow());
        }
        cached = fresh;
        return fresh;
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

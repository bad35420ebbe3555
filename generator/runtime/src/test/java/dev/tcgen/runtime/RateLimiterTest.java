package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limiter's two rules, checked on the times at which permits were granted: no window of 1.1 s holds more than N,
 * and permits are evenly spaced, with a burst of at most a tenth of N; and what they are for, that permits delayed on
 * their way by different times up to the allowance still never put more than N into one second at the server. Time
 * is virtual, so the tests are instant and deterministic.
 */
@Timeout(60)
class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long WINDOW = RateLimiter.WINDOW.toNanos();

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 20, 100})
    void aHundredPermitsForEightThreadsAreEvenlySpacedAndNeverTooManyInAWindow(int limit) throws Exception {
        VirtualTime time = VirtualTime.autoAdvancing();
        RateLimiter limiter = RateLimiter.perSecond(limit, time);
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int share = thread < 4 ? 13 : 12;
                threads.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < share; i++) {
                        granted.add(limiter.acquire().join());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : threads) {
                thread.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(100, granted.size());
        assertAtMostPerWindow(limit, WINDOW, granted);
        assertSpaced(limit, granted);
        int burst = Math.max(1, limit / 10);
        long evenly = (100 - burst) * (WINDOW / limit);
        assertTrue(time.elapsed().toNanos() >= evenly - 100, "it waited as long as the spacing needs: " + time.elapsed());
        assertTrue(time.elapsed().toNanos() < evenly + TimeUnit.MILLISECONDS.toNanos(1), "and no longer: "
                + time.elapsed());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 20, 50, 100})
    void permitsDelayedByUpToTheAllowanceNeverPutMoreThanNIntoOneSecondAtTheServer(int limit) {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(limit, time);
        Random random = new Random(limit);
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean pause = random.nextInt(3) == 0;
            time.advance(Duration.ofNanos(pause ? (long) (random.nextDouble() * 2 * WINDOW / limit) : 0));
            CompletableFuture<Long> permit = limiter.acquire();
            while (!permit.isDone()) {
                time.advance(Duration.ofMillis(1));
            }
            long onTheWay = (long) (random.nextDouble() * (RateLimiter.ALLOWANCE.toNanos() - 1));
            arrivals.add(permit.join() + onTheWay);
        }

        assertAtMostPerWindow(limit, SECOND, arrivals);
    }

    @Test
    void asynchronousWaitersAreReleasedInOrderByOneTimer() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(3, time);
        List<CompletableFuture<Long>> permits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            permits.add(limiter.acquire());
        }

        assertEquals(9, limiter.queued());
        assertEquals(1, time.pendingTimers());
        assertTrue(permits.get(0).isDone());
        assertTrue(permits.subList(1, 10).stream().noneMatch(CompletableFuture::isDone));

        time.advance(Duration.ofSeconds(10));

        List<Long> granted = permits.stream().map(CompletableFuture::join).toList();
        assertEquals(granted.stream().sorted().toList(), granted, "first come, first served");
        assertAtMostPerWindow(3, WINDOW, granted);
        assertSpaced(3, granted);
        assertEquals(0, limiter.queued());
    }

    @Test
    void permitsComeOneEveryWindowOverNWithABurstOfATenthOfN() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(20, time);

        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire(), "a burst of two");
        assertFalse(limiter.tryAcquire());
        time.advance(Duration.ofNanos(WINDOW / 20 - 1));
        assertFalse(limiter.tryAcquire());
        time.advance(Duration.ofNanos(1));
        assertTrue(limiter.tryAcquire(), "55 ms later");
        assertFalse(limiter.tryAcquire());
        time.advance(Duration.ofSeconds(10));
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire(), "after a quiet spell, a burst again");
        assertFalse(limiter.tryAcquire(), "but never more than a tenth of N");
    }

    @Test
    void aFullWindowWaitsUntilItsOldestPermitHasLeftIt() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(10, time);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.tryAcquire());
            time.advance(Duration.ofNanos(WINDOW / 10));
        }

        assertEquals(WINDOW, time.nanoTime());
        assertFalse(limiter.tryAcquire(), "an eleventh at 1.1 s would put eleven in the closed window [0, 1.1 s]");
        time.advance(Duration.ofNanos(1));
        assertTrue(limiter.tryAcquire());
    }

    @Test
    void cancellingAWaitingPermitGivesUpItsPlaceWithoutUsingAPermit() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(1, time);
        limiter.acquire().join();
        CompletableFuture<Long> cancelled = limiter.acquire();
        CompletableFuture<Long> next = limiter.acquire();

        cancelled.cancel(false);
        time.advance(RateLimiter.WINDOW.plusNanos(1));

        assertTrue(next.isDone());
        assertTrue(cancelled.isCancelled());
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(0));
        assertEquals("RateLimiter[20/s]", RateLimiter.perSecond(20).toString());
        assertEquals(Duration.ofMillis(1100), RateLimiter.WINDOW);
    }

    /** No closed window [t, t + window] holds more than {@code limit} of the times. */
    static void assertAtMostPerWindow(int limit, long window, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        for (int i = 0; i + limit < sorted.size(); i++) {
            long gap = sorted.get(i + limit) - sorted.get(i);
            assertTrue(gap > window, "times " + i + " and " + (i + limit) + " are only " + gap + " ns apart: "
                    + (limit + 1) + " in one window of " + window + " ns");
        }
    }

    /** Any burst + 1 permits in a row span at least the spacing: no more than a burst at once. */
    private static void assertSpaced(int limit, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        int burst = Math.max(1, limit / 10);
        for (int i = 0; i + burst < sorted.size(); i++) {
            assertTrue(sorted.get(i + burst) - sorted.get(i) >= WINDOW / limit,
                    "permits " + i + " to " + (i + burst) + " came together");
        }
    }
}

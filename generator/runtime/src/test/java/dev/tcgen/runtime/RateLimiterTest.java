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
 * The sliding-window guarantee, checked on the times at which permits were granted: in no window of one second,
 * wherever it starts, are there more than N. Time is virtual, so the tests are instant and deterministic.
 */
@Timeout(60)
class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 20})
    void aHundredPermitsForEightThreadsNeverExceedTheLimitInAnyOneSecondWindow(int limit) throws Exception {
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
        assertAtMostPerSecond(limit, granted);
        long windows = (100 + limit - 1) / limit - 1;
        assertTrue(time.elapsed().toNanos() >= windows * SECOND, "it waited only as long as needed: "
                + time.elapsed());
        assertTrue(time.elapsed().toNanos() < windows * SECOND + TimeUnit.MILLISECONDS.toNanos(1), "and no longer: "
                + time.elapsed());
    }

    @Test
    void asynchronousWaitersAreReleasedInOrderByOneTimer() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(3, time);
        List<CompletableFuture<Long>> permits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            permits.add(limiter.acquire());
        }

        assertEquals(7, limiter.queued());
        assertEquals(1, time.pendingTimers());
        assertTrue(permits.subList(0, 3).stream().allMatch(CompletableFuture::isDone));
        assertTrue(permits.subList(3, 10).stream().noneMatch(CompletableFuture::isDone));

        time.advance(Duration.ofSeconds(10));

        List<Long> granted = permits.stream().map(CompletableFuture::join).toList();
        assertEquals(granted.stream().sorted().toList(), granted, "first come, first served");
        assertAtMostPerSecond(3, granted);
        assertEquals(0, limiter.queued());
    }

    @Test
    void theBoundaryOfTheWindowIsExclusive() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(2, time);

        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        time.advance(Duration.ofMillis(999));
        assertFalse(limiter.tryAcquire());
        time.advance(Duration.ofMillis(1));
        assertFalse(limiter.tryAcquire(), "a permit at exactly 1 s would put three in the closed window [0, 1 s]");
        time.advance(Duration.ofNanos(1));
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void aFullBucketAndItsRefillDoNotPassInOneSecond() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(20, time);
        List<Long> granted = new ArrayList<>();

        time.advance(Duration.ofMillis(900));
        for (int i = 0; i < 20; i++) {
            assertTrue(limiter.tryAcquire());
            granted.add(time.nanoTime());
        }
        time.advance(Duration.ofMillis(200));
        assertFalse(limiter.tryAcquire(), "a token bucket refilled at 20/s would allow these");

        assertAtMostPerSecond(20, granted);
    }

    @Test
    void cancellingAWaitingPermitGivesUpItsPlaceWithoutUsingAPermit() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(1, time);
        limiter.acquire().join();
        CompletableFuture<Long> cancelled = limiter.acquire();
        CompletableFuture<Long> next = limiter.acquire();

        cancelled.cancel(false);
        time.advance(Duration.ofMillis(1001));

        assertTrue(next.isDone());
        assertTrue(cancelled.isCancelled());
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(0));
        assertEquals("RateLimiter[20/s]", RateLimiter.perSecond(20).toString());
    }

    /** No window [t, t + 1 s] holds more than {@code limit} of the times. */
    static void assertAtMostPerSecond(int limit, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        for (int i = 0; i + limit < sorted.size(); i++) {
            long gap = sorted.get(i + limit) - sorted.get(i);
            assertTrue(gap > SECOND, "permits " + i + " and " + (i + limit) + " are only " + gap + " ns apart: "
                    + (limit + 1) + " in one second");
        }
    }
}

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
import java.util.PriorityQueue;
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
 * The limiter's guarantee, that no second at the server holds more than N arrivals however long each request takes
 * on its way, checked on simulated requests with random delays; and its two rules on the grant times: a request
 * counts from its grant until one second after its release, and permits are evenly spaced with a burst of at most a
 * tenth of N. Time is virtual, so the tests are instant and deterministic.
 */
@Timeout(60)
class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 20, 100})
    void requestsArrivingAfterRandomDelaysNeverPutMoreThanNIntoOneSecondAtTheServer(int limit) {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(limit, time);
        Random random = new Random(limit);
        record Release(long at, RateLimiter.Permit permit) {}
        PriorityQueue<Release> releases = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
        List<Long> arrivals = new ArrayList<>();
        for (int request = 0; request < 300; request++) {
            CompletableFuture<RateLimiter.Permit> permit = limiter.acquire();
            while (!permit.isDone()) {
                time.advance(Duration.ofMillis(1));
                while (!releases.isEmpty() && releases.peek().at() <= time.nanoTime()) {
                    releases.poll().permit().release();
                }
            }
            long onTheWay = random.nextInt(10) == 0 ? random.nextInt(1_500) : random.nextInt(30);
            long arrival = permit.join().grantedAt() + TimeUnit.MILLISECONDS.toNanos(onTheWay);
            arrivals.add(arrival);
            releases.add(new Release(arrival + TimeUnit.MILLISECONDS.toNanos(random.nextInt(200)), permit.join()));
        }

        assertAtMostPerSecond(limit, arrivals);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 20, 100})
    void aHundredPermitsForEightThreadsAreEvenlySpacedAndNeverTooManyInASecond(int limit) throws Exception {
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
                        RateLimiter.Permit permit = limiter.acquire().join();
                        granted.add(permit.grantedAt());
                        permit.release();
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
        assertSpaced(limit, granted);
        // No upper bound on the elapsed time: the auto-advancing clock adds up the waits of threads that wait at once,
        // so under load it runs ahead of the permits. What the limiter promises is asserted above.
        assertTrue(time.elapsed().toNanos() >= (100 / limit - 1) * SECOND, "it waited as the limit needs: "
                + time.elapsed());
    }

    @Test
    void asynchronousWaitersAreReleasedInOrderByOneTimer() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(3, time);
        List<Long> granted = new ArrayList<>();
        List<CompletableFuture<RateLimiter.Permit>> permits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CompletableFuture<RateLimiter.Permit> permit = limiter.acquire();
            permit.thenAccept(p -> {
                granted.add(p.grantedAt());
                p.release();
            });
            permits.add(permit);
        }

        assertEquals(9, limiter.queued());
        assertEquals(1, time.pendingTimers());
        assertTrue(permits.get(0).isDone());
        assertTrue(permits.subList(1, 10).stream().noneMatch(CompletableFuture::isDone));

        time.advance(Duration.ofSeconds(10));

        assertTrue(permits.stream().allMatch(CompletableFuture::isDone), "first come, first served");
        assertEquals(granted.stream().sorted().toList(), granted);
        assertAtMostPerSecond(3, granted);
        assertSpaced(3, granted);
        assertEquals(0, limiter.queued());
    }

    @Test
    void permitsComeOneEveryNthOfASecondWithABurstOfATenthOfN() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(20, time);

        assertTrue(limiter.tryAcquire().isPresent());
        assertTrue(limiter.tryAcquire().isPresent(), "a burst of two");
        assertFalse(limiter.tryAcquire().isPresent());
        time.advance(Duration.ofMillis(50).minusNanos(1));
        assertFalse(limiter.tryAcquire().isPresent());
        time.advance(Duration.ofNanos(1));
        assertTrue(limiter.tryAcquire().isPresent(), "50 ms later");
        assertFalse(limiter.tryAcquire().isPresent());
    }

    @Test
    void aRequestCountsFromItsPermitUntilASecondAfterItsRelease() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(2, time);
        RateLimiter.Permit first = limiter.tryAcquire().orElseThrow();
        time.advance(Duration.ofMillis(500));
        RateLimiter.Permit second = limiter.tryAcquire().orElseThrow();

        time.advance(Duration.ofSeconds(10));
        assertFalse(limiter.tryAcquire().isPresent(), "both still on their way: either may arrive at any time");
        first.release();
        second.release();
        time.advance(Duration.ofSeconds(1));
        assertFalse(limiter.tryAcquire().isPresent(), "a second after the answers, the window is still full");
        time.advance(Duration.ofNanos(1));
        assertTrue(limiter.tryAcquire().isPresent());
    }

    @Test
    void releasingTwiceIsHarmless() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(1, time);
        RateLimiter.Permit permit = limiter.tryAcquire().orElseThrow();
        permit.release();
        permit.release();
        time.advance(Duration.ofSeconds(1).plusNanos(1));
        assertTrue(limiter.tryAcquire().isPresent());

        time.advance(Duration.ofSeconds(5));
        assertFalse(limiter.tryAcquire().isPresent(), "one permit held, as the first was released only once");
    }

    @Test
    void aReleaseLetsTheNextWaiterGoOnceItsSecondIsOver() {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(1, time);
        RateLimiter.Permit held = limiter.acquire().join();
        CompletableFuture<RateLimiter.Permit> cancelled = limiter.acquire();
        CompletableFuture<RateLimiter.Permit> next = limiter.acquire();
        assertEquals(0, time.pendingTimers(), "nothing to time while the permit is held");

        cancelled.cancel(false);
        held.release();
        time.advance(Duration.ofSeconds(1));
        assertFalse(next.isDone());
        time.advance(Duration.ofNanos(1));

        assertTrue(next.isDone());
        assertTrue(cancelled.isCancelled());
    }

    @Test
    void threadsAndFuturesWaitInOneQueueInTheOrderTheyAsked() throws Exception {
        VirtualTime time = VirtualTime.autoAdvancing();
        RateLimiter limiter = RateLimiter.perSecond(1, time);
        RateLimiter.Permit held = limiter.tryAcquire().orElseThrow();
        List<String> granted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> takeAndRelease(limiter, "thread 1", granted));
            awaitQueued(limiter, 1);
            CompletableFuture<Void> second = limiter.acquire().thenAccept(permit -> {
                granted.add("future 2");
                permit.release();
            });
            Future<?> third = threads.submit(() -> takeAndRelease(limiter, "thread 3", granted));
            awaitQueued(limiter, 3);
            CompletableFuture<Void> fourth = limiter.acquire().thenAccept(permit -> {
                granted.add("future 4");
                permit.release();
            });

            held.release();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            third.get(10, TimeUnit.SECONDS);
            fourth.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertEquals(List.of("thread 1", "future 2", "thread 3", "future 4"), granted);
        assertEquals(0, limiter.queued());
        assertTrue(time.elapsed().compareTo(Duration.ofSeconds(4)) > 0, "each a second after the one before: "
                + time.elapsed());
    }

    @Test
    void aWaitingThreadSleepsOnTheSchedulersClockUntilItsPermitIsDue() throws Exception {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(20, time);
        limiter.tryAcquire().orElseThrow();
        limiter.tryAcquire().orElseThrow();
        CompletableFuture<RateLimiter.Permit> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return limiter.awaitPermit();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSleeping(time);

        time.advance(Duration.ofMillis(50).minusNanos(1));
        assertFalse(waiting.isDone());
        time.advance(Duration.ofNanos(1));

        assertEquals(TimeUnit.MILLISECONDS.toNanos(50), waiting.get(10, TimeUnit.SECONDS).grantedAt());
        assertEquals(List.of(Duration.ofMillis(50)), time.delays(), "one sleep, to the spacing's next permit");
    }

    @Test
    void anInterruptedThreadLeavesTheQueueWithoutAPermit() throws Exception {
        VirtualTime time = VirtualTime.manual();
        RateLimiter limiter = RateLimiter.perSecond(1, time);
        RateLimiter.Permit held = limiter.tryAcquire().orElseThrow();
        CompletableFuture<Thread> waiter = new CompletableFuture<>();
        CompletableFuture<Throwable> interrupted = CompletableFuture.supplyAsync(() -> {
            waiter.complete(Thread.currentThread());
            try {
                limiter.awaitPermit();
                return null;
            } catch (InterruptedException e) {
                return e;
            }
        });
        awaitQueued(limiter, 1);
        CompletableFuture<RateLimiter.Permit> next = limiter.acquire();

        waiter.join().interrupt();

        assertTrue(interrupted.get(10, TimeUnit.SECONDS) instanceof InterruptedException);
        assertEquals(1, limiter.queued(), "only the future is left");
        held.release();
        time.advance(Duration.ofSeconds(1).plusNanos(1));
        assertTrue(next.isDone(), "the permit went to the future behind the thread");
    }

        @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(0));
        assertEquals("RateLimiter[20/s]", RateLimiter.perSecond(20).toString());
    }

    /** Takes a permit in this thread, notes its name, and gives the permit back. */
    private static Void takeAndRelease(RateLimiter limiter, String name, List<String> granted) throws InterruptedException {
        RateLimiter.Permit permit = limiter.awaitPermit();
        granted.add(name);
        permit.release();
        return null;
    }

    /** Waits (in real time, briefly) until {@code count} callers are queued. */
    private static void awaitQueued(RateLimiter limiter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limiter.queued() < count) {
            assertTrue(System.nanoTime() < deadline, "nobody queued");
            Thread.sleep(1);
        }
    }

    /** Waits (in real time, briefly) until a thread sleeps on the virtual clock. */
    private static void awaitSleeping(VirtualTime time) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (time.pendingTimers() == 0) {
            assertTrue(System.nanoTime() < deadline, "nobody sleeps");
            Thread.sleep(1);
        }
    }

    /** No closed window [t, t + 1 s] holds more than {@code limit} of the times. */
    static void assertAtMostPerSecond(int limit, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        for (int i = 0; i + limit < sorted.size(); i++) {
            long gap = sorted.get(i + limit) - sorted.get(i);
            assertTrue(gap > SECOND, "times " + i + " and " + (i + limit) + " are only " + gap + " ns apart: "
                    + (limit + 1) + " in one second");
        }
    }

    /** Any burst + 1 permits in a row span at least the spacing: no more than a burst at once. */
    private static void assertSpaced(int limit, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        int burst = Math.max(1, limit / 10);
        for (int i = 0; i + burst < sorted.size(); i++) {
            assertTrue(sorted.get(i + burst) - sorted.get(i) >= SECOND / limit,
                    "permits " + i + " to " + (i + burst) + " came together");
        }
    }
}

package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials providers on an injected environment and a temporary home directory: nothing here reads the real
 * environment or {@code ~/.tencentcloud}.
 */
@Timeout(60)
class CredentialsProvidersTest {

    private static final String ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private static final String TOKEN = "token-abcdef-0123456789";
    private static final String PROFILE_KEY = "profile-secret-key-value";

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    // ---- environment ----

    @Test
    void theEnvironmentGivesKeysAndAnOptionalToken() {
        environment.put("TENCENTCLOUD_SECRET_ID", ID);
        environment.put("TENCENTCLOUD_SECRET_KEY", " " + KEY + " ");
        CredentialsProvider provider = EnvironmentCredentialsProvider.of(environment::get);

        Credentials plain = provider.credentials();
        assertEquals(ID, plain.secretId());
        assertEquals(KEY, plain.secretKey());
        assertEquals(Optional.empty(), plain.token());

        environment.put("TENCENTCLOUD_TOKEN", TOKEN);
        assertEquals(Optional.of(TOKEN), provider.credentials().token(), "read again at every call");
    }

    @Test
    void aMissingVariableIsNamedAndNoValueIsShown() {
        CredentialsProvider provider = EnvironmentCredentialsProvider.of(environment::get);

        assertEquals("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set",
                assertThrows(CredentialsException.class, provider::credentials).getMessage());
        environment.put("TENCENTCLOUD_SECRET_ID", ID);
        environment.put("TENCENTCLOUD_SECRET_KEY", "   ");
        String message = assertThrows(CredentialsException.class, provider::credentials).getMessage();
        assertEquals("TENCENTCLOUD_SECRET_KEY is not set, although TENCENTCLOUD_SECRET_ID is", message);
        assertEquals("EnvironmentCredentialsProvider", provider.toString());
    }

    // ---- profile file ----

    @Test
    void aProfileIsReadFromTheCredentialsFileUnderTheHomeDirectory() throws IOException {
        writeProfiles();

        Credentials defaults = ProfileCredentialsProvider.of(ProfileCredentialsProvider.defaultFile(home), "default")
                .credentials();
        Credentials staging = ProfileCredentialsProvider.of(ProfileCredentialsProvider.defaultFile(home), "staging")
                .credentials();

        assertEquals(ID, defaults.secretId());
        assertEquals(KEY, defaults.secretKey());
        assertEquals(Optional.empty(), defaults.token());
        assertEquals("AKIDstaging", staging.secretId());
        assertEquals(PROFILE_KEY, staging.secretKey());
        assertEquals(Optional.of(TOKEN), staging.token());
    }

    @Test
    void profileProblemsNameTheFileAndProfileButNoValue() throws IOException {
        Path file = ProfileCredentialsProvider.defaultFile(home);
        assertEquals(file + " does not exist", assertThrows(CredentialsException.class,
                () -> ProfileCredentialsProvider.of(file, "default").credentials()).getMessage());

        writeProfiles();
        assertEquals(file + " has no [prod] profile", assertThrows(CredentialsException.class,
                () -> ProfileCredentialsProvider.of(file, "prod").credentials()).getMessage());
        String incomplete = assertThrows(CredentialsException.class,
                () -> ProfileCredentialsProvider.of(file, "incomplete").credentials()).getMessage();
        assertEquals("profile [incomplete] of " + file + " has no secret_key", incomplete);
        assertFalse(incomplete.contains("AKIDincomplete"));
        assertEquals("ProfileCredentialsProvider[file=" + file + ", profile=staging]",
                ProfileCredentialsProvider.of(file, "staging").toString());
    }

    // ---- chains ----

    @Test
    void aChainSkipsProvidersWithoutCredentials() {
        Credentials fixed = Credentials.of(ID, KEY);
        CredentialsProviderChain chain = CredentialsProviderChain.of(() -> {
            throw new CredentialsException("nothing here");
        }, fixed);

        assertSame(fixed, chain.credentials());
        assertEquals(2, chain.providers().size());
        assertThrows(IllegalArgumentException.class, CredentialsProviderChain::of);
    }

    @Test
    void aChainAsksEachProviderAsynchronouslyAndMovesOnWhenOneFails() {
        CompletableFuture<Credentials> fetching = new CompletableFuture<>();
        CredentialsProvider remote = new CredentialsProvider() {
            @Override
            public Credentials credentials() {
                throw new AssertionError("the chain must ask asynchronously");
            }

            @Override
            public CompletableFuture<Credentials> credentialsAsync() {
                return fetching;
            }

            @Override
            public String toString() {
                return "Remote";
            }
        };
        Credentials fixed = Credentials.of(ID, KEY);
        CompletableFuture<Credentials> found = CredentialsProviderChain.of(remote, fixed).credentialsAsync();

        assertFalse(found.isDone(), "waiting for the remote provider, not blocking");
        fetching.completeExceptionally(new CredentialsException("no role here"));
        assertSame(fixed, found.join());

        CompletableFuture<Credentials> none = CredentialsProviderChain.of(remote).credentialsAsync();
        CompletionException e = assertThrows(CompletionException.class, none::join);
        assertEquals("No credentials found; tried: Remote: no role here", e.getCause().getMessage());
    }

    // ---- caching, expiry-aware ----

    @Test
    void credentialsWithoutExpirationAreFetchedOnce() {
        AtomicInteger fetched = new AtomicInteger();
        CredentialsProvider caching = CachingCredentialsProvider.of(() -> {
            fetched.incrementAndGet();
            return Credentials.of(ID, KEY);
        });

        for (int i = 0; i < 5; i++) {
            caching.credentials();
        }
        assertEquals(1, fetched.get());
    }

    @Test
    void expiringCredentialsAreRefreshedAheadOfTheirExpiry() {
        VirtualTime time = VirtualTime.manual();
        AtomicInteger fetched = new AtomicInteger();
        CredentialsProvider caching = CachingCredentialsProvider.of(() -> Credentials.of(ID + fetched.incrementAndGet(),
                KEY, TOKEN, time.now().plus(Duration.ofMinutes(30))), Duration.ofMinutes(5), time.clock());

        assertEquals(ID + 1, caching.credentials().secretId());
        time.advance(Duration.ofMinutes(24));
        assertEquals(ID + 1, caching.credentials().secretId(), "still fresh");
        time.advance(Duration.ofMinutes(1));
        assertEquals(ID + 2, caching.credentials().secretId(), "refreshed 5 minutes before expiry");
        assertEquals(2, fetched.get());
    }

    @Test
    void aFailedRefreshKeepsValidCredentialsButNotExpiredOnes() {
        VirtualTime time = VirtualTime.manual();
        AtomicInteger calls = new AtomicInteger();
        Instant expiry = time.now().plus(Duration.ofMinutes(10));
        CredentialsProvider caching = CachingCredentialsProvider.of(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new CredentialsException("STS is down");
            }
            return Credentials.of(ID, KEY, TOKEN, expiry);
        }, Duration.ofMinutes(5), time.clock());
        caching.credentials();

        time.advance(Duration.ofMinutes(6));
        assertEquals(ID, caching.credentials().secretId(), "due for refresh, refresh failed, still valid");
        time.advance(Duration.ofMinutes(4));
        assertEquals("STS is down", assertThrows(CredentialsException.class, caching::credentials).getMessage());
    }

    @Test
    void expiredCredentialsAreRefreshedOnceHoweverManyThreadsAsk() throws Exception {
        VirtualTime time = VirtualTime.manual();
        AtomicInteger fetched = new AtomicInteger();
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CredentialsProvider caching = CachingCredentialsProvider.of(() -> {
            int number = fetched.incrementAndGet();
            if (number == 2) {
                refreshing.countDown();
                await(release);
            }
            return Credentials.of(ID + number, KEY, TOKEN, time.now().plus(Duration.ofHours(1)));
        }, Duration.ofMinutes(5), time.clock());
        caching.credentials();
        time.advance(Duration.ofHours(2));

        List<String> ids = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread thread = new Thread(() -> ids.add(caching.credentials().secretId()), "caller-" + i);
            threads.add(thread);
            thread.start();
        }
        assertTrue(refreshing.await(10, TimeUnit.SECONDS));
        // Every caller has asked by now: each waits (for the one refresh, or inside a refresh of its own) or is done.
        while (threads.stream().anyMatch(thread -> thread.getState() == Thread.State.NEW
                || thread.getState() == Thread.State.RUNNABLE)) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertEquals(Collections.nCopies(16, ID + 2), ids);
        assertEquals(2, fetched.get(), "one refresh for all sixteen threads");
    }

    @Test
    void asynchronousCallersOfAnEmptyCacheShareOneFetchWithoutBlocking() {
        AtomicInteger fetched = new AtomicInteger();
        CompletableFuture<Credentials> fetch = new CompletableFuture<>();
        CachingCredentialsProvider caching = CachingCredentialsProvider.of(new CredentialsProvider() {
            @Override
            public Credentials credentials() {
                throw new AssertionError("the cache must ask asynchronously");
            }

            @Override
            public CompletableFuture<Credentials> credentialsAsync() {
                fetched.incrementAndGet();
                return fetch;
            }
        });

        List<CompletableFuture<Credentials>> callers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            callers.add(caching.credentialsAsync());
        }
        assertTrue(callers.stream().noneMatch(CompletableFuture::isDone));
        callers.get(0).cancel(false);
        assertFalse(fetch.isCancelled(), "one caller giving up does not stop the fetch for the others");

        Credentials fresh = Credentials.of(ID, KEY);
        fetch.complete(fresh);
        for (CompletableFuture<Credentials> caller : callers.subList(1, callers.size())) {
            assertSame(fresh, caller.join());
        }
        assertSame(fresh, caching.credentials());
        assertEquals(1, fetched.get());
    }

    @Test
    void aFailedRefreshOfValidCredentialsIsLoggedAsAWarningWithoutSecrets() {
        VirtualTime time = VirtualTime.manual();
        CapturingLogger logger = new CapturingLogger();
        AtomicInteger calls = new AtomicInteger();
        CachingCredentialsProvider caching = new CachingCredentialsProvider(() -> calls.incrementAndGet() == 1
                ? CompletableFuture.completedFuture(Credentials.of(ID, KEY, TOKEN, time.now().plus(Duration.ofMinutes(10))))
                : CompletableFuture.failedFuture(new CredentialsException("STS is down")),
                "the source", Duration.ofMinutes(5), time.clock(), logger);
        caching.credentials();
        time.advance(Duration.ofMinutes(6));

        assertEquals(ID, caching.credentials().secretId());

        assertEquals(1, logger.at(System.Logger.Level.WARNING).size());
        CapturingLogger.Entry warning = logger.at(System.Logger.Level.WARNING).get(0);
        assertEquals("Refreshing credentials from the source failed; going on with the cached ones until they expire "
                + "at 2024-05-01T00:10:00Z: STS is down", warning.message());
        assertEquals("", warning.thrown(), "one line; the stack trace goes to DEBUG");
        List<CapturingLogger.Entry> debug = logger.at(System.Logger.Level.DEBUG);
        assertEquals(1, debug.size());
        assertTrue(debug.get(0).thrown().contains("STS is down"), debug.get(0).thrown());
        assertFalse(logger.allText().contains(KEY) || logger.allText().contains(TOKEN), logger.allText());
    }

    // ---- nothing shows a secret ----

    @Test
    void toStringMasksSecrets() {
        Credentials temporary = Credentials.of(ID, KEY, TOKEN, Instant.parse("2030-01-01T00:00:00Z"));
        String shown = temporary.toString();

        assertEquals("Credentials[secretId=AKID****MPLE, secretKey=****, token=****, "
                + "expiration=2030-01-01T00:00:00Z]", shown);
        CredentialsProvider caching = CachingCredentialsProvider.of(temporary);
        for (String text : List.of(shown, caching.toString(),
                CredentialsProviderChain.of(temporary, EnvironmentCredentialsProvider.of(environment::get)).toString())) {
            assertFalse(text.contains(KEY), text);
            assertFalse(text.contains(TOKEN), text);
        }
    }

    private void writeProfiles() throws IOException {
        Path file = ProfileCredentialsProvider.defaultFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n",
                "# Tencent Cloud credentials",
                "[default]",
                "secret_id = " + ID,
                "SECRET_KEY=" + KEY,
                "",
                "; a second profile, with a token",
                "[ staging ]",
                "secret_id = AKIDstaging",
                "secret_key = " + PROFILE_KEY,
                "token = " + TOKEN,
                "[incomplete]",
                "secret_id = AKIDincomplete",
                "secret_key =",
                ""), StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

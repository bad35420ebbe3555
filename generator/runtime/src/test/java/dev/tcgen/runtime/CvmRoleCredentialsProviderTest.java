package dev.tcgen.runtime;

import static dev.tcgen.runtime.testing.FakeCredentialsServer.SECRET_ID;
import static dev.tcgen.runtime.testing.FakeCredentialsServer.SECRET_KEY;
import static dev.tcgen.runtime.testing.FakeCredentialsServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.FakeCredentialsServer.Hold;
import dev.tcgen.runtime.testing.FakeMetadataServer;
import dev.tcgen.runtime.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The CVM role provider against a local metadata service, on virtual time. */
@Timeout(60)
class CvmRoleCredentialsProviderTest {

    private final VirtualTime time = VirtualTime.manual();
    private final FakeMetadataServer metadata = new FakeMetadataServer(time.clock());
    private final CapturingLogger logger = new CapturingLogger();

    @AfterEach
    void stop() {
        metadata.close();
    }

    private CvmRoleCredentialsProvider.Builder provider() {
        return CvmRoleCredentialsProvider.builder().endpoint(metadata.endpoint()).clock(time.clock()).logger(logger);
    }

    @Test
    void theRoleIsAskedForThenItsTemporaryCredentials() {
        Credentials credentials = provider().build().credentials();

        assertEquals(SECRET_ID, credentials.secretId());
        assertEquals(SECRET_KEY, credentials.secretKey());
        assertEquals(Optional.of(token(1)), credentials.token());
        assertEquals(Optional.of(VirtualTime.EPOCH.plus(Duration.ofHours(2))), credentials.expiration());
        List<String> paths = metadata.requests().stream().map(request -> request.path()).toList();
        assertEquals(List.of(FakeMetadataServer.PATH, FakeMetadataServer.PATH + FakeMetadataServer.ROLE), paths);
    }

    @Test
    void aNamedRoleIsFetchedWithoutAskingForTheName() {
        assertEquals(SECRET_ID, provider().roleName(FakeMetadataServer.ROLE).build().credentials().secretId());

        assertEquals(0, metadata.roleNameRequests());
        assertEquals(1, metadata.fetches());
    }

    @Test
    void credentialsAreKeptUntilFiveMinutesBeforeTheyExpireAndFetchedAgainInTheBackground() throws Exception {
        CvmRoleCredentialsProvider provider = provider().build();
        assertEquals(Optional.of(token(1)), provider.credentials().token());
        time.advance(Duration.ofMinutes(114));
        assertEquals(Optional.of(token(1)), provider.credentials().token());
        assertEquals(1, metadata.fetches(), "still fresh: nothing fetched");

        time.advance(Duration.ofMinutes(1));
        Hold refresh = metadata.holdNextFetch();
        CompletableFuture<Credentials> due = provider.credentialsAsync();
        assertTrue(due.isDone(), "valid credentials are given at once while the refresh runs");
        assertEquals(Optional.of(token(1)), due.join().token());
        assertTrue(refresh.awaitArrival(), "five minutes before the expiry, a refresh started");
        refresh.release();

        time.advance(Duration.ofMinutes(10));
        assertEquals(Optional.of(token(2)), provider.credentials().token(), "the refreshed credentials");
        assertEquals(2, metadata.fetches());
    }

    @Test
    void concurrentCallersShareOneFetchAndNoneOfThemBlocks() throws Exception {
        CvmRoleCredentialsProvider provider = provider().build();
        Hold first = metadata.holdNextFetch();

        List<CompletableFuture<Credentials>> callers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            callers.add(provider.credentialsAsync());
        }
        assertTrue(first.awaitArrival());
        assertTrue(callers.stream().noneMatch(CompletableFuture::isDone), "all wait for the one fetch, none blocked");
        assertEquals(1, metadata.fetches());
        first.release();

        for (CompletableFuture<Credentials> caller : callers) {
            assertEquals(Optional.of(token(1)), caller.join().token());
        }
        assertEquals(1, metadata.fetches(), "one fetch for sixteen callers");
    }

    @Test
    void aFailedBackgroundRefreshKeepsTheValidCredentialsAndIsLoggedWithoutSecrets() throws Exception {
        CvmRoleCredentialsProvider provider = provider().build();
        provider.credentials();
        metadata.failWithStatus(500);
        time.advance(Duration.ofMinutes(116));

        assertEquals(Optional.of(token(1)), provider.credentialsAsync().join().token());
        assertTrue(logger.await(System.Logger.Level.WARNING, 1));
        String warning = logger.at(System.Logger.Level.WARNING).get(0).text();
        assertTrue(warning.contains("Refreshing credentials from CvmRoleCredentialsProvider[endpoint="
                + metadata.endpoint() + ", role=(the instance's)] failed; going on with the cached ones until they "
                + "expire at 2024-05-01T02:00:00Z: the CVM metadata service answered HTTP 500"), warning);
        assertNoSecret(warning);

        time.advance(Duration.ofMinutes(5));
        CredentialsException expired = assertThrows(CredentialsException.class, provider::credentials);
        assertEquals("the CVM metadata service answered HTTP 500 at " + metadata.endpoint() + FakeMetadataServer.ROLE,
                expired.getMessage());
        assertEquals(1, logger.at(System.Logger.Level.WARNING).size(), "a failure that is thrown is not logged");
    }

    @Test
    void failuresSayWhatTheMetadataServiceAnsweredAndNeverShowASecret() {
        metadata.role(null);
        assertEquals("no CAM role is bound to this instance (" + metadata.endpoint() + " answered HTTP 404)",
                assertThrows(CredentialsException.class, () -> provider().build().credentials()).getMessage());

        metadata.role(FakeMetadataServer.ROLE).code("Failure");
        String code = assertThrows(CredentialsException.class, () -> provider().build().credentials()).getMessage();
        assertEquals("the CVM metadata service answered Code \"Failure\" for the role fake-role", code);

        metadata.code("Failure\\nINFO: forged");
        assertEquals("the CVM metadata service answered Code \"Failure\\nINFO: forged\" for the role fake-role",
                assertThrows(CredentialsException.class, () -> provider().build().credentials()).getMessage());

        metadata.code("Success");
        String noSuchRole = assertThrows(CredentialsException.class,
                () -> provider().roleName("other-role").build().credentials()).getMessage();
        assertEquals("the CVM metadata service has no credentials for the role other-role (" + metadata.endpoint()
                + "other-role answered HTTP 404): is it bound to this instance?", noSuchRole);
    }

    @Test
    void anUnreachableMetadataServiceIsNamedWithTheCause() {
        URI endpoint = metadata.endpoint();
        metadata.close();

        CredentialsException e = assertThrows(CredentialsException.class,
                () -> CvmRoleCredentialsProvider.builder().endpoint(endpoint).build().credentials());

        assertTrue(e.getMessage().startsWith("cannot reach the CVM metadata service at " + endpoint + ": "), e.getMessage());
    }

    @Test
    void theDefaultsAreTheRealMetadataServiceAndToStringShowsNoSecret() {
        CvmRoleCredentialsProvider real = CvmRoleCredentialsProvider.create();
        assertEquals(URI.create("http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/"),
                real.endpoint());
        assertEquals("CvmRoleCredentialsProvider[endpoint=http://metadata.tencentyun.com/latest/meta-data/cam/"
                + "security-credentials/, role=(the instance's)]", real.toString());

        CvmRoleCredentialsProvider named = provider().roleName("app-role").build();
        named.credentialsAsync();
        assertFalse(named.toString().contains(SECRET_KEY));
        assertEquals(URI.create("http://127.0.0.1:1/meta/"),
                CvmRoleCredentialsProvider.builder().endpoint(URI.create("http://127.0.0.1:1/meta")).build().endpoint(),
                "the directory's slash is added");
        assertThrows(IllegalArgumentException.class, () -> CvmRoleCredentialsProvider.builder().roleName("no role"));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET_KEY), text);
        assertFalse(text.contains(FakeMetadataServer.TOKEN_PREFIX), text);
    }
}

package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static dev.tcgen.client.trtc.TestClients.stop;
import static dev.tcgen.runtime.testing.FakeCredentialsServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.AssumeRoleCredentialsProvider;
import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.CredentialsProvider;
import dev.tcgen.client.core.CvmRoleCredentialsProvider;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.FakeCredentialsServer.Hold;
import dev.tcgen.runtime.testing.FakeMetadataServer;
import dev.tcgen.runtime.testing.FakeStsServer;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Temporary credentials that the client fetches and refreshes itself, end to end: the CVM instance role from a local
 * metadata service and an STS {@code AssumeRole} over base keys from a local STS, signing calls that the server
 * verifies. Virtual time moves the credentials towards their expiry; a held fetch shows that concurrent calls share
 * one and that an asynchronous call blocks no thread while it waits.
 */
@Timeout(60)
class RoleCredentialsEndToEndTest {

    private static final String BASE_ID = "AKIDbaseUserEXAMPLE";
    private static final String BASE_KEY = "base-user-secret-key-EXAMPLE";
    private static final String ROLE_ARN = "qcs::cam::uin/100000000001:roleName/deployer";

    private final CapturingLogger logger = new CapturingLogger();
    private CredentialServices services;
    private VirtualTime time;
    private FakeMetadataServer metadata;
    private FakeStsServer sts;
    private FakeTrtcServer server;

    @BeforeEach
    void startServers() throws IOException {
        services = new CredentialServices(request -> new IndependentTc3Verifier(BASE_ID, BASE_KEY, "sts").problem(
                request.header("Authorization"), request.header("Content-Type"), request.header("Host"),
                Long.parseLong(request.header("X-TC-Timestamp")), request.body().getBytes(StandardCharsets.UTF_8)));
        time = services.time;
        metadata = services.metadata;
        sts = services.sts;
        server = services.server;
    }

    @AfterEach
    void stopServers() {
        services.close();
    }

    private TrtcClient client(CredentialsProvider credentials) {
        return TestClients.client(server).credentials(credentials).logger(logger).build();
    }

    private CvmRoleCredentialsProvider cvmRole() {
        return CvmRoleCredentialsProvider.builder().endpoint(metadata.endpoint()).clock(time.clock()).logger(logger)
                .build();
    }

    private Received lastRequest() {
        return services.lastRequest();
    }

    @Test
    void theInstanceRoleSignsCallsAndIsFetchedAgainWhenItExpires() {
        try (TrtcClient client = client(cvmRole())) {
            client.stopPublishCdnStream(stop("t-1"));
            assertEquals(token(1), lastRequest().header("X-TC-Token"));
            time.advance(Duration.ofMinutes(100));
            client.stopPublishCdnStream(stop("t-2"));
            assertEquals(token(1), lastRequest().header("X-TC-Token"), "still fresh");

            time.advance(Duration.ofMinutes(25));
            client.stopPublishCdnStream(stop("t-3"));
            assertEquals(token(2), lastRequest().header("X-TC-Token"), "expired, fetched again");
        }
        assertEquals(2, metadata.fetches());
    }

    @Test
    void asyncCallsWaitingForTheRoleShareOneFetchAndBlockNoThread() throws Exception {
        Hold first = metadata.holdNextFetch();
        try (TrtcClient client = client(cvmRole())) {
            List<CompletableFuture<StopPublishCdnStreamResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(client.stopPublishCdnStreamAsync(stop("t-" + i)));
            }
            // Sixteen calls returned to this thread while the one fetch is held at the metadata service.
            assertTrue(first.awaitArrival());
            assertTrue(calls.stream().noneMatch(CompletableFuture::isDone));
            assertEquals(1, metadata.fetches());
            assertTrue(server.received().isEmpty(), "nothing is sent without credentials");

            first.release();
            for (CompletableFuture<StopPublishCdnStreamResponse> call : calls) {
                assertEquals("req-ok", call.get().requestId());
            }
        }
        assertEquals(1, metadata.fetches(), "one fetch for sixteen calls");
        assertEquals(16, server.received().size());
        server.received().forEach(received -> {
            assertTrue(received.signatureValid(), received.signatureProblem());
            assertEquals(token(1), received.header("X-TC-Token"));
        });
    }

    @Test
    void aRoleAssumedWithBaseKeysSignsCallsAndIsAssumedAgainBeforeItExpires() throws Exception {
        AssumeRoleCredentialsProvider role = AssumeRoleCredentialsProvider.builder()
                .baseCredentials(Credentials.of(BASE_ID, BASE_KEY))
                .roleArn(ROLE_ARN)
                .endpoint(sts.endpoint())
                .clock(time.clock())
                .build();
        try (TrtcClient client = client(role)) {
            client.stopPublishCdnStream(stop("t-1"));
            assertEquals(token(1), lastRequest().header("X-TC-Token"));

            time.advance(Duration.ofMinutes(116));
            Hold refresh = sts.holdNextFetch();
            CompletableFuture<StopPublishCdnStreamResponse> due = client.stopPublishCdnStreamAsync(stop("t-2"));
            assertTrue(refresh.awaitArrival(), "four minutes before the expiry, the role is assumed again");
            assertEquals("req-ok", due.get().requestId(), "meanwhile the call went out with the valid credentials");
            assertEquals(token(1), lastRequest().header("X-TC-Token"));
            refresh.release();

            time.advance(Duration.ofMinutes(10));
            client.stopPublishCdnStream(stop("t-3"));
            assertEquals(token(2), lastRequest().header("X-TC-Token"));
        }
        assertEquals(2, sts.requests("AssumeRole").size());
        assertEquals(ROLE_ARN, sts.requests("AssumeRole").get(0).field("RoleArn"));
    }

    @Test
    void aFailedRefreshIsAWarningWithoutSecretsAndCallsGoOn() throws Exception {
        try (TrtcClient client = client(cvmRole())) {
            client.stopPublishCdnStream(stop("t-1"));
            metadata.failWithStatus(503);
            time.advance(Duration.ofMinutes(118));

            assertEquals("req-ok", client.stopPublishCdnStream(stop("t-2")).requestId());
            assertTrue(logger.await(Level.WARNING, 1));
            assertTrue(logger.at(Level.WARNING).get(0).message().contains("the CVM metadata service answered HTTP 503"),
                    logger.allText());
            String everything = logger.allText() + cvmRole() + client;
            assertFalse(everything.contains(SECRET_KEY), everything);
            assertFalse(everything.contains(FakeMetadataServer.TOKEN_PREFIX), everything);
            assertFalse(everything.contains(BASE_KEY), everything);
        }
    }
}

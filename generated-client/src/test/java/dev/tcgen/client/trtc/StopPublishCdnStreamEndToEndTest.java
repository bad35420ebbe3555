package dev.tcgen.client.trtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import dev.tcgen.runtime.testing.VirtualTime;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamRequest;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcErrorCode;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generated StopPublishCdnStream call against a local server that verifies the TC3 signature on its own and
 * answers like Tencent Cloud.
 */
@Timeout(60)
class StopPublishCdnStreamEndToEndTest {

    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

    private FakeTrtcServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeTrtcServer(new IndependentTc3Verifier(SECRET_ID, SECRET_KEY, "trtc"), request -> {
            if (request.body().contains("\"TaskId\":\"missing\"")) {
                return Answer.error("ResourceNotFound", "The task does not exist.", "req-missing");
            }
            if (request.body().contains("\"TaskId\":\"novel\"")) {
                return Answer.error("FailedOperation.SomethingNew", "A code this client has never seen.", "req-novel");
            }
            if (request.body().contains("\"TaskId\":\"proxy\"")) {
                return new Answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
            }
            return Answer.response("\"TaskId\":\"xx\",\"SomethingAddedLater\":[1,2]",
                    "71993312-6ab8-4768-9124-118e0a20c45f");
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private TrtcClient client(String secretKey, Region region) {
        return TrtcClient.builder()
                .credentials(Credentials.of(SECRET_ID, secretKey))
                .region(region)
                .endpoint(server.endpoint())
                .build();
    }

    private static StopPublishCdnStreamRequest request(String taskId) {
        return StopPublishCdnStreamRequest.builder().sdkAppId(1400188366L).taskId(taskId).build();
    }

    @Test
    void aSignedCallReturnsTheTypedResponse() {
        long before = Instant.now().getEpochSecond();
        try (TrtcClient client = client(SECRET_KEY, Region.AP_GUANGZHOU)) {
            StopPublishCdnStreamResponse response = client.stopPublishCdnStream(request("t-1"));

            assertEquals("xx", response.taskId());
            assertEquals("71993312-6ab8-4768-9124-118e0a20c45f", response.requestId());
        }
        FakeTrtcServer.Received received = server.received().get(0);
        assertEquals("{\"SdkAppId\":1400188366,\"TaskId\":\"t-1\"}", received.body());
        assertEquals("StopPublishCdnStream", received.header("X-TC-Action"));
        assertEquals("2019-07-22", received.header("X-TC-Version"));
        assertEquals("ap-guangzhou", received.header("X-TC-Region"));
        assertEquals("application/json; charset=utf-8", received.header("Content-Type"));
        long timestamp = Long.parseLong(received.header("X-TC-Timestamp"));
        assertTrue(timestamp >= before && timestamp <= Instant.now().getEpochSecond(), "timestamp " + timestamp);
        assertTrue(received.header("Authorization").contains("/trtc/tc3_request"),
                "signed for the spec's service, not the host 127.0.0.1: " + received.header("Authorization"));
        assertNull(received.header("X-TC-Token"));
        assertTrue(received.header("User-Agent").startsWith("tcgen/"), received.header("User-Agent"));
    }

    @Test
    void temporaryCredentialsSendTheirToken() {
        try (TrtcClient client = TrtcClient.builder()
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY, "session-token"))
                .region(Region.AP_SINGAPORE)
                .endpoint(server.endpoint())
                .build()) {
            client.stopPublishCdnStream(request("t-2"));
        }
        assertEquals("session-token", server.received().get(0).header("X-TC-Token"));
        assertEquals("ap-singapore", server.received().get(0).header("X-TC-Region"));
    }

    @Test
    void anApiErrorBecomesATypedException() {
        try (TrtcClient client = client(SECRET_KEY, Region.AP_HONGKONG)) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(request("missing")));

            assertEquals(TrtcErrorCode.RESOURCE_NOT_FOUND, e.errorCode());
            assertEquals("ResourceNotFound", e.code());
            assertEquals("The task does not exist.", e.errorMessage());
            assertEquals("req-missing", e.requestId());
            assertEquals(200, e.httpStatus());
            assertTrue(e.getMessage().contains("ResourceNotFound") && e.getMessage().contains("req-missing"),
                    e.getMessage());
        }
    }

    @Test
    void aWrongSecretKeyFailsTheServersSignatureCheck() {
        try (TrtcClient client = client("not-the-secret-key", Region.AP_GUANGZHOU)) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(request("t-3")));

            assertEquals(TrtcErrorCode.AUTH_FAILURE_SIGNATURE_FAILURE, e.errorCode());
            assertTrue(e.errorCode().isCommon());
            assertEquals("req-signature", e.requestId());
            assertFalse(e.getMessage().contains("not-the-secret-key"), e.getMessage());
        }
    }

    @Test
    void anUnknownErrorCodeKeepsItsRawCode() {
        try (TrtcClient client = client(SECRET_KEY, Region.AP_GUANGZHOU)) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(request("novel")));

            assertEquals(TrtcErrorCode.UNKNOWN, e.errorCode());
            assertEquals("FailedOperation.SomethingNew", e.code());
            assertEquals("req-novel", e.requestId());
        }
    }

    @Test
    void aNonJsonBodyBecomesAnExceptionWithStatusAndSnippet() {
        try (TrtcClient client = TrtcClient.builder()
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY))
                .region(Region.AP_GUANGZHOU)
                .endpoint(server.endpoint())
                .scheduler(TestClients.on(VirtualTime.autoAdvancing()))
                .build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(request("proxy")));

            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertEquals(502, e.httpStatus());
            assertEquals(1, e.attempts(), "behind a 502 the action may have run, and it is not idempotent");
            assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
        }
    }

    @Test
    void anUnsupportedRegionFailsBeforeAnythingIsSent() {
        try (TrtcClient client = client(SECRET_KEY, Region.AP_BEIJING)) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(request("t-4")));

            assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, e.code(), "the client's own check");
            assertEquals(TrtcErrorCode.UNKNOWN, e.errorCode(), "not the API's UnsupportedRegion");
            assertTrue(e.getMessage().contains("StopPublishCdnStream supports ap-guangzhou, ap-hongkong, ap-singapore"),
                    e.getMessage());
        }
        assertTrue(server.received().isEmpty(), "nothing may be sent");
    }

    @Test
    void anUnsignedValueAboveLongMaxTravelsAsAnUnsignedNumber() {
        long max = Long.parseUnsignedLong("18446744073709551615");
        try (TrtcClient client = client(SECRET_KEY, Region.AP_GUANGZHOU)) {
            client.stopPublishCdnStream(StopPublishCdnStreamRequest.builder().sdkAppId(max).taskId("t-5").build());
        }
        assertEquals("{\"SdkAppId\":18446744073709551615,\"TaskId\":\"t-5\"}", server.received().get(0).body());
    }

    @Test
    void aClosedClientRefusesCalls() {
        TrtcClient client = client(SECRET_KEY, Region.AP_GUANGZHOU);
        client.close();

        TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(request("t-6")));

        assertEquals(TencentCloudException.CLIENT_CLOSED, e.code());
        assertTrue(server.received().isEmpty());
    }
}

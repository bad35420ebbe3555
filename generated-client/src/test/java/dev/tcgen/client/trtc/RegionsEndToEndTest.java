package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.CallMetrics;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.DismissRoomRequest;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.CapturingLogger;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regions against the verifying server: the builder's region, another for some calls ({@code withRegion}), a region
 * the spec does not list ({@code Region.of}), the check of an action's documented regions and the option that turns
 * it off, and the regional endpoint.
 */
@Timeout(60)
class RegionsEndToEndTest {

    private static final Region JAKARTA = Region.of("ap-jakarta");

    private FakeTrtcServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestClients.server(request -> echo(request, "req"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static DismissRoomRequest dismiss() {
        return DismissRoomRequest.builder().sdkAppId(1400188366L).roomId(1234L).build();
    }

    @Test
    void aRegionSetForSomeCallsIsSentAndSignedWhileTheClientKeepsItsOwn() {
        try (TrtcClient client = TestClients.client(server).build()) {
            TrtcClient inSingapore = client.withRegion(Region.AP_SINGAPORE);
            inSingapore.stopPublishCdnStream(stop("t-1"));
            client.stopPublishCdnStream(stop("t-2"));
            client.withRegion(JAKARTA).dismissRoom(dismiss());
            client.withRegion(JAKARTA).dismissRoomAsync(dismiss()).join();

            assertEquals(Region.AP_SINGAPORE, inSingapore.region());
            assertEquals(Region.AP_GUANGZHOU, client.region());
            assertSame(client.transport(), inSingapore.transport());
        }
        List<Received> received = server.received();
        assertEquals(List.of("ap-singapore", "ap-guangzhou", "ap-jakarta", "ap-jakarta"),
                received.stream().map(r -> r.header("X-TC-Region")).toList());
        assertTrue(received.stream().allMatch(Received::signatureValid), received.toString());
    }

    @Test
    void aRegionTheSpecDoesNotListCanBeTheBuildersRegion() {
        try (TrtcClient client = TestClients.client(server).region(JAKARTA).build()) {
            client.dismissRoom(dismiss());
            assertEquals(JAKARTA, client.region());
        }
        assertEquals("ap-jakarta", server.received().get(0).header("X-TC-Region"));
        assertTrue(server.received().get(0).signatureValid());
    }

    @Test
    void regionsOfTheSpecAreItsConstants() {
        assertSame(Region.AP_GUANGZHOU, Region.of("ap-guangzhou"));
        assertEquals(12, Region.values().size());
        assertEquals(Region.AP_BEIJING, Region.values().get(0));
        assertEquals("ap-guangzhou", Region.AP_GUANGZHOU.toString());
        assertTrue(Region.values().stream().noneMatch(JAKARTA::equals));
    }

    @Test
    void anActionCalledOutsideItsDocumentedRegionsFailsBeforeSendingWhicheverWayTheRegionIsSet() {
        try (TrtcClient inJakarta = TestClients.client(server).region(JAKARTA).build();
                TrtcClient inGuangzhou = TestClients.client(server).build()) {
            for (TrtcClient client : List.of(inJakarta, inGuangzhou.withRegion(JAKARTA))) {
                TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));
                assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, e.code());
                assertEquals("ClientError.UnsupportedRegion: StopPublishCdnStream supports ap-guangzhou, ap-hongkong, ap-singapore; "
                        + "this client is configured for ap-jakarta (nothing was sent)", e.getMessage());
                assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION,
                        AsyncEndToEndTest.failure(client.stopPublishCdnStreamAsync(stop("t-1"))).code());
            }
        }
        assertTrue(server.received().isEmpty(), "nothing may be sent");
    }

    @Test
    void aRefusedCallIsMeasuredAndLoggedLikeAnyCallThatFailsBeforeSendingTheGenericCallToo() {
        List<CallMetrics> metrics = new CopyOnWriteArrayList<>();
        CapturingLogger logger = new CapturingLogger();
        try (TrtcClient client = TestClients.client(server).region(JAKARTA).metricsListener(metrics::add)
                .logger(logger).build()) {
            assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));
            AsyncEndToEndTest.failure(client.stopPublishCdnStreamAsync(stop("t-2")));
            TrtcException generic = assertThrows(TrtcException.class,
                    () -> client.call("StopPublishCdnStream", "{\"SdkAppId\": 1400188366}"));
            assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, generic.code());
            assertEquals("t-3", client.withRegion(Region.AP_HONGKONG).stopPublishCdnStream(stop("t-3")).taskId());
        }

        assertEquals(1, server.received().size(), "only the call in a documented region is sent");
        assertEquals(4, metrics.size(), metrics.toString());
        for (CallMetrics refused : metrics.subList(0, 3)) {
            assertEquals(List.of("StopPublishCdnStream", "ap-jakarta", TencentCloudException.CLIENT_UNSUPPORTED_REGION),
                    List.of(refused.action(), refused.region(), refused.errorCode()));
            assertEquals(0, refused.attempts());
            assertEquals(0, refused.httpStatus());
        }
        assertTrue(metrics.get(3).succeeded());
        assertEquals(3, logger.at(Level.DEBUG).stream()
                .filter(entry -> entry.message().startsWith("StopPublishCdnStream ap-jakarta failed after 0 attempts"))
                .count(), logger.allText());
    }

    @Test
    void withTheCheckOffAnActionIsSentToARegionItsDocumentationDoesNotList() {
        try (TrtcClient client = TestClients.client(server).checkRegions(false).build()) {
            assertEquals("t-1", client.withRegion(JAKARTA).stopPublishCdnStream(stop("t-1")).taskId());
            client.withRegion(Region.AP_BEIJING).stopPublishCdnStreamAsync(stop("t-2")).join();
        }
        assertEquals(List.of("ap-jakarta", "ap-beijing"),
                server.received().stream().map(r -> r.header("X-TC-Region")).toList());
        assertTrue(server.received().stream().allMatch(Received::signatureValid));
    }

    @Test
    void theRegionalEndpointIsTheBuildersRegions() {
        try (TrtcClient client = TrtcClient.builder().region(Region.AP_SINGAPORE).regionalEndpoint().build()) {
            assertEquals(URI.create("https://trtc.ap-singapore.tencentcloudapi.com/"), client.transport().endpoint());
            assertEquals(client.transport().endpoint(), client.withRegion(JAKARTA).transport().endpoint());
        }
        try (TrtcClient client = TrtcClient.builder().region(JAKARTA).build()) {
            assertEquals(TrtcClient.DEFAULT_ENDPOINT.resolve("/"), client.transport().endpoint());
        }
    }

    @Test
    void aClientInAnotherRegionIsClosedWithItsOrigin() {
        TrtcClient client = TestClients.client(server).build();
        TrtcClient inSingapore = client.withRegion(Region.AP_SINGAPORE);
        client.close();

        TrtcException e = assertThrows(TrtcException.class, () -> inSingapore.stopPublishCdnStream(stop("t-1")));

        assertEquals(TencentCloudException.CLIENT_CLOSED, e.code());
        assertTrue(server.received().isEmpty());
    }

    @Test
    void aRegionIdOfTheWrongFormIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.of("AP_JAKARTA"));
        assertEquals("not a region id: \"AP_JAKARTA\"; expected lower-case words and digits joined by hyphens, "
                + "e.g. ap-guangzhou", e.getMessage());
        assertThrows(NullPointerException.class, () -> TrtcClient.builder().region(null));
    }
}

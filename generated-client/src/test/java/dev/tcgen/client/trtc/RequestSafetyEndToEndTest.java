package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tcgen.client.core.ApiTransport;
import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamRequest;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client never sends a request the API would refuse for its size, and never follows a redirect. */
@Timeout(60)
class RequestSafetyEndToEndTest {

    @Test
    void aRequestOverTenMegabytesFailsBeforeAnythingIsSent() throws IOException {
        try (FakeTrtcServer server = server(request -> Answer.response("", "r-1"));
                TrtcClient client = TestClients.client(server).build()) {
            StopPublishCdnStreamRequest huge = stop("x".repeat(ApiTransport.MAX_REQUEST_BYTES));

            TrtcException blocking = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(huge));
            CompletionException async = assertThrows(CompletionException.class,
                    () -> client.stopPublishCdnStreamAsync(huge).join());

            assertEquals(TencentCloudException.CLIENT_REQUEST_TOO_LARGE, blocking.code());
            assertTrue(blocking.getMessage().contains("StopPublishCdnStream request is "), blocking.getMessage());
            assertTrue(blocking.getMessage().contains("nothing was sent"), blocking.getMessage());
            assertEquals(TencentCloudException.CLIENT_REQUEST_TOO_LARGE, ((TrtcException) async.getCause()).code());
            assertTrue(server.received().isEmpty(), "nothing may be sent");
        }
    }

    @Test
    void aRequestJustUnderTheLimitIsSent() throws IOException {
        try (FakeTrtcServer server = server(request -> Answer.response("", "r-1"));
                TrtcClient client = TestClients.client(server).build()) {
            client.stopPublishCdnStream(stop("x".repeat(ApiTransport.MAX_REQUEST_BYTES - 100)));

            assertEquals(1, server.received().size());
        }
    }

    @Test
    void aRedirectIsNotFollowedSoTheSignatureNeverReachesAnotherHost() throws IOException {
        List<String> seenElsewhere = new CopyOnWriteArrayList<>();
        HttpServer elsewhere = loopbackServer();
        elsewhere.createContext("/", exchange -> {
            seenElsewhere.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        HttpServer redirecting = loopbackServer();
        redirecting.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        elsewhere.start();
        redirecting.start();
        try (TrtcClient client = TrtcClient.builder()
                .credentials(Credentials.of(TestClients.SECRET_ID, TestClients.SECRET_KEY))
                .region(Region.AP_GUANGZHOU)
                .endpoint(URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort()))
                .build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(302, e.httpStatus());
            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertTrue(seenElsewhere.isEmpty(), "the other host received " + seenElsewhere);
        } finally {
            redirecting.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void anHttpClientThatFollowsRedirectsIsRefused() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrtcClient.builder().httpClient(following));

        assertTrue(e.getMessage().contains("must not follow redirects"), e.getMessage());
    }

    private static HttpServer loopbackServer() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }
}

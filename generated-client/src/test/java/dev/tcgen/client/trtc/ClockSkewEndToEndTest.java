package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RateLimitMode;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client whose clock is wrong: its virtual clock reads 2024-05-01, while the server keeps the real time, refuses
 * a signature dated more than five minutes from it with {@code AuthFailure.SignatureExpire} as Tencent Cloud does,
 * and sends its time in the {@code Date} header of every answer (the JDK's server always does). The client retries
 * once with the server's time, and keeps the offset for later calls.
 */
@Timeout(60)
class ClockSkewEndToEndTest {

    private final VirtualTime time = VirtualTime.manual();
    private final CapturingLogger logger = new CapturingLogger();
    private FakeTrtcServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Tencent Cloud's rule: a request dated more than five minutes from the server's clock is refused. */
    private static Answer withinFiveMinutes(Received request) {
        long skew = Math.abs(Long.parseLong(request.header("X-TC-Timestamp")) - Instant.now().getEpochSecond());
        return skew > 300
                ? Answer.error("AuthFailure.SignatureExpire", "The signature expired: the timestamp and the server "
                        + "time differ by more than five minutes.", "req-expired")
                : echo(request, "req-ok");
    }

    /** Rate limits off: the manual clock never moves, and the limiter would space the retry 1/20 s later. */
    private TrtcClient client() {
        return TestClients.client(server).scheduler(TestClients.on(time)).logger(logger)
                .rateLimitMode(RateLimitMode.OFF).build();
    }

    private List<Long> timestamps() {
        return server.received().stream().map(request -> Long.parseLong(request.header("X-TC-Timestamp"))).toList();
    }

    @Test
    void aBlockingCallIsRetriedOnceWithTheServersTimeAndLaterCallsUseIt() throws IOException {
        server = server(ClockSkewEndToEndTest::withinFiveMinutes);
        try (TrtcClient client = client()) {
            assertEquals("req-ok", client.stopPublishCdnStream(stop("t-1")).requestId());
            assertEquals(2, server.received().size(), "refused, then accepted with the corrected time");

            assertEquals("req-ok", client.stopPublishCdnStream(stop("t-2")).requestId());
            assertEquals(3, server.received().size(), "the offset is kept: one request");
        }
        List<Long> timestamps = timestamps();
        assertEquals(VirtualTime.EPOCH.getEpochSecond(), timestamps.get(0));
        assertNotEquals(timestamps.get(0), timestamps.get(1));
        server.received().forEach(request -> assertTrue(request.signatureValid(), request.signatureProblem()));
        List<CapturingLogger.Entry> warnings = logger.at(Level.WARNING);
        assertEquals(1, warnings.size(), logger.allText());
        assertTrue(warnings.get(0).message().startsWith("This machine's clock is "), warnings.get(0).message());
        assertTrue(warnings.get(0).message().endsWith(" behind Tencent Cloud's (the Date of an "
                + "AuthFailure.SignatureExpire answer); signing with Tencent Cloud's time from now on"));
    }

    @Test
    void anAsyncCallIsCorrectedTheSameWay() throws Exception {
        server = server(ClockSkewEndToEndTest::withinFiveMinutes);
        try (TrtcClient client = client()) {
            assertEquals("req-ok", client.stopPublishCdnStreamAsync(stop("t-1")).get().requestId());
            assertEquals("req-ok", client.stopPublishCdnStreamAsync(stop("t-2")).get().requestId());
        }
        assertEquals(3, server.received().size());
    }

    @Test
    void aSecondSignatureExpireIsNotRetriedAgain() throws IOException {
        server = server(request -> Answer.error("AuthFailure.SignatureExpire", "The signature expired.", "req-expired"));
        try (TrtcClient client = client()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals("AuthFailure.SignatureExpire", e.code());
            assertEquals(2, e.attempts());
        }
        assertEquals(2, server.received().size());
    }
}

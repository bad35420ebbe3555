package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static dev.tcgen.client.trtc.TestClients.TOKEN;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.CredentialsException;
import dev.tcgen.client.core.RetryPolicy;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.CapturingLogger.Entry;
import dev.tcgen.runtime.testing.VirtualTime;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the client logs, captured at every level through a logger given to the builder (no global logging state):
 * each successful attempt at DEBUG with action, region, attempt, latency and RequestId; a failed attempt that is
 * retried at WARNING (the caller never sees it); the failure the caller receives at DEBUG only (log or throw, not
 * both); server text on one line; and never the secret key, the token, the signature or the Authorization header.
 */
@Timeout(60)
class LoggingEndToEndTest {

    private final CapturingLogger logger = new CapturingLogger();
    private final VirtualTime time = VirtualTime.autoAdvancing();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private FakeTrtcServer server;
    private TrtcClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestClients.server(request -> {
            String body = request.body();
            if (body.contains("flaky")) {
                return flakyCalls.incrementAndGet() == 1
                        ? Answer.error("InternalError", "Internal error.", "req-flaky-1") : echo(request, "req-flaky-2");
            }
            if (body.contains("missing")) {
                return Answer.error("ResourceNotFound", "The task does not exist.", "req-missing");
            }
            if (body.contains("misfit")) {
                return Answer.response("\"TaskId\":[\"t\",1],\"Extra\":{\"TaskId\":0}", "req-misfit");
            }
            if (body.contains("proxy")) {
                return Answer.raw(503, "text/html", "<html>Service Unavailable</html>");
            }
            if (body.contains("forger")) {
                return Answer.error("FailedOperation.Forged", "bad\\n2024-05-01 WARNING forged line\\r\\u001b[2J",
                        "req-\\nforged");
            }
            return echo(request, "req-ok");
        });
        client = TestClients.client(server)
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY, TOKEN))
                .logger(logger)
                .scheduler(TestClients.on(time))
                .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void aValueThatDoesNotFitIsLeftOutListedBesideTheRequestIdAndLoggedOnceAtWarning() {
        StopPublishCdnStreamResponse response = client.stopPublishCdnStream(stop("misfit"));

        assertNull(response.taskId());
        assertEquals("req-misfit", response.requestId());
        assertEquals("[Response.TaskId: expected string, found an array]", response.problems().toString());
        List<Entry> warnings = logger.at(Level.WARNING);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("The answer to StopPublishCdnStream (RequestId req-misfit) has 1 value that this client cannot "
                + "read as the declared type, left out of the response (see its problems()): Response.TaskId: "
                + "expected string, found an array", warnings.get(0).message());
        assertEquals(List.of(), client.stopPublishCdnStream(stop("t-1")).problems());
        assertEquals(1, logger.at(Level.WARNING).size(), "an answer without problems logs no warning");
    }

    @Test
    void aSuccessfulCallIsLoggedAtDebugWithActionRegionAttemptLatencyAndRequestId() {
        client.stopPublishCdnStream(stop("ok"));

        assertEquals(List.of(), logger.at(Level.WARNING));
        List<Entry> debug = logger.at(Level.DEBUG);
        assertEquals(1, debug.size(), logger.allText());
        assertTrue(debug.get(0).message().matches(
                "StopPublishCdnStream ap-guangzhou attempt 1: HTTP 200 in \\d+ ms, RequestId req-ok"),
                debug.get(0).message());
        assertNoSecrets();
    }

    @Test
    void aRetriedAttemptIsTheOneWarningSinceTheCallerNeverSeesIt() {
        client.stopPublishCdnStream(stop("flaky"));

        List<Entry> warnings = logger.at(Level.WARNING);
        assertEquals(1, warnings.size(), logger.allText());
        assertTrue(warnings.get(0).message().startsWith("StopPublishCdnStream ap-guangzhou attempt 1 failed in "),
                warnings.get(0).message());
        assertTrue(warnings.get(0).message().endsWith("InternalError: Internal error. (RequestId req-flaky-1, HTTP 200)"
                + "; retrying in 200 ms"), warnings.get(0).message());
        assertEquals("", warnings.get(0).thrown(), "one line, no stack trace");
        List<Entry> debug = logger.at(Level.DEBUG);
        assertEquals(1, debug.size(), logger.allText());
        assertTrue(debug.get(0).message().contains("attempt 2: HTTP 200"), debug.get(0).message());
        assertTrue(debug.get(0).message().endsWith("RequestId req-flaky-2"), debug.get(0).message());
        assertNoSecrets();
    }

    @Test
    void aFailureTheCallerReceivesIsLoggedAtDebugOnly() {
        assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("missing")));
        assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("proxy")));

        List<Entry> debug = logger.at(Level.DEBUG);
        assertEquals(2, debug.size(), logger.allText());
        assertTrue(debug.get(0).message().startsWith("StopPublishCdnStream ap-guangzhou failed after 1 attempt in "),
                debug.get(0).message());
        assertTrue(debug.get(0).message().endsWith("ResourceNotFound: The task does not exist. "
                + "(RequestId req-missing, HTTP 200)"), debug.get(0).message());
        assertTrue(debug.get(0).thrown().contains("TrtcException"), debug.get(0).thrown());
        assertTrue(debug.get(1).message().contains("failed after 4 attempts"), debug.get(1).message());
        assertEquals(3, logger.at(Level.WARNING).size(), "the three retried attempts of the 503 only");
        assertNoSecrets();
    }

    @Test
    void serverTextCannotForgeALogLine() {
        TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("forger")));

        assertEquals("FailedOperation.Forged: bad\\n2024-05-01 WARNING forged line\\r\\u001b[2J "
                + "(RequestId req-\\nforged, HTTP 200)", e.getMessage());
        for (Entry entry : logger.entries()) {
            assertFalse(entry.message().contains("\n") || entry.message().contains("\r")
                    || entry.message().contains("\u001b"), entry.message());
        }
        assertEquals(1, logger.entries().size(), logger.allText());
    }

    @Test
    void aCredentialsFailureIsLoggedWithoutSecrets() {
        try (TrtcClient failing = TestClients.client(server)
                .credentials(() -> {
                    throw new CredentialsException("the vault is sealed");
                })
                .logger(logger)
                .build()) {
            TrtcException e = assertThrows(TrtcException.class, () -> failing.stopPublishCdnStream(stop("ok")));

            assertEquals("ClientError.Credentials", e.code());
            assertTrue(e.getMessage().contains("the vault is sealed"), e.getMessage());
        }
        assertEquals(List.of(), logger.at(Level.WARNING), "the caller receives it");
        assertEquals(1, logger.at(Level.DEBUG).size());
        assertTrue(server.received().isEmpty());
        assertNoSecrets();
    }

    @Test
    void secretsNeverAppearAtAnyLevel() {
        client.stopPublishCdnStream(stop("ok"));
        client.stopPublishCdnStream(stop("flaky"));
        assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("missing")));
        assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("proxy")));
        client.stopPublishCdnStreamAsync(stop("ok")).join();

        assertEquals(9, logger.entries().size(), logger.allText());
        assertTrue(server.received().stream().allMatch(r -> r.header("X-TC-Token").equals(TOKEN)),
                "the token was sent, so it could have leaked");
        assertNoSecrets();
    }

    private void assertNoSecrets() {
        String all = logger.allText();
        for (String secret : List.of(SECRET_KEY, TOKEN, "Signature=", "Authorization", "TC3-HMAC-SHA256",
                "Credential=")) {
            assertFalse(all.contains(secret), "the log contains " + secret + ":\n" + all);
        }
        for (FakeTrtcServer.Received request : server.received()) {
            String signature = request.header("Authorization").replaceAll(".*Signature=", "");
            assertFalse(all.contains(signature), "the log contains a signature");
        }
    }
}

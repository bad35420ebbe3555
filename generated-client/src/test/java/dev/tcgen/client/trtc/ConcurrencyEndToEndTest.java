package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.RateLimitMode;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One client shared by many threads, with retries on: every call answered once, with its own answer, every signature
 * valid, and no request delivered twice. StopPublishCdnStream is not idempotent, so the client sends a request again
 * only when the earlier attempt cannot have reached the server (a refused connection): "each call sent once" holds
 * by construction, however loaded the machine, not by luck.
 */
@Timeout(120)
class ConcurrencyEndToEndTest {

    private static final int THREADS = 32;
    private static final int CALLS_PER_THREAD = 200;

    @Test
    void thirtyTwoThreadsMakingTwoHundredCallsEachGetEveryAnswerOnce() throws Exception {
        int calls = THREADS * CALLS_PER_THREAD;
        try (FakeTrtcServer server = server(request -> echo(request, "req"))) {
            Set<String> answered;
            try (TrtcClient client = TestClients.client(server).rateLimitMode(RateLimitMode.OFF).build()) {
                answered = RateLimitEndToEndTest.callConcurrently(client, THREADS, calls);
            }

            assertEquals(calls, answered.size(), "every call got its own answer");
            assertTrue(server.received().stream().allMatch(Received::signatureValid), "every signature verifies");
            Map<String, Long> perTask = server.received().stream()
                    .collect(Collectors.groupingBy(TestClients::taskId, Collectors.counting()));
            assertEquals(answered, perTask.keySet());
            assertEquals(Map.of(), perTask.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "each call delivered once");
            assertEquals(Set.of(), server.received().stream().map(Received::headers).map(h -> h.get("x-tc-action"))
                    .filter(action -> !action.equals("StopPublishCdnStream"))
                    .collect(Collectors.toSet()));
        }
    }
}

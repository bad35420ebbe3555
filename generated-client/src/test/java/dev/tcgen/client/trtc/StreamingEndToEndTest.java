package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tcgen.client.core.CallMetrics;
import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.EventStream;
import dev.tcgen.client.core.Interceptor;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TextToSpeechSSERequest;
import dev.tcgen.client.trtc.v20190722.TextToSpeechSSEResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.client.trtc.v20190722.Voice;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TextToSpeechSSE, whose answer is an event stream, against a local server that streams, stalls, sends an error
 * event, drops the connection midway or answers with plain JSON.
 */
@Timeout(60)
class StreamingEndToEndTest {

    /** What the server writes after the headers of an event stream. */
    @FunctionalInterface
    interface Script {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private static final TextToSpeechSSERequest REQUEST = TextToSpeechSSERequest.builder()
            .text("hello").voice(Voice.builder().voiceId("v-1").build()).sdkAppId(1400000000L).build();

    private final List<String> signatureProblems = new CopyOnWriteArrayList<>();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final List<String> traceIds = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-sse");
        thread.setDaemon(true);
        return thread;
    });
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    /** Starts a server that answers every call with an event stream written by {@code script}. */
    private TrtcClient.Builder streaming(Script script) throws IOException {
        return serve(exchange -> stream(exchange, script));
    }

    /** Answers with an event stream written by {@code script}. */
    private static void stream(HttpExchange exchange, Script script) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("X-TC-RequestId", "req-header");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            script.write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
    }

    private TrtcClient.Builder serve(Handler handler) throws IOException {
        IndependentTc3Verifier verifier = new IndependentTc3Verifier(SECRET_ID, SECRET_KEY, "trtc");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(
                    Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), e -> e.getValue().get(0)));
            String problem = verifier.problem(headers.get("authorization"), headers.get("content-type"),
                    headers.get("host"), Long.parseLong(headers.get("x-tc-timestamp")), body);
            if (problem != null) {
                signatureProblems.add(problem);
            }
            actions.add(headers.get("x-tc-action"));
            if (headers.containsKey("x-trace-id")) {
                traceIds.add(headers.get("x-trace-id"));
            }
            handler.handle(exchange);
        });
        server.start();
        return TrtcClient.builder()
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY))
                .region(Region.AP_GUANGZHOU)
                .endpoint(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void event(OutputStream out, String requestId) throws IOException {
        send(out, "data: {\"Type\": \"chunk\", \"RequestId\": \"" + requestId + "\", \"Audio\": \"AAAA\", \"IsEnd\": false}\n\n");
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Script threeEvents() {
        return out -> {
            send(out, ": keep-alive\n\n");
            event(out, "r1");
            send(out, "id: 2\nevent: message\n");
            event(out, "r2");
            send(out, "data: {\"Response\": {\"RequestId\": \"r3\"}}\r\n\r\n");
        };
    }

    private static final Script ERROR_AFTER_ONE = out -> {
        event(out, "r1");
        send(out, "data: {\"Type\": \"error\", \"RequestId\": \"r-err\", \"Error\": {\"Code\": \"InternalError\", "
                + "\"Message\": \"internal error message\"}}\n\n");
        event(out, "never-read");
    };

    @Test
    void blockingCodeReadsTypedEventsSignedAsEveryCall() throws IOException {
        try (TrtcClient client = streaming(threeEvents()).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            List<String> ids = new ArrayList<>();
            events.forEachRemaining(event -> ids.add(event.requestId()));
            assertEquals(List.of("r1", "r2", "r3"), ids);
            assertFalse(events.hasNext());
        }
        assertEquals(List.of("TextToSpeechSSE"), actions);
        assertEquals(List.of(), signatureProblems);
    }

    @Test
    void theEventsAsAStreamWhichClosesTheEventStream() throws IOException {
        try (TrtcClient client = streaming(threeEvents()).build();
                Stream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST).stream()) {
            assertEquals(List.of("r1", "r2"), events.limit(2).map(TextToSpeechSSEResponse::requestId).toList());
        }
    }

    @Test
    void asyncCodeGetsTheEventsItRequests() throws Exception {
        CountDownLatch streamWritten = new CountDownLatch(1);
        Script three = threeEvents();
        try (TrtcClient client = streaming(out -> {
                    three.write(out);
                    streamWritten.countDown();
                }).build()) {
            Recorder recorder = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(recorder);
            recorder.request(1);
            assertEquals("r1", recorder.next().requestId());
            assertTrue(streamWritten.await(30, TimeUnit.SECONDS), "the server wrote all three events");
            recorder.request(2);
            assertEquals("r2", recorder.next().requestId());
            assertEquals("r3", recorder.next().requestId());
            assertEquals(Recorder.COMPLETE, recorder.signals.take());
            assertEquals(0, recorder.beyondDemand.get(), "no event came before it was requested");
        }
        assertEquals(List.of(), signatureProblems);
    }

    @Test
    void anEventsValueThatDoesNotFitIsLeftOutAndTheFirstSuchEventLogged() throws IOException {
        CapturingLogger logger = new CapturingLogger();
        Script misfits = out -> {
            send(out, "data: {\"RequestId\": [1]}\n\n");
            send(out, "data: {\"Response\": {\"RequestId\": {\"Secret\": \"s\"}}}\n\n");
        };
        try (TrtcClient client = streaming(misfits).logger(logger).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            TextToSpeechSSEResponse first = events.next();
            assertNull(first.requestId());
            assertEquals("[RequestId: expected string, found an array]", first.problems().toString());
            assertEquals("[Response.RequestId: expected string, found an object]", events.next().problems().toString());
            assertFalse(events.hasNext());
        }
        List<CapturingLogger.Entry> warnings = logger.at(System.Logger.Level.WARNING);
        assertEquals(1, warnings.size(), "once per stream: " + warnings);
        assertTrue(warnings.get(0).message().startsWith("The answer to TextToSpeechSSE (RequestId req-header) has 1 value"),
                warnings.get(0).message());
    }

    @Test
    void anErrorEventMidStreamIsTheServiceExceptionAfterTheEventsBeforeIt() throws IOException {
        try (TrtcClient client = streaming(ERROR_AFTER_ONE).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            assertEquals("r1", events.next().requestId());
            TrtcException e = assertThrows(TrtcException.class, events::hasNext);
            assertEquals("InternalError", e.code());
            assertEquals("r-err", e.requestId());
            assertTrue(e.getMessage().contains("internal error message"), e.getMessage());
            assertFalse(events.hasNext(), "the stream ended with the error");
        }
    }

    @Test
    void anErrorEventReachesAsyncCodeAsOnError() throws Exception {
        try (TrtcClient client = streaming(ERROR_AFTER_ONE).build()) {
            Recorder recorder = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(recorder);
            recorder.subscription.take().request(Long.MAX_VALUE);
            assertEquals("r1", recorder.next().requestId());
            TrtcException e = assertInstanceOf(TrtcException.class, recorder.signals.take());
            assertEquals("InternalError", e.code());
        }
    }

    @Test
    void anErrorAnswerBeforeTheStreamIsTheServiceException() throws IOException {
        try (TrtcClient client = serve(exchange -> answer(exchange, "{\"Response\": {\"RequestId\": \"r-bad\", "
                + "\"Error\": {\"Code\": \"InvalidParameter.VoiceId\", \"Message\": \"Voice ID 'fake' not found.\"}}}"))
                .build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            TrtcException e = assertThrows(TrtcException.class, events::hasNext);
            assertEquals("InvalidParameter.VoiceId", e.code());
            assertEquals("r-bad", e.requestId());
        }
    }

    @Test
    void aJsonAnswerIsOneEvent() throws IOException {
        try (TrtcClient client = serve(exchange -> answer(exchange, "{\"Response\": {\"RequestId\": \"r-json\"}}"))
                .build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            assertEquals("r-json", events.next().requestId());
            assertFalse(events.hasNext());
        }
    }

    @Test
    void aConnectionDroppedMidwayIsAConnectionLost() throws IOException {
        try (TrtcClient client = streaming(out -> {
                    event(out, "r1");
                    throw new IOException("the server drops the connection");   // the JDK server closes it unfinished
                }).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            assertEquals("r1", events.next().requestId());
            TrtcException e = assertThrows(TrtcException.class, events::hasNext);
            assertEquals(TencentCloudException.CLIENT_CONNECTION_LOST, e.code());
        }
    }

    @Test
    void closeStopsReadingAndReleasesTheConnection() throws Exception {
        CountDownLatch disconnected = new CountDownLatch(1);
        try (TrtcClient client = streaming(out -> {
                    event(out, "r1");
                    try {
                        for (int i = 0; i < 1_000_000; i++) {   // keep-alives until the client hangs up
                            send(out, ": keep-alive " + i + "\n\n");
                        }
                    } catch (IOException clientGone) {
                        disconnected.countDown();
                    }
                }).build()) {
            EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST);
            assertEquals("r1", events.next().requestId());
            events.close();
            assertTrue(disconnected.await(30, TimeUnit.SECONDS), "the server saw the connection closed");
            assertFalse(events.hasNext());
        }
    }

    @Test
    void cancellingASubscriptionReleasesTheConnection() throws Exception {
        CountDownLatch disconnected = new CountDownLatch(1);
        try (TrtcClient client = streaming(out -> {
                    event(out, "r1");
                    try {
                        for (int i = 0; i < 1_000_000; i++) {
                            send(out, ": keep-alive " + i + "\n\n");
                        }
                    } catch (IOException clientGone) {
                        disconnected.countDown();
                    }
                }).build()) {
            Recorder recorder = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(recorder);
            Flow.Subscription subscription = recorder.subscription.take();
            subscription.request(1);
            assertEquals("r1", recorder.next().requestId());
            subscription.cancel();
            assertTrue(disconnected.await(30, TimeUnit.SECONDS), "the server saw the connection closed");
        }
    }

    @Test
    void aStreamIdleForTheIdleTimeoutFails() throws Exception {
        VirtualTime time = VirtualTime.manual();
        CountDownLatch release = new CountDownLatch(1);
        try (TrtcClient client = streaming(out -> {
                    event(out, "r1");
                    release.await(30, TimeUnit.SECONDS);   // stalls
                }).scheduler(TestClients.on(time)).streamIdleTimeout(Duration.ofSeconds(10)).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            assertEquals("r1", events.next().requestId());
            CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(events::hasNext, executor);
            while (!next.isDone()) {   // the wait for event 2 starts at some point; from then 10 s pass
                time.advance(Duration.ofSeconds(10));
                try {
                    next.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException notYet) {
                    // checked by the loop and below
                }
            }
            java.util.concurrent.ExecutionException failed =
                    assertThrows(java.util.concurrent.ExecutionException.class, next::get);
            TrtcException e = assertInstanceOf(TrtcException.class, failed.getCause());
            assertEquals(TencentCloudException.CLIENT_REQUEST_TIMEOUT, e.code());
            assertTrue(e.getMessage().contains("idle timeout"), e.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void theRequestTimeoutDoesNotCutAStreamThatIsSending() throws Exception {
        VirtualTime time = VirtualTime.manual();
        CountDownLatch resume = new CountDownLatch(1);
        try (TrtcClient client = streaming(out -> {
                    event(out, "r1");
                    resume.await(30, TimeUnit.SECONDS);
                    event(out, "r2");
                    event(out, "r3");
                }).scheduler(TestClients.on(time)).requestTimeout(Duration.ofMillis(500))
                .streamIdleTimeout(Duration.ofSeconds(10)).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            assertEquals("r1", events.next().requestId());
            time.advance(Duration.ofMillis(1500));   // three request timeouts after the headers arrived
            resume.countDown();
            assertEquals("r2", events.next().requestId());
            assertEquals("r3", events.next().requestId());
            assertFalse(events.hasNext());
        }
    }

    @Test
    void aStreamClosedBeforeItIsReadSendsNothing() throws IOException {
        try (TrtcClient client = streaming(threeEvents()).build()) {
            EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST);
            events.close();
            assertFalse(events.hasNext());
        }
        assertEquals(List.of(), actions, "the first hasNext() makes the call");
    }

    @Test
    void theReaderWaitsForItsRateLimitPermitOnTheClock() throws IOException {
        VirtualTime time = VirtualTime.autoAdvancing();
        try (TrtcClient client = streaming(threeEvents()).scheduler(TestClients.on(time))
                .rateLimit("TextToSpeechSSE", 1).build()) {
            for (int stream = 0; stream < 2; stream++) {
                try (EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
                    assertEquals(3, events.stream().count());
                }
            }
        }
        assertEquals(2, actions.size());
        assertEquals(1, time.delays().size(), "the second stream slept for its permit: " + time.delays());
        assertTrue(time.elapsed().compareTo(Duration.ofSeconds(1)) > 0, "a second after the first one's headers");
    }

    @Test
    void anAnswerWhoseHeadersNeverComeEndsAtTheRequestTimeoutBlockingAndAsync() throws Exception {
        VirtualTime time = VirtualTime.manual();
        CountDownLatch release = new CountDownLatch(1);
        try (TrtcClient client = serve(exchange -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).scheduler(TestClients.on(time)).requestTimeout(Duration.ofSeconds(5)).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            CompletableFuture<Boolean> blocking = CompletableFuture.supplyAsync(events::hasNext, executor);
            Recorder async = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(async);
            async.subscription.take().request(1);
            while (actions.size() < 2 || time.pendingTimeouts() < 2) {
                Thread.sleep(1);
            }

            time.advance(Duration.ofSeconds(5));

            java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> blocking.get(10, TimeUnit.SECONDS));
            TrtcException e = assertInstanceOf(TrtcException.class, failed.getCause());
            assertEquals(TencentCloudException.CLIENT_REQUEST_TIMEOUT, e.code());
            assertEquals("No whole answer to TextToSpeechSSE within the request timeout of 5000 ms; TextToSpeechSSE "
                    + "may have run, so it is not sent again (it is not idempotent)", e.errorMessage());
            assertEquals(1, e.attempts());
            TrtcException asyncFailure = assertInstanceOf(TrtcException.class, async.signals.take());
            assertEquals(e.errorMessage(), asyncFailure.errorMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aConnectionThatCannotBeMadeIsRetriedAndSaysNothingWasSentBlockingAndAsync() throws Exception {
        java.net.URI closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (TrtcClient client = TrtcClient.builder().credentials(Credentials.of(SECRET_ID, SECRET_KEY))
                .region(Region.AP_GUANGZHOU).endpoint(closedPort).logger(new CapturingLogger())
                .scheduler(TestClients.on(VirtualTime.autoAdvancing())).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            TrtcException e = assertThrows(TrtcException.class, events::hasNext);
            assertEquals(TencentCloudException.CLIENT_CONNECT_FAILED, e.code());
            assertEquals(4, e.attempts(), "nothing was sent, so the retry policy retries: " + e.getMessage());
            assertTrue(e.getMessage().contains("; nothing was sent"), e.getMessage());
            assertFalse(e.mayHaveRun());

            Recorder async = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(async);
            async.request(1);
            TrtcException asyncFailure = assertInstanceOf(TrtcException.class, async.signals.take());
            assertEquals(e.code() + " after " + e.attempts(), asyncFailure.code() + " after " + asyncFailure.attempts());
        }
    }

    @Test
    void anAnswerThatTurnsTheCallAwayBeforeTheStreamIsRetriedBlockingAndAsync() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        Script three = threeEvents();
        try (TrtcClient client = serve(exchange -> {
                    if (requests.getAndIncrement() % 2 == 0) {
                        answer(exchange, "{\"Response\": {\"RequestId\": \"r-busy\", \"Error\": {\"Code\": "
                                + "\"RequestLimitExceeded\", \"Message\": \"Too many requests.\"}}}");
                    } else {
                        stream(exchange, three);
                    }
                }).scheduler(TestClients.on(VirtualTime.autoAdvancing())).logger(new CapturingLogger()).build()) {
            try (EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
                assertEquals(List.of("r1", "r2", "r3"), events.stream().map(TextToSpeechSSEResponse::requestId).toList());
            }
            Recorder async = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(async);
            async.request(3);
            assertEquals("r1", async.next().requestId());
        }
        assertEquals(4, requests.get(), "each call turned away once, then streamed");
        assertEquals(List.of(), signatureProblems);
    }

    @Test
    void aBrokenEventIsNotQuotedSinceItMayHoldSecretsAndItsFailureIsLoggedAtDebugOnly() throws IOException {
        CapturingLogger logger = new CapturingLogger();
        try (TrtcClient client = streaming(out -> send(out,
                        "data: {\"Response\": {\"Credentials\": {\"TmpSecretKey\": \"s3cret-key\"\n\n"))
                .logger(logger).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            TrtcException e = assertThrows(TrtcException.class, events::hasNext);
            assertEquals(TencentCloudException.CLIENT_INVALID_RESPONSE, e.code());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertEquals(1, e.getMessage().split("HTTP 200", -1).length - 1, "the status once: " + e.getMessage());
            assertTrue(e.mayHaveRun(), "the stream had begun");
        }
        assertFalse(logger.allText().contains("s3cret"), logger.allText());
        assertEquals(List.of(), logger.at(System.Logger.Level.WARNING), "the caller got the failure");
        assertTrue(logger.at(System.Logger.Level.DEBUG).stream().anyMatch(entry -> entry.message()
                .startsWith("TextToSpeechSSE ap-guangzhou failed after 1 attempt in ")), logger.allText());
    }

    @Test
    void aReaderInterruptedWhileWaitingForAnEventGetsTheCallsOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstRead = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagSetAgain = new AtomicBoolean();
        List<CallMetrics> ended = new CopyOnWriteArrayList<>();
        try (TrtcClient client = streaming(out -> {
                    event(out, "r1");
                    release.await(30, TimeUnit.SECONDS);   // stalls
                }).metricsListener(ended::add).build()) {
            Thread reader = new Thread(() -> {
                try (EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
                    events.next();
                    firstRead.countDown();
                    events.hasNext();
                } catch (RuntimeException e) {
                    failure.set(e);
                    flagSetAgain.set(Thread.currentThread().isInterrupted());
                }
            });
            reader.start();
            assertTrue(firstRead.await(10, TimeUnit.SECONDS));
            while (reader.getState() != Thread.State.WAITING) {   // now waiting for the second event
                Thread.onSpinWait();
            }

            reader.interrupt();
            reader.join(10_000);

            TrtcException e = assertInstanceOf(TrtcException.class, failure.get());
            assertEquals(TencentCloudException.CLIENT_INTERRUPTED, e.code());
            assertEquals("Interrupted while TextToSpeechSSE was waiting for the next event", e.errorMessage());
            assertEquals(1, e.attempts());
            assertTrue(e.mayHaveRun(), "the stream had begun");
            assertTrue(flagSetAgain.get(), "the thread's interrupt flag is set again");
        } finally {
            release.countDown();
        }
        assertEquals(List.of("ClientError.Interrupted 1"), ended.stream()
                .map(call -> call.errorCode() + " " + call.attempts()).toList());
    }

    @Test
    void aSubscriberCancelledWhileWaitingForItsPermitGivesItUp() throws Exception {
        VirtualTime time = VirtualTime.manual();
        try (TrtcClient client = streaming(threeEvents()).scheduler(TestClients.on(time))
                .rateLimit("TextToSpeechSSE", 1).build()) {
            Recorder first = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(first);
            first.request(3);
            assertEquals(Recorder.COMPLETE, skipEvents(first));
            Recorder cancelled = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(cancelled);
            cancelled.subscription.take().cancel();   // waiting for the permit of the next second
            Recorder third = new Recorder();
            client.textToSpeechSSEPublisher(REQUEST).subscribe(third);
            third.request(3);

            time.advance(Duration.ofSeconds(2));   // one more permit (two had the cancelled one kept its place)

            assertEquals(Recorder.COMPLETE, skipEvents(third), "the next permit is the third's");
        }
        assertEquals(2, actions.size());
    }

    @Test
    void anEventStreamClosedFromAnotherThreadWhileWaitingForItsPermitSendsNothing() throws Exception {
        VirtualTime time = VirtualTime.manual();
        try (TrtcClient client = streaming(threeEvents()).scheduler(TestClients.on(time))
                .rateLimit("TextToSpeechSSE", 1).build()) {
            try (EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
                assertEquals(3, events.stream().count());
            }
            int timers = time.pendingTimers();
            EventStream<TextToSpeechSSEResponse> waiting = client.textToSpeechSSEStream(REQUEST);
            CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(waiting::hasNext, executor);
            while (time.pendingTimers() == timers) {   // until the reader sleeps for the next permit
                Thread.onSpinWait();
            }

            waiting.close();

            assertFalse(reader.get(10, TimeUnit.SECONDS), "the closed stream has no events");
        }
        assertEquals(1, actions.size(), "nothing sent for the closed stream");
    }

    /** Takes the recorder's events until its end, which it returns. */
    private static Object skipEvents(Recorder recorder) throws InterruptedException {
        Object signal;
        do {
            signal = recorder.signals.take();
        } while (signal instanceof TextToSpeechSSEResponse);
        return signal;
    }

    @Test
    void interceptorsSeeAStreamsHeadersAndItsMetricsComeWhenItEnds() throws IOException {
        List<String> answers = new CopyOnWriteArrayList<>();
        List<CallMetrics> ended = new CopyOnWriteArrayList<>();
        Interceptor trace = new Interceptor() {
            @Override
            public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
                headers.set("X-Trace-Id", "trace-" + attempt.number());
            }

            @Override
            public void afterResponse(Interceptor.Attempt attempt, Interceptor.Response response) {
                answers.add(attempt + ": HTTP " + response.httpStatus() + ", RequestId " + response.requestId());
            }
        };
        try (TrtcClient client = streaming(threeEvents()).interceptor(trace).metricsListener(ended::add).build()) {
            try (EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
                assertEquals(3, events.stream().count());
            }
            try (EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
                events.next();
            }
        }

        assertEquals(List.of("trace-1", "trace-1"), traceIds);
        assertEquals(List.of(), signatureProblems);
        assertEquals(List.of("TextToSpeechSSE ap-guangzhou attempt 1: HTTP 200, RequestId req-header",
                "TextToSpeechSSE ap-guangzhou attempt 1: HTTP 200, RequestId req-header"), answers,
                "when the headers arrive");
        assertEquals(List.of("null 1 200 req-header", "ClientError.Cancelled 1 200 req-header"), ended.stream()
                .map(call -> call.errorCode() + " " + call.attempts() + " " + call.httpStatus() + " " + call.requestId())
                .toList(), "a stream read to its end, and one closed before it");
    }

    @Test
    void anEventReadsOnlyItsOwnMembers() throws IOException {
        try (TrtcClient client = streaming(out -> send(out, "data: {\"Type\": \"chunk\"}\n\n")).build();
                EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(REQUEST)) {
            assertNull(events.next().requestId(), "the event's own members only");
            assertFalse(events.hasNext());
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A subscriber that records what it receives, in order. */
    private static final class Recorder implements Flow.Subscriber<TextToSpeechSSEResponse> {
        static final Object COMPLETE = new Object();
        final LinkedBlockingQueue<Flow.Subscription> subscription = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        /** Events delivered that were not requested yet: a broken back-pressure (rule 1.1). */
        final AtomicInteger beyondDemand = new AtomicInteger();
        private final AtomicLong demand = new AtomicLong();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.add(s);
        }

        /** Requests {@code n} more events of the subscription (waiting for it to arrive). */
        void request(long n) throws InterruptedException {
            Flow.Subscription s = subscription.take();
            subscription.add(s);
            demand.addAndGet(n);
            s.request(n);
        }

        @Override
        public void onNext(TextToSpeechSSEResponse item) {
            if (demand.decrementAndGet() < 0) {
                beyondDemand.incrementAndGet();
            }
            signals.add(item);
        }

        @Override
        public void onError(Throwable failure) {
            signals.add(failure);
        }

        @Override
        public void onComplete() {
            signals.add(COMPLETE);
        }

        TextToSpeechSSEResponse next() throws InterruptedException {
            return assertInstanceOf(TextToSpeechSSEResponse.class, signals.take());
        }
    }
}

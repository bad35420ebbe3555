package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.ScriptedHttpClient.Answer;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.VirtualTime;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check of a call's region against the regions its action's documentation lists: a refused call fails before
 * anything is sent with the service's exception, through the call's usual failure path (logged, one
 * {@link CallMetrics} with 0 attempts), for blocking, async and streaming calls alike.
 */
@Timeout(30)
class ActionRegionsTest {

    private static final String ACTION = "StopPublishCdnStream";
    private static final Map<String, List<String>> SUPPORTED =
            Map.of(ACTION, List.of("ap-guangzhou", "ap-hongkong", "ap-singapore"));
    private static final String REFUSAL = "StopPublishCdnStream supports ap-guangzhou, ap-hongkong, ap-singapore; "
            + "this client is configured for ap-jakarta (nothing was sent)";

    /** A service's own exception, to see that the refusal is made by the service's factory. */
    static final class TrtcException extends TencentCloudException {
        private static final long serialVersionUID = 1L;

        TrtcException(String code, String message, String requestId, int httpStatus, Throwable cause) {
            super(code, message, requestId, httpStatus, cause);
        }
    }

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private final CapturingLogger logger = new CapturingLogger();
    private final List<CallMetrics> metrics = Collections.synchronizedList(new ArrayList<>());
    private final ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCallInAnUnlistedRegionFailsBeforeSendingWithOneCallMetricsOfNoAttempts(boolean async) {
        try (ApiTransport transport = transport(builder -> builder)) {
            TencentCloudException e = assertThrows(TencentCloudException.class,
                    () -> call(transport, ACTION, "ap-jakarta", async));

            assertInstanceOf(TrtcException.class, e);
            assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, e.code());
            assertEquals(REFUSAL, e.errorMessage());
            assertEquals(0, e.attempts());
        }

        assertEquals(List.of(), http.sent());
        assertEquals(List.of(new CallMetrics("trtc", ACTION, "ap-jakarta", 0, Duration.ZERO, 0,
                TencentCloudException.CLIENT_UNSUPPORTED_REGION, null, Duration.ZERO, Duration.ZERO)), metrics);
        List<CapturingLogger.Entry> debug = logger.at(Level.DEBUG);
        assertEquals(1, debug.size(), logger.allText());
        assertTrue(debug.get(0).message().startsWith(ACTION + " ap-jakarta failed after 0 attempts in 0 ms: "
                + "ClientError.UnsupportedRegion: " + REFUSAL), debug.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withTheCheckOffTheCallIsSent(boolean async) {
        try (ApiTransport transport = transport(builder -> builder.checkRegions(false))) {
            assertTrue(call(transport, ACTION, "ap-jakarta", async).contains("req-1"));
        }

        assertEquals(1, http.sent().size());
        assertEquals("ap-jakarta", http.sent().get(0).header("X-TC-Region"));
        assertEquals(1, metrics.get(0).attempts());
    }

    @Test
    void aListedRegionNoRegionAndAnActionThatListsNoneAreSent() {
        try (ApiTransport transport = transport(builder -> builder)) {
            call(transport, ACTION, "ap-hongkong", false);
            call(transport, ACTION, null, false);
            call(transport, "DescribeRoomInfo", "ap-jakarta", true);
        }

        assertEquals(3, http.sent().size());
        assertEquals(List.of(), logger.at(Level.DEBUG).stream()
                .filter(entry -> entry.message().contains("UnsupportedRegion")).toList());
    }

    @Test
    void aTransportForOtherCallOptionsChecksTheSameRegions() {
        try (ApiTransport transport = transport(builder -> builder)) {
            ApiTransport withOptions = transport.with(CallOptions.builder().header("X-Trace", "t-1").build());

            assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, assertThrows(TencentCloudException.class,
                    () -> call(withOptions, ACTION, "ap-jakarta", false)).code());
        }
        assertEquals(List.of(), http.sent());
    }

    @Test
    void anEventStreamInAnUnlistedRegionFailsAtItsFirstHasNextAndSendsNothing() {
        try (ApiTransport transport = transport(builder -> builder);
                EventStream<String> events = EventStream.open(transport, ACTION, "ap-jakarta", "{}", Json::writeText,
                        Json::readText, TrtcException::new)) {
            TencentCloudException e = assertThrows(TencentCloudException.class, events::hasNext);

            assertInstanceOf(TrtcException.class, e);
            assertEquals(REFUSAL, e.errorMessage());
        }

        assertEquals(List.of(), http.sent());
        assertEquals(1, metrics.size());
        assertEquals(0, metrics.get(0).attempts());
        assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, metrics.get(0).errorCode());
    }

    @Test
    void aPublisherInAnUnlistedRegionFailsItsSubscriberAndSendsNothing() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ApiTransport transport = transport(builder -> builder)) {
            EventStream.publisher(transport, ACTION, "ap-jakarta", "{}", Json::writeText, Json::readText,
                    TrtcException::new).subscribe(new Flow.Subscriber<String>() {
                        @Override
                        public void onSubscribe(Flow.Subscription subscription) {
                            subscription.request(1);
                        }

                        @Override
                        public void onNext(String item) {
                            failure.set(new AssertionError("an event: " + item));
                        }

                        @Override
                        public void onError(Throwable throwable) {
                            failure.set(throwable);
                        }

                        @Override
                        public void onComplete() {
                            failure.set(new AssertionError("completed"));
                        }
                    });
        }

        TrtcException e = assertInstanceOf(TrtcException.class, failure.get());
        assertEquals(REFUSAL, e.errorMessage());
        assertEquals(List.of(), http.sent());
        assertEquals(1, metrics.size());
        assertEquals(TencentCloudException.CLIENT_UNSUPPORTED_REGION, metrics.get(0).errorCode());
    }

    @Test
    void theRegionsOfAnActionAreCheckedWhenTheyAreSet() {
        ApiTransport.Builder builder = ApiTransport.builder();

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> builder.actionRegions(Map.of(ACTION, List.of())));
        assertEquals("the supported regions of StopPublishCdnStream must be region ids, at least one, not []",
                empty.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> builder.actionRegions(Map.of(" ", List.of("ap-guangzhou"))));
        assertEquals("an action of the supported regions is blank: [ ]", blank.getMessage());
    }

    @Test
    void aFakeRefusesAnUnlistedRegionWithoutRecordingTheCall() {
        FakeCalls calls = new FakeCalls(SUPPORTED, TrtcException::new);

        TrtcException e = assertThrows(TrtcException.class,
                () -> calls.answer(ACTION, "ap-jakarta", "{}", String.class, () -> "{}"));
        assertEquals(REFUSAL, e.errorMessage());
        assertEquals(List.of(), calls.calls());

        assertEquals("{}", calls.answer(ACTION, "ap-singapore", "{}", String.class, () -> "{}"));
        assertEquals(List.of(new FakeCalls.Call(ACTION, "ap-singapore", "{}")), calls.calls());
        assertNull(ActionRegions.NONE.unsupported(ACTION, "ap-jakarta", TrtcException::new));
    }

    /** Calls {@code action} with an empty request: the response, or the service exception thrown. */
    static String call(ApiTransport transport, String action, String region, boolean async) {
        if (!async) {
            return transport.call(action, Idempotency.byName(action), region, "{}", Json::writeText, Json::readText,
                    TrtcException::new);
        }
        try {
            return transport.callAsync(action, Idempotency.byName(action), region, "{}", Json::writeText,
                    Json::readText, TrtcException::new).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** A trtc transport on {@link #http} and virtual time, with {@link #SUPPORTED}, logging to {@link #logger}. */
    private ApiTransport transport(UnaryOperator<ApiTransport.Builder> more) {
        return more.apply(ApiTransport.builder()
                .service("trtc")
                .version("2019-07-22")
                .endpoint(URI.create("https://trtc.tencentcloudapi.com"))
                .credentials(Credentials.of(InterceptorTest.SECRET_ID, InterceptorTest.SECRET_KEY))
                .actionRegions(SUPPORTED)
                .httpClient(http)
                .scheduler(time)
                .logger(logger)
                .metricsListener(metrics::add)).build();
    }
}

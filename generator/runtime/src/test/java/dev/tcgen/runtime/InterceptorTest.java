package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.ScriptedHttpClient.Answer;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interceptors of a transport, around every attempt of blocking and asynchronous calls, on a scripted HTTP client
 * and virtual time: what they see, what they may change, their order, and what happens when they throw.
 */
@Timeout(30)
class InterceptorTest {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final String TOKEN = "session-token-0123456789";

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private final CapturingLogger logger = new CapturingLogger();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aHeaderSetBeforeSigningIsSentAndTheSignatureStillVerifies() {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));
        Interceptor trace = new Interceptor() {
            @Override
            public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
                seen.set(headers.asMap());
                headers.set("X-Trace-Id", "trace-1");
            }
        };
        try (ApiTransport transport = transport(http, builder -> builder.interceptor(trace))) {
            call(transport, "DescribeInstances", false);

            ScriptedHttpClient.Sent sent = http.sent().get(0);
            assertEquals("trace-1", sent.header("X-Trace-Id"));
            assertNull(new IndependentTc3Verifier(SECRET_ID, SECRET_KEY, "cvm").problem(sent.header("Authorization"),
                    sent.header("Content-Type"), transport.host(), Long.parseLong(sent.header("X-TC-Timestamp")),
                    sent.body()), "the signature verifies");
        }
        assertEquals(Map.of("Content-Type", ApiTransport.CONTENT_TYPE, "X-TC-Action", "DescribeInstances",
                "X-TC-Version", "2017-03-12", "X-TC-Region", "ap-guangzhou", "User-Agent",
                ApiTransport.DEFAULT_USER_AGENT), seen.get(), "no Authorization, X-TC-Timestamp or X-TC-Token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "x-tc-timestamp", "X-TC-Region", "Host", "User-Agent"})
    void aHeaderTheClientSetsIsRefusedAndTheCallFailsWithNothingSent(String header) {
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));
        Interceptor forger = new Interceptor() {
            @Override
            public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
                headers.set(header, "forged");
            }
        };
        try (ApiTransport transport = transport(http, builder -> builder.interceptor(forger))) {
            TencentCloudException e = assertThrows(TencentCloudException.class,
                    () -> call(transport, "DescribeInstances", false));

            assertEquals(TencentCloudException.CLIENT_INTERCEPTOR, e.code());
            assertEquals(0, e.attempts());
            assertTrue(e.errorMessage().startsWith("The interceptor " + forger.getClass().getName()
                    + " failed before attempt 1 of DescribeInstances was signed: IllegalArgumentException: The header "
                    + header + " is set by the client and cannot be set by an interceptor"), e.errorMessage());
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
        }
        assertEquals(List.of(), http.sent(), "not sent, and not retried");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyAttemptRunsTheHooksInOrderTheClientsThenTheCallsOptions(boolean async) {
        AtomicInteger answers = new AtomicInteger();
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> switch (answers.incrementAndGet()) {
            case 1 -> Answer.error("InternalError", "req-1");
            case 2 -> Answer.failure(new IOException("connection reset"));
            default -> Answer.response("req-3");
        });
        try (ApiTransport transport = transport(http, builder -> builder.interceptor(recording("A"))
                .interceptor(recording("B")))) {
            call(transport.with(CallOptions.builder().interceptor(recording("C")).build()), "DescribeInstances", async);
        }

        assertEquals(List.of(
                "A before 1", "B before 1", "C before 1",
                "A response 1 InternalError", "B response 1 InternalError", "C response 1 InternalError",
                "A before 2", "B before 2", "C before 2",
                "A failure 2 ClientError.ConnectionLost", "B failure 2 ClientError.ConnectionLost",
                "C failure 2 ClientError.ConnectionLost",
                "A before 3", "B before 3", "C before 3",
                "A response 3 req-3 ok", "B response 3 req-3 ok", "C response 3 req-3 ok"), events);
    }

    @Test
    void aFailingBeforeSigningEndsTheAttemptOfTheInterceptorsThatRanBeforeIt() {
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));
        Interceptor broken = new Interceptor() {
            @Override
            public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
                throw new IllegalStateException("no trace context");
            }
        };
        try (ApiTransport transport = transport(http, builder -> builder.interceptor(recording("A"))
                .interceptor(broken).interceptor(recording("C")))) {
            TencentCloudException e = assertThrows(TencentCloudException.class,
                    () -> call(transport, "DescribeInstances", true));

            assertEquals(TencentCloudException.CLIENT_INTERCEPTOR, e.code());
            assertEquals("no trace context", e.getCause().getMessage());
        }
        assertEquals(List.of("A before 1", "A failure 1 ClientError.Interceptor"), events,
                "C never ran, so it is not told");
        assertEquals(List.of(), http.sent());
    }

    @Test
    void aThrowingAfterHookIsLoggedOnceAtWarningAndTheCallGoesOn() {
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));
        Interceptor broken = new Interceptor() {
            @Override
            public void afterResponse(Interceptor.Attempt attempt, Interceptor.Response response) {
                throw new IllegalStateException("the exporter is down");
            }
        };
        try (ApiTransport transport = transport(http, builder -> builder.interceptor(broken)
                .interceptor(recording("B")))) {
            assertTrue(call(transport, "DescribeInstances", false).contains("\"RequestId\":\"req-1\""));
            assertTrue(call(transport, "DescribeInstances", true).contains("\"RequestId\":\"req-1\""));
        }

        assertEquals(List.of("B before 1", "B response 1 req-1 ok", "B before 1", "B response 1 req-1 ok"), events,
                "the next interceptor still runs");
        List<CapturingLogger.Entry> warnings = logger.at(Level.WARNING);
        assertEquals(1, warnings.size(), logger.allText());
        assertTrue(warnings.get(0).message().startsWith(broken.getClass().getName() + " threw in afterResponse of "
                + "DescribeInstances ap-guangzhou attempt 1; ignored"), warnings.get(0).message());
        assertTrue(warnings.get(0).thrown().contains("the exporter is down"));
        assertEquals(1, logger.at(Level.DEBUG).stream().filter(entry -> entry.message().contains("threw in")).count(),
                "the second failure at DEBUG");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anAttemptCutShortByTheDeadlineEndsInAfterFailure(boolean async) throws Exception {
        VirtualTime manual = VirtualTime.manual();
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.silence());
        try (ApiTransport transport = transport(http, builder -> builder.scheduler(manual)
                .callTimeout(Duration.ofSeconds(5)).interceptor(recording("A")))) {
            CompletableFuture<String> call = async ? transport.callAsync("DescribeInstances",
                    Idempotency.IDEMPOTENT, "ap-guangzhou", "{}", Json::writeText, Json::readText,
                    TencentCloudException::new)
                    : CompletableFuture.supplyAsync(() -> call(transport, "DescribeInstances", false));
            while (http.sent().isEmpty()) {
                Thread.sleep(1);
            }

            manual.advance(Duration.ofSeconds(5));

            CompletionException failed = assertThrows(CompletionException.class, call::join);
            assertEquals(TencentCloudException.CLIENT_DEADLINE_EXCEEDED,
                    ((TencentCloudException) failed.getCause()).code());
        }
        assertEquals(List.of("A before 1", "A failure 1 ClientError.DeadlineExceeded"), events);
    }

    @Test
    void aCancelledAsyncCallEndsItsAttemptInAfterFailure() {
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.silence());
        try (ApiTransport transport = transport(http, builder -> builder.interceptor(recording("A")))) {
            CompletableFuture<String> call = transport.callAsync("DescribeInstances", Idempotency.IDEMPOTENT,
                    "ap-guangzhou", "{}", Json::writeText, Json::readText, TencentCloudException::new);

            assertTrue(call.cancel(true));
        }
        assertEquals(List.of("A before 1", "A failure 1 ClientError.Cancelled"), events);
    }

    @Test
    void theHeadersCannotBeChangedOnceBeforeSigningHasReturned() {
        AtomicReference<Interceptor.Headers> kept = new AtomicReference<>();
        ScriptedHttpClient http = new ScriptedHttpClient(sent -> Answer.response("req-1"));
        Interceptor keeper = new Interceptor() {
            @Override
            public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
                kept.set(headers.set("X-Trace-Id", "trace-1"));
            }
        };
        try (ApiTransport transport = transport(http, builder -> builder.interceptor(keeper))) {
            call(transport, "DescribeInstances", false);
        }

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept.get().set("X-Later", "x"));
        assertEquals("The headers of a request can be changed only in beforeSigning", e.getMessage());
        assertEquals("Headers[Content-Type, User-Agent, X-TC-Action, X-TC-Region, X-TC-Version, X-Trace-Id]",
                kept.get().toString(), "names only");
        assertFalse(kept.get().toString().contains("trace-1"));
    }

    /** An interceptor that notes each hook in {@link #events}, with its name, the attempt and the outcome. */
    private Interceptor recording(String name) {
        return new Interceptor() {
            @Override
            public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
                events.add(name + " before " + attempt.number());
            }

            @Override
            public void afterResponse(Interceptor.Attempt attempt, Interceptor.Response response) {
                events.add(name + " response " + attempt.number() + " " + response.failure()
                        .map(TencentCloudException::code).orElse(response.requestId() + " ok"));
            }

            @Override
            public void afterFailure(Interceptor.Attempt attempt, TencentCloudException failure) {
                events.add(name + " failure " + attempt.number() + " " + failure.code());
            }
        };
    }

    /** A cvm transport on {@code http} and virtual time, with the test keys and a token. */
    private ApiTransport transport(ScriptedHttpClient http, Function<ApiTransport.Builder, ApiTransport.Builder> more) {
        return more.apply(cvm(http, time, logger).credentials(Credentials.of(SECRET_ID, SECRET_KEY, TOKEN))).build();
    }

    /**
     * A cvm transport on {@code http} and {@code scheduler}, with the test keys, logging to {@code logger}, whose
     * retries wait the longest backoff (jitter 1.0): what the runtime's transport tests start from.
     */
    static ApiTransport.Builder cvm(ScriptedHttpClient http, Scheduler scheduler, System.Logger logger) {
        return ApiTransport.builder()
                .service("cvm")
                .version("2017-03-12")
                .endpoint(URI.create("https://cvm.tencentcloudapi.com"))
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY))
                .httpClient(http)
                .scheduler(scheduler)
                .logger(logger)
                .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build());
    }

    /** Calls {@code action} in ap-guangzhou, blocking or async; the response, or the service exception thrown. */
    static String call(ApiTransport transport, String action, boolean async) {
        if (!async) {
            return transport.call(action, Idempotency.byName(action), "ap-guangzhou", "{}",
                    Json::writeText, Json::readText, TencentCloudException::new);
        }
        try {
            return transport.callAsync(action, Idempotency.byName(action), "ap-guangzhou",
                    "{}", Json::writeText, Json::readText, TencentCloudException::new).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}

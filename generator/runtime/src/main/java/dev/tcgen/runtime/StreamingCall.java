package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * One call of a streaming action: the {@link Flow.Subscription} of one subscriber of
 * {@link EventStream#publisher}, reading the answer's lines with back-pressure.
 *
 * <p>The call is made once, when the subscriber subscribes: the action's rate-limit permit, the
 * credentials, the signature, then {@code HttpClient.sendAsync}, with no thread waiting. An answer
 * {@code text/event-stream} is read one line at a time, and only while the subscriber has demand: the
 * next line is asked for when no parsed event is waiting, so a slow subscriber slows the server down
 * (TCP flow control) instead of filling memory. Each event's {@code data} is the action's response
 * object (or {@code {"Response": {...}}} around it); one with an {@code Error} ({@code Code},
 * {@code Message}) ends the stream with the service exception. Any other answer is read like the
 * answer to an ordinary call: the response object, delivered as the only event, or the service
 * exception.
 *
 * <p>The transport's request timeout covers the wait for the answer's headers only; while the events
 * arrive, the stream fails with {@code CLIENT_REQUEST_TIMEOUT} when no line arrives for the transport's
 * {@linkplain ApiTransport.Builder#streamIdleTimeout idle timeout} (a comment line, a keep-alive, counts).
 * A stream is not retried: events already delivered cannot be taken back. Cancelling stops reading and
 * closes the connection.
 *
 * @param <Q> the request type
 * @param <T> the response type, which every event is read into
 */
final class StreamingCall<Q, T> implements Flow.Subscription, Flow.Subscriber<String> {

    /** The media type of an event stream. */
    static final String EVENT_STREAM = "text/event-stream";

    private final ApiTransport transport;

    private final String action;

    private final String region;

    private final Q request;

    private final JsonWriter.ObjectWriter<? super Q> requestWriter;

    private final JsonReader.ObjectReader<T> responseReader;

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private final Flow.Subscriber<? super T> subscriber;

    private final SseParser parser = new SseParser();

    private final Deque<T> ready = new ArrayDeque<>();

    private long demand;

    /** The subscriber was told the end (or cancelled): nothing more is delivered. */
    private boolean finished;

    /** Set once: how the stream ends, after the events in {@link #ready}; a failure or {@link #COMPLETE}. */
    private Throwable terminal;

    private boolean draining;

    private boolean drainAgain;

    private Flow.Subscription lines;

    private boolean lineRequested;

    /** Counts the lines asked for, so an idle timer knows whether its line arrived. */
    private long lineGeneration;

    private CompletableFuture<HttpResponse<byte[]>> sending;

    private int status;

    private String requestId;

    /** Whether an event's problems were logged: once per stream, not once per event. */
    private boolean problemsLogged;

    private static final Throwable COMPLETE = new Throwable("complete", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    StreamingCall(ApiTransport transport, String action, String region, Q request,
            JsonWriter.ObjectWriter<? super Q> requestWriter, JsonReader.ObjectReader<T> responseReader,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions, Flow.Subscriber<? super T> subscriber) {
        this.transport = transport;
        this.action = action;
        this.region = region;
        this.request = request;
        this.requestWriter = requestWriter;
        this.responseReader = responseReader;
        this.exceptions = exceptions;
        this.subscriber = subscriber;
    }

    /**
     * Hands the subscriber its subscription, then starts the call.
     */
    void start() {
        subscriber.onSubscribe(this);
        byte[] payload;
        try {
            payload = ApiTransport.serialize(action, request, requestWriter, Idempotency.NOT_IDEMPOTENT);
        } catch (IllegalArgumentException e) {
            end(e);
            return;
        }
        if (payload.length > ApiTransport.MAX_REQUEST_BYTES) {
            end(exceptions.create(TencentCloudException.CLIENT_REQUEST_TOO_LARGE, action + " request is " + payload.length
                    + " bytes of JSON; the API accepts at most " + ApiTransport.MAX_REQUEST_BYTES + "; nothing was sent",
                    null, 0, null));
            return;
        }
        if (transport.isClosed()) {
            end(exceptions.create(TencentCloudException.CLIENT_CLOSED,
                    "Cannot call " + action + ": the client was closed", null, 0, null));
            return;
        }
        RateLimiter limiter = transport.rateLimiter(action);
        if (limiter == null) {
            send(payload, null);
        } else if (transport.rateLimitMode() == RateLimitMode.WAIT) {
            limiter.acquire().whenComplete((granted, failure) -> {
                if (failure != null) {
                    end(unwrap(failure));
                } else {
                    send(payload, granted);
                }
            });
        } else if (limiter.tryAcquire().map(permit -> send(payload, permit)).isPresent()) {
            return;
        } else {
            end(exceptions.create(TencentCloudException.CLIENT_RATE_LIMITED, "The client-side limit of "
                    + limiter.permitsPerSecond() + " requests per second for " + action
                    + " is reached; nothing was sent", null, 0, null));
        }
    }

    /**
     * Signs and sends the request. The rate-limit permit, if any, is held until the answer's
     * headers arrive (the server has counted the request by then), or released at once if
     * nothing is sent.
     */
    private boolean send(byte[] payload, RateLimiter.Permit permit) {
        transport.credentialsAsync(action, exceptions).whenComplete((credentials, failure) -> {
            if (failure != null) {
                release(permit);
                end(unwrap(failure));
                return;
            }
            HttpRequest signed = transport.signedRequest(action, region, payload, credentials);
            CompletableFuture<HttpResponse<byte[]>> response;
            synchronized (this) {
                if (finished) {
                    release(permit);
                    return;
                }
                response = transport.httpClient().sendAsync(signed, info -> {
                    release(permit);
                    return bodySubscriber(info);
                });
                sending = response;
            }
            response.whenComplete((answer, sendFailure) -> {
                release(permit);
                answered(answer, sendFailure);
            });
        });
        return true;
    }

    private static void release(RateLimiter.Permit permit) {
        if (permit != null) {
            permit.release();
        }
    }

    /**
     * Chooses how to read the body once the headers are in: line by line for an event stream, whole
     * (bounded) for anything else.
     */
    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        synchronized (this) {
            status = info.statusCode();
            requestId = info.headers().firstValue("X-TC-RequestId").orElse(null);
        }
        String contentType = info.headers().firstValue("Content-Type").orElse("");
        if (contentType.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM)) {
            return HttpResponse.BodySubscribers.fromLineSubscriber(this, self -> null, StandardCharsets.UTF_8, null);
        }
        return BoundedBody.handler(transport.maxResponseBytes()).apply(info);
    }

    /**
     * The exchange ended: for an event stream its lines were already read, and only a failure matters;
     * any other answer is the one event, or the exception.
     */
    private void answered(HttpResponse<byte[]> response, Throwable failure) {
        if (failure != null) {
            end(networkFailure(unwrap(failure)));
            return;
        }
        byte[] body = response.body();
        if (body == null) {
            return;
        }
        try {
            T value = new ResponseReader(action, response, transport.maxResponseBytes(), exceptions,
                    transport.logger()).read(responseReader);
            synchronized (this) {
                ready.add(value);
            }
            end(COMPLETE);
        } catch (TencentCloudException e) {
            end(e);
        }
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            end(new IllegalArgumentException("request(" + n + "): the demand must be positive (rule 3.9)"));
            return;
        }
        synchronized (this) {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
        drain();
    }

    @Override
    public void cancel() {
        Flow.Subscription body;
        CompletableFuture<HttpResponse<byte[]>> pending;
        synchronized (this) {
            finished = true;
            ready.clear();
            body = lines;
            pending = sending;
        }
        release(body, pending);
    }

    // The lines of an event stream, from the HTTP client.

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        boolean stopped;
        synchronized (this) {
            lines = subscription;
            stopped = finished || (terminal != null && terminal != COMPLETE);
        }
        if (stopped) {
            subscription.cancel();
            return;
        }
        drain();
    }

    @Override
    public void onNext(String line) {
        SseParser.Event event;
        synchronized (this) {
            lineRequested = false;
            lineGeneration++;
            if (finished || terminal != null) {
                return;
            }
            event = parser.accept(line);
        }
        if (event != null && !"[DONE]".equals(event.data())) {
            Object value = read(event);
            if (value instanceof Throwable) {
                end((Throwable) value);
                return;
            }
            synchronized (this) {
                @SuppressWarnings("unchecked")
                T response = (T) value;
                ready.add(response);
            }
        }
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        end(networkFailure(failure));
    }

    @Override
    public void onComplete() {
        end(COMPLETE);
    }

    /**
     * One event's data as the response object, or the exception it stands for. The data is the response object or
     * {@code {"Response": {...}}} around it (one look at its members decides which); a value that does not fit is
     * left out and recorded as in any answer, and logged for the first event that has such problems.
     */
    private Object read(SseParser.Event event) {
        byte[] data = event.data().getBytes(StandardCharsets.UTF_8);
        JsonReader in;
        Object value;
        try (JsonParser envelope = Json.parser(data); JsonParser parser = Json.parser(data)) {
            boolean wrapped = new JsonReader(envelope).isEnvelope();
            in = new JsonReader(parser);
            value = wrapped ? in.readEnvelope(responseReader).orElse(null) : in.readDocument(responseReader);
        } catch (IOException e) {
            return invalid("an event whose data is not a JSON object", event, e);
        }
        String id = in.requestId() != null ? in.requestId() : requestId();
        if (in.hasError() && in.errorCode() != null && !in.errorCode().isBlank()) {
            return exceptions.create(in.errorCode(), in.errorMessage() == null ? "" : in.errorMessage(), id, status(),
                    null);
        }
        if ("error".equals(event.event())) {
            return invalid("an error event without an Error.Code", event, null);
        }
        if (!in.problems().isEmpty() && !problemsLogged) {
            problemsLogged = true;
            ResponseReader.logProblems(transport.logger(), action, id, in.problems());
        }
        return value;
    }

    private TencentCloudException invalid(String problem, SseParser.Event event, Throwable cause) {
        return exceptions.create(TencentCloudException.CLIENT_INVALID_RESPONSE, "The event stream of " + action
                + " (HTTP " + status() + ") has " + problem + ": " + ResponseReader.snippet(
                        event.data().getBytes(StandardCharsets.UTF_8)), requestId(), status(), cause);
    }

    private synchronized int status() {
        return status;
    }

    private synchronized String requestId() {
        return requestId;
    }

    private Throwable networkFailure(Throwable failure) {
        if (failure instanceof TencentCloudException) {
            return (TencentCloudException) failure;
        }
        if (!(failure instanceof IOException)) {
            return failure;
        }
        return exceptions.create(TencentCloudException.CLIENT_CONNECTION_LOST, "The event stream of " + action
                + " from " + transport.endpoint() + " broke: " + ResponseReader.describe(failure), requestId(),
                status(), failure);
    }

    /**
     * Ends the stream with {@code how} ({@link #COMPLETE} or a failure), after the events waiting;
     * a failure stops reading at once. Later ends are ignored.
     */
    private void end(Throwable how) {
        Flow.Subscription body = null;
        synchronized (this) {
            if (terminal != null || finished) {
                return;
            }
            terminal = how;
            if (how != COMPLETE) {
                body = lines;
            }
        }
        release(body, null);
        drain();
    }

    private static void release(Flow.Subscription body, CompletableFuture<?> pending) {
        if (body != null) {
            body.cancel();
        }
        if (pending != null) {
            pending.cancel(true);
        }
    }

    /**
     * Delivers what the subscriber asked for, then the end if nothing is left; one thread at a time, and
     * never while holding the lock. Then asks for the next line if the subscriber wants more.
     */
    private void drain() {
        synchronized (this) {
            if (draining) {
                drainAgain = true;
                return;
            }
            draining = true;
        }
        while (true) {
            T next = null;
            Throwable end = null;
            synchronized (this) {
                if (!finished && demand > 0 && !ready.isEmpty()) {
                    next = ready.poll();
                    demand--;
                } else if (!finished && ready.isEmpty() && terminal != null) {
                    finished = true;
                    end = terminal;
                } else if (drainAgain) {
                    drainAgain = false;
                    continue;
                } else {
                    draining = false;
                    break;
                }
            }
            if (next != null) {
                subscriber.onNext(next);
            } else if (end == COMPLETE) {
                subscriber.onComplete();
            } else {
                subscriber.onError(end);
            }
        }
        requestLine();
    }

    /**
     * Asks the HTTP client for one more line when the subscriber wants an event and none is parsed,
     * and starts the idle timer for it.
     */
    private void requestLine() {
        Flow.Subscription body;
        long generation;
        synchronized (this) {
            if (finished || terminal != null || lines == null || lineRequested || demand == 0 || !ready.isEmpty()) {
                return;
            }
            lineRequested = true;
            generation = ++lineGeneration;
            body = lines;
        }
        Duration idle = transport.streamIdleTimeout();
        transport.scheduler().delay(idle).whenComplete((ignored, failure) -> idle(generation, idle));
        body.request(1);
    }

    private void idle(long generation, Duration idle) {
        synchronized (this) {
            if (!lineRequested || lineGeneration != generation) {
                return;
            }
        }
        end(exceptions.create(TencentCloudException.CLIENT_REQUEST_TIMEOUT, "The event stream of " + action
                + " sent nothing for " + idle.toMillis() + " ms (the idle timeout); the connection was closed",
                requestId(), status(), null));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call of a streaming action: the {@link Flow.Subscription} of one subscriber of
 * {@link EventStream#publisher} (or of the {@link EventStream} itself), reading the answer's lines with
 * back-pressure.
 *
 * <p>The call is made once: the action's rate-limit permit, the credentials, the signature, then the
 * request. For a publisher's subscriber ({@link #start()}) the permit, the credentials and the answer
 * are futures and {@code HttpClient.sendAsync} sends, with no thread waiting; for the blocking
 * {@link EventStream} ({@link #startInThisThread()}) the reader's thread waits for them and
 * {@code HttpClient.send} sends. Either way the lines then arrive from the HTTP client. An answer
 * {@code text/event-stream} is read one line at a time, and only while the subscriber has demand: the
 * next line is asked for when no parsed event is waiting, so a slow subscriber slows the server down
 * (TCP flow control) instead of filling memory. Each event's {@code data} is the action's response
 * object (or {@code {"Response": {...}}} around it); one with an {@code Error} ({@code Code},
 * {@code Message}) ends the stream with the service exception. Any other answer is read like the
 * answer to an ordinary call: the response object, delivered as the only event, or the service
 * exception.
 *
 * <p>The transport's request timeout covers the wait for an event stream's headers only (and the whole
 * of any other answer); while the events
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

    /** The idle timer of the line asked for, cancelled when it arrives. */
    private Scheduler.Timer idleTimer;

    private CompletableFuture<HttpResponse<byte[]>> sending;

    private int status;

    private String requestId;

    /** Whether an event's problems were logged: once per stream, not once per event. */
    private boolean problemsLogged;

    /** What the call's interceptors and metrics listeners are told. */
    private volatile CallObserver observer = CallObserver.NONE;

    /** Requests sent: 0 or 1 (a stream is not retried). */
    private volatile int attempts;

    /** When the request was sent, on the scheduler's clock. */
    private volatile long sent;

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
     * Hands the subscriber its subscription, then starts the call without blocking: the permit, the
     * credentials and the answer are futures. For {@link EventStream#publisher}.
     */
    void start() {
        byte[] payload = begin();
        if (payload == null) {
            return;
        }
        RateLimiter limiter = transport.rateLimiter(action);
        if (limiter == null) {
            sendAsync(payload, null);
        } else if (transport.rateLimitMode() == RateLimitMode.WAIT) {
            long asked = transport.scheduler().nanoTime();
            limiter.acquire().whenComplete((granted, failure) -> {
                observer.waitedForPermit(transport.scheduler().nanoTime() - asked);
                if (failure != null) {
                    end(CredentialsFutures.unwrap(failure));
                } else {
                    sendAsync(payload, granted);
                }
            });
        } else {
            limiter.tryAcquire().ifPresentOrElse(permit -> sendAsync(payload, permit), () -> rateLimited(limiter));
        }
    }

    /**
     * Hands the subscriber its subscription, then makes the call in this thread until the answer's
     * headers are in: it waits here for the rate-limit permit and the credentials, and sends with
     * {@code HttpClient.send}. The events then arrive as they are requested. For
     * {@link EventStream#open}.
     */
    void startInThisThread() {
        byte[] payload = begin();
        if (payload == null) {
            return;
        }
        RateLimiter limiter = transport.rateLimiter(action);
        RateLimiter.Permit permit = null;
        if (limiter != null && transport.rateLimitMode() == RateLimitMode.WAIT) {
            long asked = transport.scheduler().nanoTime();
            try {
                permit = limiter.awaitPermit();
            } catch (InterruptedException interrupt) {
                interrupted("for a rate-limit permit; nothing was sent", interrupt);
                return;
            } finally {
                observer.waitedForPermit(transport.scheduler().nanoTime() - asked);
            }
        } else if (limiter != null) {
            Optional<RateLimiter.Permit> free = limiter.tryAcquire();
            if (free.isEmpty()) {
                rateLimited(limiter);
                return;
            }
            permit = free.get();
        }
        send(payload, permit);
    }

    /**
     * Hands the subscriber its subscription, and the request's JSON if it may be sent; or ends the
     * call ({@code null}).
     */
    private byte[] begin() {
        observer = transport.hooks().observe(transport.service(), action, region, transport.scheduler().nanoTime());
        subscriber.onSubscribe(this);
        byte[] payload;
        try {
            payload = ApiTransport.serialize(action, request, requestWriter, Idempotency.NOT_IDEMPOTENT);
        } catch (IllegalArgumentException e) {
            end(e);
            return null;
        }
        TencentCloudException refused = CallRefusals.beforeSending(transport, action, region, payload, exceptions);
        if (refused == null && transport.isClosed()) {
            refused = CallRefusals.closed(action, false, null, exceptions);
        }
        if (refused != null) {
            end(refused);
            return null;
        }
        return payload;
    }

    private void rateLimited(RateLimiter limiter) {
        end(CallRefusals.rateLimited(action, limiter, exceptions));
    }

    /**
     * Signs and sends the request without blocking, under the request timeout. The rate-limit
     * permit, if any, is held until the answer's headers arrive (the server has counted the request
     * by then), or released at once if nothing is sent.
     */
    private void sendAsync(byte[] payload, RateLimiter.Permit permit) {
        transport.credentialsAsync(action, exceptions).whenComplete((credentials, failure) -> {
            if (failure != null) {
                release(permit);
                end(CredentialsFutures.unwrap(failure));
                return;
            }
            HttpRequest signed = sign(payload, credentials);
            CompletableFuture<HttpResponse<byte[]>> response;
            synchronized (this) {
                if (signed == null || finished) {
                    release(permit);
                    return;
                }
                sending();
                response = transport.httpClient().sendAsync(signed, info -> {
                    release(permit);
                    return bodySubscriber(info);
                });
                sending = response;
            }
            AtomicBoolean timedOut = new AtomicBoolean();
            Scheduler.Timer timeout = transport.scheduler().timeout(transport.requestTimeout(), () -> {
                timedOut.set(true);
                response.cancel(true);
            });
            response.whenComplete((answer, sendFailure) -> {
                timeout.cancel();
                release(permit);
                if (timedOut.get() && sendFailure != null) {
                    end(requestTimeout());
                } else {
                    answered(answer, sendFailure);
                }
            });
        });
    }

    /**
     * Signs and sends the request in this thread, with {@code HttpClient.send}, under the request
     * timeout, which interrupts the thread ({@link TimeoutInterrupter}). The permit is held as by
     * {@link #sendAsync}.
     */
    private void send(byte[] payload, RateLimiter.Permit permit) {
        TimeoutInterrupter interrupter = new TimeoutInterrupter(Thread.currentThread());
        Scheduler.Timer timeout = null;
        try {
            Credentials credentials = transport.credentialsAsync(action, exceptions).get();
            HttpRequest signed = sign(payload, credentials);
            synchronized (this) {
                if (signed == null || finished) {
                    return;
                }
                sending();
            }
            interrupter.startAttempt(1);
            timeout = transport.scheduler().timeout(transport.requestTimeout(), () -> interrupter.attemptTimedOut(1));
            HttpResponse<byte[]> response = transport.httpClient().send(signed, info -> {
                release(permit);
                return bodySubscriber(info);
            });
            answered(response, null);
        } catch (ExecutionException noCredentials) {
            end(CredentialsFutures.unwrap(noCredentials));
        } catch (IOException failure) {
            answered(null, failure);
        } catch (InterruptedException interrupt) {
            if (interrupter.takeInterrupt()) {
                end(requestTimeout());
            } else {
                interrupted(timeout == null ? "for credentials; nothing was sent" : "for the answer; " + action
                        + " may have run", interrupt);
            }
        } finally {
            if (timeout != null) {
                timeout.cancel();
            }
            release(permit);
            interrupter.close();
        }
    }

    /**
     * The request, with the headers the interceptors set before it is signed; or {@code null} after
     * ending the call, if an interceptor failed.
     */
    private HttpRequest sign(byte[] payload, Credentials credentials) {
        Map<String, String> headers;
        try {
            headers = observer.beforeSigning(1, transport, transport.extraHeaders(), exceptions);
        } catch (TencentCloudException refused) {
            end(refused);
            return null;
        }
        return transport.signedRequest(action, region, payload, credentials, headers);
    }

    /** The request goes now; called under the lock. */
    private void sending() {
        attempts = 1;
        sent = transport.scheduler().nanoTime();
    }

    private TencentCloudException requestTimeout() {
        return exceptions.create(TencentCloudException.CLIENT_REQUEST_TIMEOUT, "No answer to " + action
                + " within the request timeout of " + transport.requestTimeout().toMillis() + " ms; " + action
                + " may have run", null, 0, null);
    }

    /**
     * The calling thread was interrupted while the call waited {@code what}: the call ends, and the
     * thread's interrupt flag is set again.
     */
    private void interrupted(String what, InterruptedException interrupt) {
        Thread.currentThread().interrupt();
        end(exceptions.create(TencentCloudException.CLIENT_INTERRUPTED,
                "Interrupted while " + action + " was waiting " + what, null, 0, interrupt));
    }

    private static void release(RateLimiter.Permit permit) {
        if (permit != null) {
            permit.release();
        }
    }

    /**
     * Chooses how to read the body once the headers are in: line by line for an event stream, whole
     * (bounded) for anything else. The body of an event stream is there at once (as {@code null}), so
     * that the exchange completes with its headers and the lines are read as they are asked for.
     */
    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        synchronized (this) {
            status = info.statusCode();
            requestId = info.headers().firstValue("X-TC-RequestId").orElse(null);
        }
        String contentType = info.headers().firstValue("Content-Type").orElse("");
        if (contentType.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM)) {
            observer.answered(info.statusCode(), info.headers(), requestId(), transport.scheduler().nanoTime() - sent,
                    null);
            return new LinesAsTheyCome(HttpResponse.BodySubscribers.fromLineSubscriber(this));
        }
        return BoundedBody.handler(transport.maxResponseBytes()).apply(info);
    }

    /**
     * The lines of an event stream, as a body that is there at once: {@code HttpClient.send} returns
     * (and {@code sendAsync} completes) once the headers are in.
     */
    private static final class LinesAsTheyCome implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<Void> lines;

        LinesAsTheyCome(HttpResponse.BodySubscriber<Void> lines) {
            this.lines = lines;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            lines.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lines.onNext(buffers);
        }

        @Override
        public void onError(Throwable failure) {
            lines.onError(failure);
        }

        @Override
        public void onComplete() {
            lines.onComplete();
        }
    }

    /**
     * The exchange ended: for an event stream its lines were already read, and only a failure matters;
     * any other answer is the one event, or the exception.
     */
    private void answered(HttpResponse<byte[]> response, Throwable failure) {
        if (failure != null) {
            end(networkFailure(CredentialsFutures.unwrap(failure)));
            return;
        }
        byte[] body = response.body();
        if (body == null) {
            return;
        }
        long latency = transport.scheduler().nanoTime() - sent;
        ResponseReader reader =
                new ResponseReader(action, response, transport.maxResponseBytes(), exceptions, transport.logger());
        try {
            T value = reader.read(responseReader);
            observer.answered(response.statusCode(), response.headers(), reader.requestId(), latency, null);
            synchronized (this) {
                ready.add(value);
            }
            end(COMPLETE);
        } catch (TencentCloudException e) {
            observer.answered(response.statusCode(), response.headers(), reader.requestId(), latency, e);
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
        stopIdleTimer();
        ended(new CancellationException("the stream was cancelled"));
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
        stopIdleTimer();
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
        stopIdleTimer();
        ended(how == COMPLETE ? null : how);
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
        Scheduler.Timer timer = transport.scheduler().timeout(idle, () -> idle(generation, idle));
        synchronized (this) {
            idleTimer = timer;
        }
        body.request(1);
    }

    /** Tells the observer, once, how the call ended: {@code null} for its end, or its failure. */
    private void ended(Throwable failure) {
        observer.ended(attempts, failure, transport.scheduler().nanoTime(), () -> exceptions.create(
                TencentCloudException.CLIENT_CANCELLED, "The stream of " + action + " ended before its answer: "
                + (failure instanceof CancellationException ? "the caller cancelled it"
                        : "unexpected " + ResponseReader.describe(failure)), null, 0, failure));
    }

    private void stopIdleTimer() {
        Scheduler.Timer timer;
        synchronized (this) {
            timer = idleTimer;
            idleTimer = null;
        }
        if (timer != null) {
            timer.cancel();
        }
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
}

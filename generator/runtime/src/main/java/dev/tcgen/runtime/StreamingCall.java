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
 * <p>Until an answer arrives, the call is made as any other ({@link CallAttempts} decides, as for
 * blocking and async calls): the action's rate-limit permit, the credentials, the signature, the request,
 * and a retry where the retry policy allows it (a connection that could not be made, an answer turned away
 * before the action ran). A streaming action counts as not idempotent: once its request may have been
 * delivered, it is not sent again (unless {@link RetryPolicy.Builder#retryAllActions(boolean)}). For a
 * publisher's subscriber ({@link #start()}) the permit, the credentials, the backoff and the answer are
 * futures and {@code HttpClient.sendAsync} sends, with no thread waiting; for the blocking
 * {@link EventStream} ({@link #startInThisThread()}) the reader's thread waits for them and
 * {@code HttpClient.send} sends. Either way the lines then arrive from the HTTP client.
 * An answer {@code text/event-stream} is read one line at a time, and only while the subscriber has
 * demand: the next line is asked for when no parsed event is waiting, so a slow subscriber slows the
 * server down (TCP flow control) instead of filling memory. Each event's {@code data} is the action's
 * response object (or {@code {"Response": {...}}} around it); one with an {@code Error} ({@code Code},
 * {@code Message}) ends the stream with the service exception. Any other answer is read like the answer
 * to an ordinary call: the response object, delivered as the only event, or the service exception.
 *
 * <p>The transport's request timeout covers the wait for an event stream's headers only (and the whole
 * of any other answer); while the events arrive, the stream fails with {@code CLIENT_REQUEST_TIMEOUT}
 * when no line arrives for the transport's {@linkplain ApiTransport.Builder#streamIdleTimeout idle
 * timeout} (a comment line, a keep-alive, counts). A stream that has begun is not retried: events already
 * delivered cannot be taken back. Cancelling stops reading and closes the connection.
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

    /** The call's attempts, and the decisions about them; set once the request is serialised. */
    private volatile CallAttempts<T> call;

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

    /** The exchange in flight, cancelled with the stream. */
    private CompletableFuture<HttpResponse<byte[]>> sending;

    /** What an asynchronous call waits for before its stream begins (a permit, a backoff), cancelled with it. */
    private volatile CompletableFuture<?> waitingFor;

    /**
     * Interrupts the reading thread of a blocking call until its stream begins: at its attempt's request
     * timeout, or when the stream is cancelled from another thread.
     */
    private volatile TimeoutInterrupter reader;

    /** The call is ending: its outcome is being recorded, and nothing more is sent. */
    private boolean ending;

    private int status;

    private String requestId;

    /** Whether an event's problems were logged: once per stream, not once per event. */
    private boolean problemsLogged;

    /** When the attempt in flight was sent, on the scheduler's clock. */
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
     * credentials, the backoff and the answer are futures. For {@link EventStream#publisher}.
     */
    void start() {
        if (begin()) {
            attemptAsync();
        }
    }

    /**
     * Hands the subscriber its subscription, then makes the call in this thread until the answer's
     * headers are in: it waits here for the rate-limit permit, the credentials and any backoff, and sends
     * with {@code HttpClient.send}. The events then arrive as they are requested. For
     * {@link EventStream#open}.
     */
    void startInThisThread() {
        if (!begin()) {
            return;
        }
        TimeoutInterrupter interrupter = new TimeoutInterrupter(Thread.currentThread());
        reader = interrupter;
        try {
            while (!isOver()) {
                if (transport.isClosed()) {
                    end(call.closed());
                    return;
                }
                RateLimiter limiter = transport.rateLimiter(action);
                RateLimiter.Permit permit = limiter == null ? null : permitInThisThread(limiter);
                if (limiter != null && permit == null) {
                    return;
                }
                CallAttempts.Outcome<T> retry = send(permit);
                if (retry == null || retry.delay() != null && !backOffInThisThread(retry.delay())) {
                    return;
                }
            }
        } catch (RuntimeException | Error unexpected) {
            end(unexpected);
        } finally {
            reader = null;
            interrupter.close();
        }
    }

    /**
     * Serialises the request and hands the subscriber its subscription; whether the call may go on (it
     * ended otherwise: a request that cannot be serialised or that is refused before sending, or a
     * subscriber that cancelled at once).
     */
    private boolean begin() {
        byte[] payload;
        try {
            payload = ApiTransport.serialize(action, request, requestWriter, Idempotency.NOT_IDEMPOTENT);
        } catch (IllegalArgumentException e) {
            subscriber.onSubscribe(this);
            end(e);
            return false;
        }
        call = new CallAttempts<>(transport, action, Idempotency.NOT_IDEMPOTENT, region, payload, responseReader,
                exceptions);
        subscriber.onSubscribe(this);
        TencentCloudException refused = call.refused();
        if (refused != null) {
            end(refused);
            return false;
        }
        return !isOver();
    }

    private synchronized boolean isOver() {
        return finished || ending || terminal != null;
    }

    /**
     * The call waits for {@code pending} now (asynchronously, before its stream begins); it is stopped at
     * once if the call has ended meanwhile.
     */
    private void waitFor(CompletableFuture<?> pending) {
        waitingFor = pending;
        if (isOver()) {
            pending.cancel(true);
        }
    }

    /**
     * A wait of the reading thread ended with {@code interrupt}: the stream was cancelled (the call is
     * over), or the caller interrupted the thread, which ends the call.
     */
    private void stopped(InterruptedException interrupt) {
        if (!reader.takeInterrupt()) {
            interrupted(interrupt);
        }
    }

    /** Runs a step of an asynchronous call; anything it throws unexpectedly ends the call. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error unexpected) {
            end(unexpected);
        }
    }

    /** Gets a rate-limit permit for the next attempt without blocking, then sends it. */
    private void attemptAsync() {
        if (isOver()) {
            return;
        }
        if (transport.isClosed()) {
            end(call.closed());
            return;
        }
        RateLimiter limiter = transport.rateLimiter(action);
        if (limiter == null) {
            sendAsync(null);
        } else if (transport.rateLimitMode() == RateLimitMode.WAIT) {
            call.acquirePermit(limiter, this::waitFor, (granted, failure) -> guarded(() -> {
                if (failure != null) {
                    end(CredentialsFutures.unwrap(failure));
                } else {
                    sendAsync(granted);
                }
            }));
        } else {
            limiter.tryAcquire().ifPresentOrElse(this::sendAsync, () -> end(call.rateLimited(limiter)));
        }
    }

    /**
     * The rate-limit permit for the next attempt, waited for in this thread; or {@code null} after
     * ending the call (no permit free and the transport fails fast, or the thread was interrupted).
     */
    private RateLimiter.Permit permitInThisThread(RateLimiter limiter) {
        if (transport.rateLimitMode() != RateLimitMode.WAIT) {
            Optional<RateLimiter.Permit> free = limiter.tryAcquire();
            if (free.isEmpty()) {
                end(call.rateLimited(limiter));
            }
            return free.orElse(null);
        }
        try {
            return call.awaitPermit(limiter);
        } catch (InterruptedException interrupt) {
            stopped(interrupt);
            return null;
        }
    }

    /**
     * Gets the credentials of one attempt without blocking, then signs and sends it under the request
     * timeout; a retry follows its backoff. The rate-limit permit, if any, is held until the answer's
     * headers arrive (the server has counted the request by then), or released at once if nothing is sent.
     */
    private void sendAsync(RateLimiter.Permit permit) {
        call.waitingForCredentials();
        transport.credentialsAsync(action, exceptions).whenComplete((credentials, failure) -> guarded(() -> {
            boolean handedOver = false;
            try {
                handedOver = failure == null && signAndSendAsync(permit, credentials);
            } finally {
                if (!handedOver) {
                    release(permit);
                }
            }
            if (failure != null) {
                end(CredentialsFutures.unwrap(failure));
            }
        }));
    }

    /**
     * Signs and sends one attempt, unless the call is over; whether it was handed to the HTTP client,
     * which then holds the permit until the answer's headers or the end of the exchange.
     */
    private boolean signAndSendAsync(RateLimiter.Permit permit, Credentials credentials) {
        if (isOver()) {
            return false;
        }
        HttpRequest signed = sign(credentials);
        CompletableFuture<HttpResponse<byte[]>> response;
        synchronized (this) {
            if (signed == null || isOver()) {
                return false;
            }
            sent = transport.scheduler().nanoTime();
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
        response.whenComplete((answer, sendFailure) -> guarded(() -> {
            timeout.cancel();
            release(permit);
            CallAttempts.Outcome<T> retry = outcome(answer, sendFailure, timedOut.get() && sendFailure != null);
            if (retry != null) {
                backOffAsync(retry.delay());
            }
        }));
        return true;
    }

    /** Makes the next attempt after {@code delay} ({@code null}: at once), without blocking. */
    private void backOffAsync(Duration delay) {
        if (delay == null) {
            attemptAsync();
            return;
        }
        long from = transport.scheduler().nanoTime();
        CompletableFuture<Void> backoff = transport.scheduler().delay(delay);
        waitFor(backoff);
        backoff.whenComplete((ignored, timerFailure) -> guarded(() -> {
            call.backedOff(transport.scheduler().nanoTime() - from);
            attemptAsync();
        }));
    }

    /**
     * Signs and sends one attempt in this thread, with {@code HttpClient.send}, under the request
     * timeout, which interrupts the thread ({@link TimeoutInterrupter}); the permit is held as by
     * {@link #sendAsync}.
     *
     * @return the retry to make, or {@code null} when the call has ended or its events are under way
     */
    private CallAttempts.Outcome<T> send(RateLimiter.Permit permit) {
        TimeoutInterrupter interrupter = reader;
        Scheduler.Timer timeout = null;
        HttpResponse<byte[]> response = null;
        Throwable failure = null;
        try {
            call.waitingForCredentials();
            Credentials credentials = transport.credentialsAsync(action, exceptions).get();
            if (isOver()) {
                return null;
            }
            HttpRequest signed = sign(credentials);
            synchronized (this) {
                if (signed == null || isOver()) {
                    return null;
                }
                sent = transport.scheduler().nanoTime();
            }
            int attempt = call.attempts();
            interrupter.startAttempt(attempt);
            timeout = transport.scheduler().timeout(transport.requestTimeout(),
                    () -> interrupter.attemptTimedOut(attempt));
            response = transport.httpClient().send(signed, info -> {
                release(permit);
                return bodySubscriber(info);
            });
        } catch (ExecutionException noCredentials) {
            end(CredentialsFutures.unwrap(noCredentials));
            return null;
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException interrupt) {
            if (!interrupter.takeInterrupt()) {
                interrupted(interrupt);
                return null;
            }
            failure = interrupt;
        } finally {
            if (timeout != null) {
                timeout.cancel();
            }
            release(permit);
        }
        boolean timedOut = interrupter.endAttempt();
        return outcome(response, failure, timedOut);
    }

    /** Waits {@code delay} in this thread before the next attempt; whether the call goes on. */
    private boolean backOffInThisThread(Duration delay) {
        long from = transport.scheduler().nanoTime();
        try {
            transport.scheduler().sleep(delay);
            return true;
        } catch (InterruptedException interrupt) {
            stopped(interrupt);
            return false;
        } finally {
            call.backedOff(transport.scheduler().nanoTime() - from);
        }
    }

    /**
     * What the end of an exchange means: for an event stream, nothing yet (its lines are read as they
     * are asked for); for any other answer, the one event or the exception; for no answer, the failure
     * that names what happened.
     *
     * @param timedOut whether the request timeout ended the exchange
     * @return the retry to make, or {@code null} when the call has ended or its events are under way
     */
    private CallAttempts.Outcome<T> outcome(HttpResponse<byte[]> response, Throwable failure, boolean timedOut) {
        if (isOver()) {
            return null;
        }
        long latency = transport.scheduler().nanoTime() - sent;
        CallAttempts.Outcome<T> outcome;
        if (failure != null) {
            Throwable cause = CredentialsFutures.unwrap(failure);
            if (!timedOut && !(cause instanceof IOException)) {
                end(cause);
                return null;
            }
            outcome = call.noAnswer(cause, timedOut, latency);
        } else if (response.body() == null) {
            return null;
        } else {
            outcome = call.answered(response, latency);
        }
        if (outcome.failure() != null) {
            end(outcome.failure());
        } else if (outcome.retry()) {
            return outcome;
        } else {
            synchronized (this) {
                ready.add(outcome.value());
            }
            end(COMPLETE);
        }
        return null;
    }

    /**
     * The request, with the headers the interceptors set before it is signed; or {@code null} after
     * ending the call, if an interceptor failed.
     */
    private HttpRequest sign(Credentials credentials) {
        try {
            return call.sign(credentials);
        } catch (TencentCloudException refused) {
            end(refused);
            return null;
        }
    }

    /**
     * The reading thread of an {@link EventStream} was interrupted while it waited for the next event:
     * the call ends with {@code CLIENT_INTERRUPTED}, its attempts and whether the action may have run
     * recorded, and that failure is returned to be thrown.
     */
    TencentCloudException readerInterrupted(InterruptedException interrupt) {
        // call is set: a request that cannot be serialised ends the stream before any wait for an event.
        TencentCloudException failure = call.interrupted(interrupt);
        end(failure);
        return failure;
    }

    /**
     * The calling thread was interrupted while the call waited: the call ends, and the thread's
     * interrupt flag is set again.
     */
    private void interrupted(InterruptedException interrupt) {
        Thread.currentThread().interrupt();
        end(call.interrupted(interrupt));
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
            call.answeredWithEvents(info.statusCode(), info.headers(), requestId(),
                    transport.scheduler().nanoTime() - sent);
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
        CompletableFuture<?> waiting = waitingFor;
        if (waiting != null) {
            waiting.cancel(true);
        }
        TimeoutInterrupter thread = reader;
        if (thread != null) {
            thread.cancelled();
        }
        stopIdleTimer();
        told(new CancellationException("the stream was cancelled"));
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
        }
        stopIdleTimer();
        synchronized (this) {
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

    /**
     * An event that is not what the action answers. Its data is quoted only when it is not JSON: the
     * members of an API answer may be secrets.
     */
    private TencentCloudException invalid(String problem, SseParser.Event event, Throwable cause) {
        byte[] data = event.data().getBytes(StandardCharsets.UTF_8);
        return exceptions.create(TencentCloudException.CLIENT_INVALID_RESPONSE, "The event stream of " + action
                + " has " + problem + (ResponseReader.looksLikeJson(data) ? "" : ": " + ResponseReader.snippet(data)),
                requestId(), status(), cause);
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
        synchronized (this) {
            if (terminal != null || finished || ending) {
                return;
            }
            ending = true;
        }
        told(how == COMPLETE ? null : how);
        Flow.Subscription body = null;
        synchronized (this) {
            terminal = how;
            if (how != COMPLETE) {
                body = lines;
            }
        }
        release(body, null);
        stopIdleTimer();
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

    /**
     * Ends the call's attempts, once: its metrics and interceptors learn how it ended ({@code null}: at
     * the end of its events), and a failure is logged at DEBUG.
     */
    private void told(Throwable failure) {
        CallAttempts<T> attempts = call;
        if (attempts != null) {
            attempts.end(failure);
        }
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

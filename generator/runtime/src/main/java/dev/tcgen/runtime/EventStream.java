package dev.tcgen.runtime;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The answer of a streaming action (Server-Sent Events), for blocking code: its events, each read into
 * the action's response class, as an iterator that must be closed.
 *
 * <pre>{@code
 * try (EventStream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(request)) {
 *     while (events.hasNext()) {
 *         TextToSpeechSSEResponse event = events.next();   // waits for the next event
 *     }
 * }
 * }</pre>
 *
 * <p>The first {@link #hasNext()} makes the call in the reading thread, as a blocking call does: it
 * waits there for the rate-limit permit and sends with {@code HttpClient.send}, retrying as the retry
 * policy allows until the stream begins (a stream closed before sends nothing). {@link #hasNext()}
 * waits for the next event: it asks for one event at a time, so the server is read no faster than the
 * events are used. An error event, or an error answer, is thrown by
 * {@code hasNext()} as the service exception, after the events before it; so is a broken connection
 * ({@code CLIENT_CONNECTION_LOST}) or a stream idle for longer than the transport's idle timeout
 * ({@code CLIENT_REQUEST_TIMEOUT}). When the
 * action answers with plain JSON instead of a stream (streaming was not asked for), that answer is the
 * one event. {@link #close()} stops reading and closes the connection; closing a stream read to its
 * end does nothing more. Not thread-safe: one thread reads a stream; {@code close()} may come from any.
 *
 * @param <T> the response type, which every event is read into
 */
public final class EventStream<T> implements Iterator<T>, AutoCloseable {

    private static final Object END = new Object();

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private final String action;

    private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();

    private volatile Flow.Subscription subscription;

    private volatile boolean closed;

    /** Makes the call, at the first {@link #hasNext()}; then {@code null}. */
    private Runnable call;

    /** The call, once made. */
    private StreamingCall<?, T> streaming;

    private Object next;

    private boolean requested;

    private boolean done;

    private EventStream(String action, ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        this.action = action;
        this.exceptions = exceptions;
    }

    /**
     * A streaming action's events, for blocking code; the first {@link #hasNext()} makes the call, in its
     * thread, and waits for its answer. Used by the generated clients' {@code ...Stream} methods.
     *
     * @param <Q> the request type
     * @param <T> the response type
     * @param <E> the service's exception type
     * @param transport the transport to send with
     * @param action the action, sent as {@code X-TC-Action}
     * @param region the region, sent as {@code X-TC-Region}; or {@code null}
     * @param request the request object
     * @param requestWriter writes the request's members
     * @param responseReader reads each event's response object
     * @param exceptions makes the service's exception
     * @return the open stream; close it
     */
    public static <Q, T, E extends TencentCloudException> EventStream<T> open(ApiTransport transport, String action,
            String region, Q request, JsonWriter.ObjectWriter<? super Q> requestWriter,
            JsonReader.ObjectReader<T> responseReader, ServiceExceptionFactory<E> exceptions) {
        requireArguments(transport, action, request, requestWriter, responseReader, exceptions);
        EventStream<T> stream = new EventStream<>(action, exceptions);
        stream.call = () -> {
            stream.streaming = new StreamingCall<>(transport, action, region, request, requestWriter,
                    responseReader, exceptions, stream.new Receiver());
            stream.streaming.startInThisThread();
        };
        return stream;
    }

    /**
     * A streaming action for asynchronous code: each subscriber makes one call, and receives its events
     * as it requests them ({@code request(n)}), then {@code onComplete}, or {@code onError} with the
     * service exception. No thread waits; {@code cancel()} stops reading and closes the connection.
     * Used by the generated clients' {@code ...Publisher} methods.
     *
     * @param <Q> the request type
     * @param <T> the response type
     * @param <E> the service's exception type
     * @param transport the transport to send with
     * @param action the action, sent as {@code X-TC-Action}
     * @param region the region, sent as {@code X-TC-Region}; or {@code null}
     * @param request the request object
     * @param requestWriter writes the request's members
     * @param responseReader reads each event's response object
     * @param exceptions makes the service's exception
     * @return a publisher that calls the action once per subscriber
     */
    public static <Q, T, E extends TencentCloudException> Flow.Publisher<T> publisher(ApiTransport transport,
            String action, String region, Q request, JsonWriter.ObjectWriter<? super Q> requestWriter,
            JsonReader.ObjectReader<T> responseReader, ServiceExceptionFactory<E> exceptions) {
        requireArguments(transport, action, request, requestWriter, responseReader, exceptions);
        return subscriber -> new StreamingCall<>(transport, action, region, request, requestWriter, responseReader,
                exceptions, Objects.requireNonNull(subscriber, "subscriber")).start();
    }

    private static void requireArguments(ApiTransport transport, String action, Object request,
            JsonWriter.ObjectWriter<?> requestWriter, JsonReader.ObjectReader<?> responseReader,
            ServiceExceptionFactory<?> exceptions) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestWriter, "requestWriter");
        Objects.requireNonNull(responseReader, "responseReader");
        Objects.requireNonNull(exceptions, "exceptions");
    }

    /**
     * Whether there is another event: waits for it, or for the end of the stream.
     *
     * @return {@code true} if {@link #next()} has an event
     * @throws TencentCloudException (the service's) for an error event or answer, a broken or idle
     *     stream, or {@code CLIENT_INTERRUPTED} if the thread is interrupted (the stream is closed then,
     *     and the thread's interrupt flag set again)
     */
    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done || closed) {
            done = true;
            return false;
        }
        if (call != null) {
            Runnable start = call;
            call = null;
            start.run();
        }
        if (!requested) {
            requested = true;
            subscription.request(1);
        }
        Object signal = signals.poll();
        try {
            if (signal == null) {
                signal = signals.take();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            TencentCloudException failure = streaming.readerInterrupted(interrupted);
            close();
            throw failure;
        }
        requested = false;
        if (signal == END || closed) {
            done = true;
            return false;
        }
        if (signal instanceof Throwable) {
            done = true;
            throw ApiTransport.rethrown((Throwable) signal, exceptions);
        }
        next = signal;
        return true;
    }

    /**
     * The next event; waits for it.
     *
     * @return the event
     * @throws NoSuchElementException at the end of the stream
     * @throws TencentCloudException as {@link #hasNext()} does
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the event stream of " + action + " has ended");
        }
        @SuppressWarnings("unchecked")
        T event = (T) next;
        next = null;
        return event;
    }

    /**
     * The remaining events as a sequential {@code Stream}; closing it closes this event stream.
     *
     * <pre>{@code
     * try (Stream<TextToSpeechSSEResponse> events = client.textToSpeechSSEStream(request).stream()) {
     *     events.limit(3).forEach(event -> ...);
     * }
     * }</pre>
     *
     * @return the events
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /**
     * Stops reading and closes the connection (a stream read to its end has released it already).
     * Later {@link #hasNext()} calls return {@code false}. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        signals.add(END);
    }

    /** Receives the events of the call, one requested at a time. */
    private final class Receiver implements Flow.Subscriber<T> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(T item) {
            signals.add(item);
        }

        @Override
        public void onError(Throwable failure) {
            signals.add(failure);
        }

        @Override
        public void onComplete() {
            signals.add(END);
        }
    }
}

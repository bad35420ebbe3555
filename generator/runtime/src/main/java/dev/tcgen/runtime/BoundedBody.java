package dev.tcgen.runtime;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body of at most {@code limit} bytes. Past the limit it keeps one byte
 * more, cancels the rest of the body and completes, so the reader can see that the body was
 * too large ({@code length > limit}) and report it with the start of the body. A body with a
 * {@code Content-Length} within the limit is read into one array of that size, not copied again.
 * Flow signals arrive one at a time, so the fields need no lock.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The first array of a body of unknown length. */
    private static final int INITIAL_CAPACITY = 1024;

    private final int limit;

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();

    private byte[] bytes;

    private int size;

    private Flow.Subscription subscription;

    private BoundedBody(int limit, long contentLength) {
        this.limit = limit;
        this.bytes = new byte[contentLength >= 0 && contentLength <= limit ? (int) contentLength
                : Math.min(INITIAL_CAPACITY, limit + 1)];
    }

    /**
     * A body handler that collects at most {@code limit} bytes (plus one, to tell).
     */
    static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return info -> new BoundedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), limit + 1 - size);
            if (size + take > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit + 1L, Math.max(size + take, 2L * bytes.length)));
            }
            buffer.get(bytes, size, take);
            size += take;
            if (size > limit) {
                subscription.cancel();
                body.complete(collected());
                return;
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(collected());
    }

    private byte[] collected() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}

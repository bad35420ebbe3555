package dev.tcgen.runtime;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body of at most {@code limit} bytes. Past the limit it keeps one byte
 * more, cancels the rest of the body and completes, so the reader can see that the body was
 * too large ({@code length > limit}) and report it with the start of the body. Flow signals
 * arrive one at a time, so the fields need no lock.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();

    private Flow.Subscription subscription;

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    /**
     * A body handler that collects at most {@code limit} bytes (plus one, to tell).
     */
    static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return info -> new BoundedBody(limit);
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
            int take = Math.min(buffer.remaining(), limit + 1 - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
            if (bytes.size() > limit) {
                subscription.cancel();
                body.complete(bytes.toByteArray());
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
        body.complete(bytes.toByteArray());
    }
}

package dev.tcgen.runtime;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} that answers from a script, in memory: no socket, no thread, so a transport given it runs on
 * virtual time alone. {@code send} answers (or throws) at once; {@code sendAsync} completes at once, except for
 * {@link Answer#silence()}, which never answers ({@code send} waits until interrupted). Every request is recorded with
 * its body. The body is handed to the transport's own body handler, as the JDK's client does.
 */
final class ScriptedHttpClient extends HttpClient {

    /** One request as it was sent: its headers and body. */
    record Sent(HttpRequest request, byte[] body) {
        String header(String name) {
            return request.headers().firstValue(name).orElse(null);
        }
    }

    /** What the script answers: a status, headers and body; a failure to throw; or nothing at all. */
    record Answer(int status, Map<String, List<String>> headers, String body, IOException failure, boolean silent) {
        static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", List.of("application/json")), body, null, false);
        }

        static Answer response(String requestId) {
            return json("{\"Response\":{\"RequestId\":\"" + requestId + "\"}}");
        }

        static Answer error(String code, String requestId) {
            return json("{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"m\"},\"RequestId\":\""
                    + requestId + "\"}}");
        }

        static Answer failure(IOException failure) {
            return new Answer(0, Map.of(), "", failure, false);
        }

        static Answer silence() {
            return new Answer(0, Map.of(), "", null, true);
        }
    }

    private final Function<Sent, Answer> script;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    ScriptedHttpClient(Function<Sent, Answer> script) {
        this.script = script;
    }

    /** The requests sent so far, in order. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Answer answer = answer(request);
        if (answer.silent()) {
            new CountDownLatch(1).await();
        }
        if (answer.failure() != null) {
            throw answer.failure();
        }
        return response(request, answer, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Answer answer = answer(request);
        if (answer.silent()) {
            return new CompletableFuture<>();
        }
        if (answer.failure() != null) {
            return CompletableFuture.failedFuture(answer.failure());
        }
        return CompletableFuture.completedFuture(response(request, answer, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    private Answer answer(HttpRequest request) {
        Sent one = new Sent(request, body(request));
        sent.add(one);
        return script.apply(one);
    }

    /** The answer's body through the transport's body handler. */
    private static <T> HttpResponse<T> response(HttpRequest request, Answer answer, HttpResponse.BodyHandler<T> handler) {
        HttpHeaders headers = HttpHeaders.of(answer.headers(), (name, value) -> true);
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return answer.status();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8))));
        subscriber.onComplete();
        T body = subscriber.getBody().toCompletableFuture().join();
        return new Response<>(answer.status(), request, headers, body);
    }

    private record Response<T>(int statusCode, HttpRequest request, HttpHeaders headers, T body)
            implements HttpResponse<T> {
        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    /** The bytes a request's body publisher gives. */
    private static byte[] body(HttpRequest request) {
        List<ByteBuffer> buffers = new ArrayList<>();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                buffers.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new IllegalStateException(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        buffers.forEach(all::put);
        return all.array();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return null;
    }

    @Override
    public SSLParameters sslParameters() {
        return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}

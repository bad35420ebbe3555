package dev.tcgen.runtime;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * Sends Tencent Cloud API 3.0 calls: the one piece of HTTP the generated clients share.
 *
 * <p>Every call is an HTTPS {@code POST} of a JSON body to the service's endpoint. The action,
 * API version, time and region travel in {@code X-TC-*} headers and a TC3-HMAC-SHA256
 * signature ({@link Tc3Signer}) in {@code Authorization}. The answer is always
 * {@code {"Response": {..., "RequestId": "..."}}}; a failed call has an
 * {@code "Error": {"Code": ..., "Message": ...}} inside {@code Response}, usually with
 * HTTP status 200. {@link #call} turns that into the response object or the service's
 * exception; {@link #callAsync} does the same without blocking.
 *
 * <p>Around each call the transport applies, in this order:
 * <ol>
 *   <li>the check of the call's region against the regions its action's documentation lists, if
 *       it lists any ({@link Builder#actionRegions}, {@link Builder#checkRegions});</li>
 *   <li>the action's client-side rate limit ({@link RateLimiter}, {@link RateLimitMode});</li>
 *   <li>signing with the provider's current credentials and the current time, afresh for
 *       every attempt;</li>
 *   <li>the request timeout, for each attempt, until the whole answer has arrived;</li>
 *   <li>retries of transient failures with exponential backoff and jitter
 *       ({@link RetryPolicy}), of a failure after which the action may have run only if the
 *       action is safe to repeat ({@link Idempotency});</li>
 *   <li>the call timeout, if set: a deadline for the whole call;</li>
 *   <li>logging through {@code System.Logger}: each successful attempt at DEBUG, a failed
 *       attempt that is retried at WARNING, the failure the caller receives at DEBUG only (it is
 *       the caller's to log);</li>
 *   <li>its {@link Interceptor}s around each attempt, and its {@link MetricsListener}s once the
 *       call has ended.</li>
 * </ol>
 *
 * <pre>{@code
 * ApiTransport transport = ApiTransport.builder()
 *         .service("cvm")
 *         .version("2017-03-12")
 *         .endpoint(URI.create("https://cvm.tencentcloudapi.com"))
 *         .credentials(Credentials.of(secretId, secretKey))
 *         .rateLimit("DescribeInstances", 40)
 *         .build();
 * }</pre>
 *
 * <p>Generated clients build and own their transport; use it directly only for an action the
 * client does not have. A transport is thread-safe and meant to be shared: create one per
 * client, not per call, and {@link #close()} it when done. Failures are always a
 * {@link TencentCloudException} (as the service's subclass): API errors with Tencent Cloud's
 * code, and client-side failures with one of its {@code CLIENT_*} codes, all
 * {@code ClientError.*}. Neither messages, logs nor {@link #toString()} ever contain the secret
 * key, the token or the signature, and text from the server is quoted with its line breaks and
 * control characters escaped.
 */
public final class ApiTransport implements AutoCloseable {
    /**
     * The {@code Content-Type} of every request; it is signed, so it is sent exactly so.
     */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /**
     * How long the default HTTP client waits to connect: 5 seconds.
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How long each attempt of a call waits for its response: 30 seconds.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The {@code User-Agent}: the generator and its version.
     */
    public static final String DEFAULT_USER_AGENT = "tcgen/" + RuntimeVersion.VERSION;

    /**
     * The largest response body read by default: 16 MiB. A larger one is an invalid response.
     */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /**
     * The largest request body Tencent Cloud API 3.0 accepts: 10 MB of JSON. A larger request
     * fails with {@code ClientError.RequestTooLarge} before anything is sent.
     */
    public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    /**
     * The most threads of a transport's default HTTP client: twice the processors, at least 4.
     * They run the HTTP client's work and the steps of the calls, not a thread per call.
     */
    public static final int HTTP_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /**
     * How long a thread of the default HTTP client lives without work: 5 seconds.
     */
    public static final Duration HTTP_THREAD_IDLE = Duration.ofSeconds(5);

    /**
     * How long an event stream may send nothing before it fails: 60 seconds.
     */
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final String service;

    private final String version;

    private final URI endpoint;

    private final String host;

    private final CredentialsProvider credentials;

    private final String language;

    private final HttpClient httpClient;

    private final boolean ownsHttpClient;

    private final Duration requestTimeout;

    private final Duration callTimeout;

    private final String userAgent;

    private final int maxResponseBytes;

    private final Scheduler scheduler;

    private final RetryPolicy retryPolicy;

    private final RateLimitMode rateLimitMode;

    private final Map<String, RateLimiter> rateLimiters;

    private final System.Logger logger;

    private final ClockSkew clockSkew;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Duration streamIdleTimeout;

    /** The transport this one was made from by {@link #with}, or {@code null}. */
    private final ApiTransport parent;

    /** Headers added to every request: the {@link CallOptions}' headers. */
    private final Map<String, String> extraHeaders;

    /** The signing key of the last signature, for the next one. */
    private final Tc3Signer.SigningKeys signingKeys;

    /** The interceptors and metrics listeners of every call. */
    private final CallHooks hooks;

    /** The regions of the actions that list them, checked before a call is sent; {@code NONE} when unchecked. */
    private final ActionRegions actionRegions;

    private ApiTransport(Builder builder) {
        this.service = builder.service;
        this.version = builder.version;
        this.endpoint = builder.endpoint;
        this.host = hostHeader(builder.endpoint);
        this.credentials = builder.credentials != null ? builder.credentials
                : CredentialsProviderChain.defaultChain();
        this.language = builder.language;
        this.ownsHttpClient = builder.httpClient == null;
        this.httpClient = ownsHttpClient ? defaultHttpClient(builder) : builder.httpClient;
        this.requestTimeout = builder.requestTimeout;
        this.callTimeout = builder.callTimeout;
        this.userAgent = builder.userAgent;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.scheduler = builder.scheduler;
        this.retryPolicy = builder.retryPolicy;
        this.rateLimitMode = builder.rateLimitMode;
        this.rateLimiters = rateLimiters(builder);
        this.logger = builder.logger != null ? builder.logger
                : System.getLogger(ApiTransport.class.getName());
        this.clockSkew = new ClockSkew(scheduler, logger);
        this.streamIdleTimeout = builder.streamIdleTimeout;
        this.parent = null;
        this.extraHeaders = Map.of();
        this.signingKeys = new Tc3Signer.SigningKeys();
        this.hooks = CallHooks.of(builder.interceptors, builder.metricsListeners, logger);
        this.actionRegions = builder.checkRegions ? builder.actionRegions : ActionRegions.NONE;
    }

    /** A transport for calls with {@code options}, sharing everything else with {@code parent}. */
    private ApiTransport(ApiTransport parent, CallOptions options) {
        this.service = parent.service;
        this.version = parent.version;
        this.endpoint = parent.endpoint;
        this.host = parent.host;
        this.credentials = options.credentials().orElse(parent.credentials);
        this.language = parent.language;
        this.httpClient = parent.httpClient;
        this.ownsHttpClient = false;
        this.requestTimeout = options.requestTimeout().orElse(parent.requestTimeout);
        this.callTimeout = options.callTimeout().orElse(parent.callTimeout);
        this.userAgent = parent.userAgent;
        this.maxResponseBytes = parent.maxResponseBytes;
        this.scheduler = parent.scheduler;
        this.retryPolicy = options.retryPolicy().orElse(parent.retryPolicy);
        this.rateLimitMode = parent.rateLimitMode;
        this.rateLimiters = parent.rateLimiters;
        this.logger = parent.logger;
        this.clockSkew = parent.clockSkew;
        this.streamIdleTimeout = parent.streamIdleTimeout;
        this.parent = parent;
        this.signingKeys = options.credentials().isPresent() ? new Tc3Signer.SigningKeys() : parent.signingKeys;
        this.hooks = parent.hooks.with(options.interceptors(), options.metricsListeners());
        this.actionRegions = parent.actionRegions;
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(parent.extraHeaders);
        headers.putAll(options.headers());
        this.extraHeaders = Collections.unmodifiableMap(headers);
    }

    /**
     * This transport for some calls with other settings: the options' headers are added to every
     * request, their timeouts, credentials and retry policy replace this transport's, and their
     * interceptors and metrics listeners come after this transport's. Everything else is shared: the HTTP client and its connections, the rate limits (its calls count against
     * the same limiters), the scheduler, the clock correction and the logger. It costs one small
     * object. Closing this transport closes both; closing the returned one stops only its own calls
     * and never closes the HTTP client.
     *
     * <pre>{@code
     * transport.with(CallOptions.builder().header("X-Trace", traceId).build())
     *         .call("DescribeInstances", ...);
     * }</pre>
     *
     * @param options the options; a header set here and on this transport's options takes the new value
     * @return a transport for calls with those options
     */
    public ApiTransport with(CallOptions options) {
        return new ApiTransport(this, Objects.requireNonNull(options, "options"));
    }

    /**
     * Starts a transport. The service, version and endpoint are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The service name that requests are signed for, e.g.
     * {@code trtc}.
     *
     * @return the service name
     */
    public String service() {
        return service;
    }

    /**
     * The API version sent as {@code X-TC-Version}, e.g.
     * {@code 2019-07-22}.
     *
     * @return the API version
     */
    public String version() {
        return version;
    }

    /**
     * The URI requests are posted to, normalised to
     * {@code scheme://host[:port]/} with a lowercase host and no default port.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The {@code Host} header the JDK sends for the endpoint,
     * which the signature covers: the host, plus {@code :port} when the port is not the
     * scheme's default.
     *
     * @return the signed host
     */
    public String host() {
        return host;
    }

    /**
     * Which failures are retried, and how.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * What a call does when its action's rate limit is reached.
     *
     * @return the mode
     */
    public RateLimitMode rateLimitMode() {
        return rateLimitMode;
    }

    /**
     * The client-side rate limits in force, in requests per second by action; empty when
     * the mode is {@link RateLimitMode#OFF}.
     *
     * @return an immutable map, sorted by action
     */
    public Map<String, Integer> rateLimits() {
        Map<String, Integer> limits = new TreeMap<>();
        rateLimiters.forEach((action, limiter) -> limits.put(action, limiter.permitsPerSecond()));
        return Collections.unmodifiableMap(limits);
    }

    /**
     * Calls one API action and returns its response.
     *
     * <p>The call is made in the calling thread, with {@code HttpClient.send}: it waits for a
     * rate-limit permit and before a retry in this thread too ({@link Scheduler#sleep}), and
     * returns when the response arrives or the call fails (after its retries, at its deadline,
     * or when the thread is interrupted). It applies the same limits, retries, timeouts and
     * logging as {@link #callAsync}, which fails with the same exceptions.
     *
     * @param <Q> the request type
     * @param <T> the response type
     * @param <E> the service's exception type
     * @param action the action, e.g. {@code DescribeInstances}, sent as {@code X-TC-Action}
     * @param idempotency whether the action may be sent again after a failure that may have
     *     delivered it, e.g. {@code Idempotency.byName(action)}
     * @param region the region, e.g. {@code ap-guangzhou}, sent as {@code X-TC-Region}; or
     *     {@code null} for actions that take none
     * @param request the request object
     * @param requestWriter writes the request's members, e.g. {@code DescribeInstancesRequest::writeJson}
     * @param responseReader reads the {@code Response} object, e.g. {@code DescribeInstancesResponse::readJson}
     * @param exceptions makes the service's exception, e.g. {@code TrtcException::new}
     * @return the response
     * @throws TencentCloudException as made by {@code exceptions}: with the API's code when
     *     the API answered with an error, or with one of the {@code CLIENT_*} codes when the
     *     call could not be completed ({@code CLIENT_INTERRUPTED} if the thread was
     *     interrupted, its interrupt flag set again)
     * @throws IllegalArgumentException if the request cannot be serialised
     */
    public <Q, T, E extends TencentCloudException> T call(String action, Idempotency idempotency, String region,
            Q request, JsonWriter.ObjectWriter<? super Q> requestWriter, JsonReader.ObjectReader<T> responseReader,
            ServiceExceptionFactory<E> exceptions) {
        return new BlockingCall<>(newCall(action, idempotency, region, request, requestWriter, responseReader,
                exceptions)).run();
    }

    /**
     * Calls one API action without blocking: the future completes with the response, or
     * exceptionally with the service's exception.
     *
     * <p>No thread waits on the caller's behalf: the request goes out through
     * {@code HttpClient.sendAsync}, and a wait for a rate-limit permit or before a retry is
     * a timer of the {@link Scheduler}. The future's dependent actions run on the HTTP
     * client's executor or the common fork-join pool: keep them short, or use the
     * {@code ...Async} variants with an executor of your own. Cancelling the future stops
     * the call and aborts the attempt in flight; a request already sent may still take effect.
     *
     * <pre>{@code
     * transport.callAsync("DescribeInstances", Idempotency.IDEMPOTENT, "ap-guangzhou", request,
     *                 DescribeInstancesRequest::writeJson, DescribeInstancesResponse::readJson, CvmException::new)
     *         .thenAccept(response -> ...)
     *         .exceptionally(failure -> ...);   // failure is the CvmException
     * }</pre>
     *
     * @param <Q> the request type
     * @param <T> the response type
     * @param <E> the service's exception type
     * @param action the action, sent as {@code X-TC-Action}
     * @param idempotency whether the action may be sent again after a failure that may have
     *     delivered it; for {@link Idempotency#CLIENT_TOKEN} an empty {@code ClientToken} of the
     *     request is filled with a fresh UUID, the same for every attempt
     * @param region the region, sent as {@code X-TC-Region}; or {@code null}
     * @param request the request object
     * @param requestWriter writes the request's members
     * @param responseReader reads the {@code Response} object
     * @param exceptions makes the service's exception
     * @return the future response
     * @throws IllegalArgumentException if the request cannot be serialised
     */
    public <Q, T, E extends TencentCloudException> CompletableFuture<T> callAsync(String action,
            Idempotency idempotency, String region, Q request, JsonWriter.ObjectWriter<? super Q> requestWriter,
            JsonReader.ObjectReader<T> responseReader, ServiceExceptionFactory<E> exceptions) {
        return new AsyncCall<>(newCall(action, idempotency, region, request, requestWriter, responseReader,
                exceptions)).start();
    }

    /**
     * A call of {@code action} with the request serialised, for either flow.
     */
    private <Q, T> CallAttempts<T> newCall(String action, Idempotency idempotency, String region, Q request,
            JsonWriter.ObjectWriter<? super Q> requestWriter, JsonReader.ObjectReader<T> responseReader,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestWriter, "requestWriter");
        Objects.requireNonNull(responseReader, "responseReader");
        Objects.requireNonNull(exceptions, "exceptions");
        byte[] payload = serialize(action, request, requestWriter, idempotency);
        return new CallAttempts<>(this, action, idempotency, region, payload, responseReader, exceptions);
    }

    /**
     * Closes the transport: later calls fail with {@code CLIENT_CLOSED}, and so do calls
     * waiting to be retried; requests already sent finish. A default HTTP client is closed
     * too where the JDK supports it (Java 21 and later); one passed to the builder is left
     * open for its owner. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || !ownsHttpClient) {
            return;
        }
        // HttpClient implements AutoCloseable from Java 21 on; on older JDKs it is freed when unused.
        Object client = httpClient;
        if (client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception ignored) {
                // HttpClient.close() throws no checked exception; there is nothing more to release.
            }
        }
    }

    /**
     * Describes the transport by service, version and endpoint; never shows credentials.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "ApiTransport[service=" + service + ", version=" + version + ", endpoint=" + endpoint
                + (extraHeaders.isEmpty() ? "" : ", headers=" + extraHeaders.keySet())
                + (isClosed() ? ", closed]" : "]");
    }

    /**
     * Whether {@link #close()} was called.
     */
    boolean isClosed() {
        return closed.get() || parent != null && parent.isClosed();
    }

    /**
     * The clocks and timer.
     */
    Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Where calls are logged.
     */
    System.Logger logger() {
        return logger;
    }

    /**
     * How long each attempt waits for its whole answer.
     */
    Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long a whole call may take, or {@code null} for no limit.
     */
    Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The HTTP client.
     */
    HttpClient httpClient() {
        return httpClient;
    }

    /**
     * The largest body read.
     */
    int maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * How long an event stream may send nothing ({@link StreamingCall}).
     */
    Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /**
     * The interceptors and metrics listeners of every call.
     */
    CallHooks hooks() {
        return hooks;
    }

    /**
     * The failure of a call of {@code action} in {@code region} that the action's documentation does not list,
     * or {@code null} if it may be sent (see {@link Builder#actionRegions}).
     */
    TencentCloudException unsupportedRegion(String action, String region,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        return actionRegions.unsupported(action, region, exceptions);
    }

    /**
     * The headers added to every request (by the {@link CallOptions}).
     */
    Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /**
     * The headers the client sets itself on a request of {@code action}, as an interceptor sees them
     * before signing: all but {@code Authorization}, {@code X-TC-Timestamp} and {@code X-TC-Token},
     * which signing adds, and those the HTTP client adds ({@code Host}, {@code Content-Length}).
     */
    Map<String, String> clientHeaders(String action, String region) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("X-TC-Action", action);
        headers.put("X-TC-Version", version);
        headers.put("User-Agent", userAgent);
        if (region != null) {
            headers.put("X-TC-Region", region);
        }
        if (language != null) {
            headers.put("X-TC-Language", language);
        }
        return Collections.unmodifiableMap(headers);
    }

    /**
     * The limiter of an action, or {@code null} when its calls are not limited.
     */
    RateLimiter rateLimiter(String action) {
        return rateLimiters.get(action);
    }

    /**
     * The request's JSON, with a fresh {@code ClientToken} if the action takes one and the
     * caller left it empty: made once per call, so every attempt sends the same token.
     */
    static <Q> byte[] serialize(String action, Q request, JsonWriter.ObjectWriter<? super Q> requestWriter,
            Idempotency idempotency) {
        try {
            return Json.bytes(request, requestWriter,
                    idempotency == Idempotency.CLIENT_TOKEN ? UUID.randomUUID().toString() : null);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise the " + action + " request: " + e.getMessage(), e);
        }
    }

    /**
     * The difference between the local clock and the server's, which dates every signature.
     */
    ClockSkew clockSkew() {
        return clockSkew;
    }

    /**
     * Builds one attempt's HTTP request, signed with {@code current} and the current time
     * (corrected by the {@link ClockSkew} learnt so far), with {@code headers} besides the client's
     * own (the options' and the interceptors').
     */
    HttpRequest signedRequest(String action, String region, byte[] payload, Credentials current,
            Map<String, String> headers) {
        long timestamp = clockSkew.now().getEpochSecond();
        String authorization =
                Tc3Signer.authorization(current, service, host, CONTENT_TYPE, payload, timestamp, signingKeys);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .header("Authorization", authorization)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", version)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("User-Agent", userAgent);
        if (region != null) {
            request.header("X-TC-Region", region);
        }
        current.token().ifPresent(token -> request.header("X-TC-Token", token));
        if (language != null) {
            request.header("X-TC-Language", language);
        }
        headers.forEach(request::header);
        return request.build();
    }

    /**
     * Asks the provider without blocking ({@link CredentialsProvider#credentialsAsync()}); a
     * failure of the provider, or no credentials, fails the future with the service exception
     * {@code CLIENT_CREDENTIALS}, the provider's exception as the cause.
     */
    CompletableFuture<Credentials> credentialsAsync(String action,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        return CredentialsFutures.ask(credentials::credentialsAsync).handle((current, failure) -> {
            if (failure != null) {
                Throwable cause = CredentialsFutures.unwrap(failure);
                throw exceptions.create(TencentCloudException.CLIENT_CREDENTIALS,
                        "No credentials to sign " + action + " with: " + cause.getMessage(), null, 0, cause);
            }
            if (current == null) {
                throw exceptions.create(TencentCloudException.CLIENT_CREDENTIALS,
                        "The credentials provider " + credentials + " returned null", null, 0, null);
            }
            return current;
        });
    }

    /**
     * The HTTP client a transport owns when it is given none: HTTP/1.1, no redirects (a
     * redirect would carry the signature elsewhere), the builder's connect timeout, proxy
     * and TLS context, and threads of its own ({@link HttpThreads}): at most {@link #HTTP_THREADS},
     * each ended after {@link #HTTP_THREAD_IDLE} without work.
     */
    private static HttpClient defaultHttpClient(Builder builder) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(HttpThreads.create(HTTP_THREADS, HTTP_THREAD_IDLE));
        if (builder.proxy != null) {
            client.proxy(builder.proxy);
        }
        if (builder.sslContext != null) {
            client.sslContext(builder.sslContext);
        }
        return client.build();
    }

    /**
     * One limiter per limited action, none when rate limiting is off.
     */
    private static Map<String, RateLimiter> rateLimiters(Builder builder) {
        if (builder.rateLimitMode == RateLimitMode.OFF) {
            return Map.of();
        }
        Map<String, RateLimiter> limiters = new TreeMap<>();
        builder.rateLimits.forEach((action, limit) ->
                limiters.put(action, RateLimiter.perSecond(limit, builder.scheduler)));
        limiters.putAll(builder.sharedLimiters);
        return Map.copyOf(limiters);
    }

    /**
     * Checks that the endpoint is {@code http(s)://host[:port][/]} and returns it as
     * {@code scheme://host[:port]/}, lowercase, without a default port, so the request's
     * {@code Host} header and the signed host are the same text.
     */
    static URI normalizeEndpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme =
                endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(
                    "endpoint must be an absolute http or https URI, not " + endpoint);
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint must not contain user information");
        }
        String path = endpoint.getRawPath();
        boolean hostOnly = endpoint.getHost() != null && endpoint.getRawQuery() == null
                && endpoint.getRawFragment() == null && (path == null || path.isEmpty() || path.equals("/"));
        if (!hostOnly) {
            throw new IllegalArgumentException(
                    "endpoint must be scheme://host[:port], e.g. https://cvm.tencentcloudapi.com, not " + endpoint);
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = endpoint.getPort() == defaultPort ? -1 : endpoint.getPort();
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + host + (port == -1 ? "" : ":" + port) + '/');
    }

    /**
     * What the JDK HttpClient sends as {@code Host} for a normalised endpoint.
     */
    static String hostHeader(URI endpoint) {
        return endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ':' + endpoint.getPort();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }

    /**
     * What a synchronous call throws for the failure of its future: a service exception
     * made again on the calling thread (same code, message, ids, cause, attempts and
     * whether the action may have run), or
     * an unexpected failure as it is.
     */
    static <E extends TencentCloudException> RuntimeException rethrown(Throwable failure,
            ServiceExceptionFactory<E> exceptions) {
        if (failure instanceof TencentCloudException) {
            TencentCloudException known = (TencentCloudException) failure;
            E copy = exceptions.create(known.code(), known.errorMessage(), known.requestId(),
                    known.httpStatus(), known.getCause());
            copy.recordOutcome(known.attempts(), known.mayHaveRun());
            return copy;
        }
        if (failure instanceof RuntimeException) {
            return (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        return new IllegalStateException(failure);
    }

    /**
     * Configures an {@link ApiTransport}. Not thread-safe; the transport it builds is.
     */
    public static final class Builder {
        private String service;

        private String version;

        private URI endpoint;

        private CredentialsProvider credentials;

        private String language;

        private HttpClient httpClient;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private String userAgent = DEFAULT_USER_AGENT;

        private ProxySelector proxy;

        private SSLContext sslContext;

        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Scheduler scheduler = Scheduler.system();

        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private RateLimitMode rateLimitMode = RateLimitMode.WAIT;

        private final Map<String, Integer> rateLimits = new TreeMap<>();

        private final Map<String, RateLimiter> sharedLimiters = new TreeMap<>();

        private Duration callTimeout;

        private System.Logger logger;

        private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;

        private final List<Interceptor> interceptors = new ArrayList<>();

        private final List<MetricsListener> metricsListeners = new ArrayList<>();

        private ActionRegions actionRegions = ActionRegions.NONE;

        private boolean checkRegions = true;

        private Builder() {
        }

        /**
         * The regions each action supports, for the actions whose documentation lists them: a call of such an
         * action in another region fails with {@code ClientError.UnsupportedRegion} before anything is sent,
         * through the call's usual failure path (logged, and its metrics with 0 attempts), unless
         * {@link #checkRegions(boolean) checkRegions(false)}. A call without a region, or of an action not
         * listed, is not checked. Generated clients set their documented regions. Default: none.
         *
         * @param supported the region ids of each action, e.g. {@code Map.of("StopPublishCdnStream",
         *     List.of("ap-guangzhou", "ap-hongkong"))}; the message of a refused call lists them in this order
         * @return this builder
         * @throws IllegalArgumentException if an action is blank or lists no region, or a region id is blank
         */
        public Builder actionRegions(Map<String, ? extends List<String>> supported) {
            this.actionRegions = ActionRegions.of(Objects.requireNonNull(supported, "supported"));
            return this;
        }

        /**
         * Whether a call of an action in a region its documentation does not list ({@link #actionRegions}) fails
         * before anything is sent, with {@code ClientError.UnsupportedRegion}: {@code true} by default. Pass
         * {@code false} to call an action in a region Tencent opened for it after the client was generated.
         *
         * @param checkRegions whether to check
         * @return this builder
         */
        public Builder checkRegions(boolean checkRegions) {
            this.checkRegions = checkRegions;
            return this;
        }

        /**
         * Adds an interceptor, called around every attempt of every call, after those added
         * before: before the attempt is signed (to add headers) and after its answer or failure.
         * See {@link Interceptor} for the order, the threads, and what happens when it throws.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder interceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Adds a metrics listener, given the {@link CallMetrics} of every call when it ends, after
         * those added before. See {@link MetricsListener}.
         *
         * @param metricsListener the listener
         * @return this builder
         */
        public Builder metricsListener(MetricsListener metricsListener) {
            metricsListeners.add(Objects.requireNonNull(metricsListener, "metricsListener"));
            return this;
        }

        /**
         * How long an event stream ({@link EventStream}) may send nothing, not even a keep-alive
         * comment, before it fails with {@code CLIENT_REQUEST_TIMEOUT} and its connection is closed.
         * The {@link #requestTimeout} bounds only the wait for the stream's first byte of headers, so a
         * long stream that keeps sending is never cut. Default 60 seconds.
         *
         * @param streamIdleTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = Durations.requirePositive(streamIdleTimeout, "streamIdleTimeout");
            return this;
        }

        /**
         * The service name that requests are signed for, from the API description, e.g.
         * {@code cvm}. Required.
         *
         * @param service the service name
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null} or blank
         */
        public Builder service(String service) {
            this.service = requireText(service, "service");
            return this;
        }

        /**
         * The API version, sent as {@code X-TC-Version}, e.g. {@code 2017-03-12}. Required.
         *
         * @param version the API version
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null} or blank
         */
        public Builder version(String version) {
            this.version = requireText(version, "version");
            return this;
        }

        /**
         * Where requests go, e.g. {@code https://cvm.tencentcloudapi.com} or a regional
         * endpoint such as {@code https://cvm.ap-guangzhou.tencentcloudapi.com}. Required.
         *
         * <p>Only a scheme, host and optional port: the signature covers the path {@code /},
         * so an endpoint with a path, query or user information is refused.
         *
         * @param endpoint an {@code http} or {@code https} URI
         * @return this builder
         * @throws IllegalArgumentException if the URI is not of that form
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = normalizeEndpoint(endpoint);
            return this;
        }

        /**
         * Where each request's credentials come from: fixed {@link Credentials}, or a provider
         * that finds or refreshes them. Default: {@link CredentialsProviderChain#defaultChain()},
         * the environment variables, the profile files, the CVM instance role, TKE's OIDC.
         *
         * @param credentials the credentials provider
         * @return this builder
         */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The language of error messages, sent as {@code X-TC-Language}: {@code zh-CN} or
         * {@code en-US}. Optional; without it the API uses its default.
         *
         * @param language the language, or {@code null} for the API's default
         * @return this builder
         * @throws IllegalArgumentException if it is neither
         */
        public Builder language(String language) {
            this.language = AllowedValues.check("language", language, AllowedValues.LANGUAGES);
            return this;
        }

        /**
         * The HTTP client to send with, for a proxy, custom TLS or a shared executor. Optional;
         * by default the transport creates its own, with the {@link #connectTimeout}, no
         * redirects and at most {@link ApiTransport#HTTP_THREADS} threads, which end when idle.
         * A client given here is not closed by {@link ApiTransport#close()}, and
         * {@link #connectTimeout}, {@link #proxy} and {@link #sslContext} do not apply to it.
         * It must not follow redirects: a redirect could carry the signed request, and its
         * {@code Authorization} header, to another host.
         *
         * @param httpClient the client, or {@code null} for the default
         * @return this builder
         * @throws IllegalArgumentException if the client follows redirects
         */
        public Builder httpClient(HttpClient httpClient) {
            if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HTTP client must not follow redirects (Redirect.NEVER), not " + httpClient.followRedirects());
            }
            this.httpClient = httpClient;
            return this;
        }

        /**
         * How long the default HTTP client waits to connect. Default 5 seconds.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Durations.requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long each attempt of a call waits for its whole answer, headers and body, before it
         * fails with {@code ClientError.RequestTimeout}. Default 30 seconds; there is no infinite
         * timeout. The service may still be carrying out a timed-out attempt, so it is retried
         * only for an action that is safe to repeat ({@link Idempotency}).
         *
         * @param requestTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Durations.requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * The deadline of a whole call: its attempts, the backoff between them and its waits for
         * rate-limit permits together. A call still going at its deadline fails with
         * {@code ClientError.DeadlineExceeded}, blocking or not, and its attempt in flight is
         * aborted. Default: none (a call takes at most its attempts' request timeouts, their
         * backoff and its permit waits).
         *
         * @param callTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null}, zero or negative
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Durations.requirePositive(callTimeout, "callTimeout");
            return this;
        }

        /**
         * The {@code User-Agent} header. Default {@link ApiTransport#DEFAULT_USER_AGENT}.
         *
         * @param userAgent the user agent
         * @return this builder
         * @throws IllegalArgumentException if it is {@code null} or blank
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = requireText(userAgent, "userAgent");
            return this;
        }

        /**
         * The proxy of the default HTTP client, e.g.
         * {@code ProxySelector.of(new InetSocketAddress("proxy.example.com", 3128))}. Default: none.
         * For a proxy that needs authentication, give an {@link #httpClient} with an authenticator.
         *
         * @param proxy the proxy
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * The TLS context of the default HTTP client, e.g. one trusting a corporate CA. Default: the
         * JDK's default context.
         *
         * @param sslContext the sslContext
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * The largest response body read; a larger one fails the call as
         * {@code CLIENT_INVALID_RESPONSE} after reading one byte more. Default 16 MiB.
         *
         * @param maxResponseBytes a positive number of bytes
         * @return this builder
         * @throws IllegalArgumentException if it is less than 1 or {@code Integer.MAX_VALUE}
         */
        public Builder maxResponseBytes(int maxResponseBytes) {
            if (maxResponseBytes < 1 || maxResponseBytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxResponseBytes must be between 1 and Integer.MAX_VALUE - 1, not " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * Which failures are retried, how often and after what backoff. Default
         * {@link RetryPolicy#defaults()}: up to 3 retries; {@link RetryPolicy#none()} turns retries off.
         *
         * @param retryPolicy the retryPolicy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * What a call does when its action's rate limit is reached: {@link RateLimitMode#WAIT} (the
         * default), {@link RateLimitMode#FAIL_FAST}, or {@link RateLimitMode#OFF} to ignore limits.
         *
         * @param rateLimitMode the rateLimitMode
         * @return this builder
         */
        public Builder rateLimitMode(RateLimitMode rateLimitMode) {
            this.rateLimitMode = Objects.requireNonNull(rateLimitMode, "rateLimitMode");
            return this;
        }

        /**
         * Limits the calls of one action to {@code perSecond} in any one-second window.
         * Generated clients set each action's documented limit; call this again to choose
         * another, e.g. a lower one when several processes share an account's quota.
         *
         * @param action the action, e.g. {@code DescribeInstances}
         * @param perSecond the most calls in any one second, at least 1
         * @return this builder
         * @throws IllegalArgumentException if the action is blank or the limit less than 1
         */
        public Builder rateLimit(String action, int perSecond) {
            requireText(action, "action");
            if (perSecond < 1) {
                throw new IllegalArgumentException("the rate limit of " + action + " must be at least 1 per second, not " + perSecond);
            }
            rateLimits.put(action, perSecond);
            sharedLimiters.remove(action);
            return this;
        }

        /**
         * Limits the calls of one action with a limiter that others may use too: several clients
         * (of one account, in one process) that call the action, or several actions that count
         * against one quota. Their calls together then keep the limiter's rate. Replaces the
         * action's documented limit.
         *
         * <pre>{@code
         * RateLimiter shared = RateLimiter.perSecond(20);
         * ApiTransport.builder()...rateLimit("DescribeInstances", shared)...
         * }</pre>
         *
         * @param action the action, e.g. {@code DescribeInstances}
         * @param limiter the limiter, possibly shared
         * @return this builder
         * @throws IllegalArgumentException if the action is blank
         */
        public Builder rateLimit(String action, RateLimiter limiter) {
            requireText(action, "action");
            sharedLimiters.put(action, Objects.requireNonNull(limiter, "limiter"));
            rateLimits.remove(action);
            return this;
        }

        /**
         * Where calls are logged: each successful attempt at DEBUG (action, region, attempt, latency,
         * RequestId), a failed attempt that is retried at WARNING, the failure a call ends with at
         * DEBUG (the caller receives it). Nothing logged holds a header, a secret key, a token or
         * a signature. Default: {@code System.getLogger("<core package>.ApiTransport")}.
         *
         * @param logger the logger
         * @return this builder
         */
        public Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * The clocks and timer: the monotonic clock for rate limits and latency, the wall clock for
         * signatures, and the non-blocking delays of backoff and rate-limit waits. Default
         * {@link Scheduler#system()}; tests pass a virtual clock to make retries and rate limits
         * deterministic and instant.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return a new transport
         * @throws IllegalStateException if the service, version or endpoint was not set (the
         *     message names the first one missing), or an HTTP client was given together with a
         *     proxy or TLS context
         */
        public ApiTransport build() {
            requireSet(service, "service");
            requireSet(version, "version");
            requireSet(endpoint, "endpoint");
            if (httpClient != null && (proxy != null || sslContext != null)) {
                throw new IllegalStateException("proxy(...) and sslContext(...) configure the default HTTP client; set them on the HttpClient given to httpClient(...) instead");
            }
            return new ApiTransport(this);
        }

        private static void requireSet(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(
                        "ApiTransport needs " + name + ": call " + name + "(...) before build()");
            }
        }
    }
}

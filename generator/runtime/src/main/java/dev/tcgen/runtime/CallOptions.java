package dev.tcgen.runtime;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings for some calls without building another client: extra headers, timeouts, credentials
 * and a retry policy that override the transport's, and interceptors and metrics listeners added to
 * the transport's, for the calls made through {@link ApiTransport#with(CallOptions)} (or a
 * generated client's {@code withOptions}).
 *
 * <pre>{@code
 * CallOptions options = CallOptions.builder()
 *         .header("X-Trace", traceId)
 *         .requestTimeout(Duration.ofSeconds(5))
 *         .retryPolicy(RetryPolicy.none())
 *         .build();
 * client.withOptions(options).describeInstances(request);
 * }</pre>
 *
 * <p>Immutable and thread-safe. What is not set keeps the transport's setting. {@link #toString()}
 * shows the header names and settings, never header values or credentials.
 */
public final class CallOptions {
    /** Headers the transport sets itself (the signed ones, and those the JDK refuses). */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-type",
            "content-length", "user-agent", "connection", "expect", "upgrade");

    private static final URI ANY = URI.create("http://localhost/");

    private static final CallOptions NONE = builder().build();

    private final Map<String, String> headers;

    private final Duration requestTimeout;

    private final Duration callTimeout;

    private final CredentialsProvider credentials;

    private final RetryPolicy retryPolicy;

    private final List<Interceptor> interceptors;

    private final List<MetricsListener> metricsListeners;

    private CallOptions(Builder builder) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.requestTimeout = builder.requestTimeout;
        this.callTimeout = builder.callTimeout;
        this.credentials = builder.credentials;
        this.retryPolicy = builder.retryPolicy;
        this.interceptors = List.copyOf(builder.interceptors);
        this.metricsListeners = List.copyOf(builder.metricsListeners);
    }

    /**
     * Starts a set of options; none is set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No options: calls as the transport makes them.
     *
     * @return the empty options
     */
    public static CallOptions none() {
        return NONE;
    }

    /**
     * The extra headers sent with every request, by name as given.
     *
     * @return an immutable map, in the order they were added
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * How long each attempt waits for its whole answer, if set.
     *
     * @return the request timeout
     */
    public Optional<Duration> requestTimeout() {
        return Optional.ofNullable(requestTimeout);
    }

    /**
     * The deadline of each whole call, if set.
     *
     * @return the call timeout
     */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /**
     * Where the calls' credentials come from, if set.
     *
     * @return the credentials provider
     */
    public Optional<CredentialsProvider> credentials() {
        return Optional.ofNullable(credentials);
    }

    /**
     * Which failures are retried, if set.
     *
     * @return the retry policy
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * The interceptors of these calls, which run after the transport's.
     *
     * @return an immutable list, in the order they were added
     */
    public List<Interceptor> interceptors() {
        return interceptors;
    }

    /**
     * The metrics listeners of these calls, which are called after the transport's.
     *
     * @return an immutable list, in the order they were added
     */
    public List<MetricsListener> metricsListeners() {
        return metricsListeners;
    }

    /**
     * Checks a header that a caller adds to requests: refused if the client sets it itself, or if it
     * is not a valid header.
     *
     * @param setBy who sets it, for the message, e.g. {@code "per call"}
     * @throws IllegalArgumentException if it may not be set
     */
    static void checkHeader(String name, String value, String setBy) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED_HEADERS.contains(lower) || lower.startsWith("x-tc-")) {
            throw new IllegalArgumentException("The header " + name + " is set by the client and cannot be set " + setBy);
        }
        try {
            HttpRequest.newBuilder(ANY).header(name, value);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("The header " + name + " is not a valid header name and value", invalid);
        }
    }

    /**
     * Describes the options: header names, timeouts, the retry policy, whether credentials are set
     * and the classes of interceptors and listeners; never header values or credentials.
     *
     * @return a description
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CallOptions[");
        String glue = "";
        if (!headers.isEmpty()) {
            text.append("headers=").append(headers.keySet());
            glue = ", ";
        }
        if (requestTimeout != null) {
            text.append(glue).append("requestTimeout=").append(requestTimeout);
            glue = ", ";
        }
        if (callTimeout != null) {
            text.append(glue).append("callTimeout=").append(callTimeout);
            glue = ", ";
        }
        if (credentials != null) {
            text.append(glue).append("credentials=(set)");
            glue = ", ";
        }
        if (retryPolicy != null) {
            text.append(glue).append("retryPolicy=").append(retryPolicy);
            glue = ", ";
        }
        if (!interceptors.isEmpty()) {
            text.append(glue).append("interceptors=").append(classNames(interceptors));
            glue = ", ";
        }
        if (!metricsListeners.isEmpty()) {
            text.append(glue).append("metricsListeners=").append(classNames(metricsListeners));
        }
        return text.append(']').toString();
    }

    private static List<String> classNames(List<?> hooks) {
        return hooks.stream().map(hook -> hook.getClass().getName()).toList();
    }

    /**
     * Configures {@link CallOptions}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Duration requestTimeout;

        private Duration callTimeout;

        private CredentialsProvider credentials;

        private RetryPolicy retryPolicy;

        private final List<Interceptor> interceptors = new ArrayList<>();

        private final List<MetricsListener> metricsListeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * A header sent with every request, e.g. a trace id; setting a name again replaces its
         * value. The headers the client sets itself cannot be overridden: {@code Authorization},
         * {@code Host}, {@code Content-Type}, {@code Content-Length}, {@code User-Agent}, the
         * {@code X-TC-*} headers, and those the JDK refuses ({@code Connection}, {@code Expect},
         * {@code Upgrade}).
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if the header is one of those, or not a valid header
         */
        public Builder header(String name, String value) {
            checkHeader(name, value, "per call");
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * How long each attempt waits for its whole answer, instead of the transport's.
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
         * The deadline of each whole call (attempts, backoff and rate-limit waits), instead of the
         * transport's.
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
         * The credentials to sign with, instead of the transport's, e.g. another account's.
         *
         * @param credentials the credentials provider
         * @return this builder
         */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Which failures are retried, instead of the transport's policy; {@link RetryPolicy#none()}
         * for a single attempt.
         *
         * @param retryPolicy the retry policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Adds an interceptor to these calls, after the transport's and those added before
         * ({@link Interceptor}).
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder interceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Adds a metrics listener to these calls, after the transport's and those added before
         * ({@link MetricsListener}).
         *
         * @param metricsListener the listener
         * @return this builder
         */
        public Builder metricsListener(MetricsListener metricsListener) {
            metricsListeners.add(Objects.requireNonNull(metricsListener, "metricsListener"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public CallOptions build() {
            return new CallOptions(this);
        }
    }
}

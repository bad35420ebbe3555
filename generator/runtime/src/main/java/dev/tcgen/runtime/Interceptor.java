package dev.tcgen.runtime;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hooks around every attempt of a call: before it is signed (to see its headers and add some of
 * your own), and after it (to observe its answer, or its failure). Every method does nothing by
 * default; implement those you need.
 *
 * <pre>{@code
 * Interceptor trace = new Interceptor() {
 *     public void beforeSigning(Interceptor.Attempt attempt, Interceptor.Headers headers) {
 *         headers.set("X-Trace-Id", traceId());
 *     }
 *
 *     public void afterResponse(Interceptor.Attempt attempt, Interceptor.Response response) {
 *         log.info(attempt + ": HTTP " + response.httpStatus() + " in " + response.latency().toMillis() + " ms");
 *     }
 * };
 * TrtcClient client = TrtcClient.builder().region(Region.AP_GUANGZHOU).interceptor(trace).build();
 * }</pre>
 *
 * <ul>
 *   <li><b>Order.</b> The client's interceptors run in the order they were added, then those of the
 *       call's {@link CallOptions}. Every attempt whose {@link #beforeSigning} an interceptor ran ends,
 *       for that interceptor, in exactly one of {@link #afterResponse} (an answer arrived: a success,
 *       an API error, or a page that is not an API answer) and {@link #afterFailure} (no answer).</li>
 *   <li><b>Threads.</b> The hooks run on the thread that makes the attempt: the caller's for a
 *       blocking call, a thread of the HTTP client or of the {@link Scheduler} for an asynchronous
 *       one. Keep them quick, and thread-safe: one interceptor serves every call of the client.</li>
 *   <li><b>Failures.</b> An exception thrown by {@link #beforeSigning} ends the call with
 *       {@link TencentCloudException#CLIENT_INTERCEPTOR} (its cause the exception), before that
 *       attempt is sent; it is not retried. One thrown by {@link #afterResponse} or
 *       {@link #afterFailure} cannot change the call: it is logged (at WARNING the first time for
 *       each interceptor, at DEBUG after that) and ignored.</li>
 *   <li><b>Secrets.</b> {@link #beforeSigning} sees the request's headers except those that signing
 *       adds ({@code Authorization}, {@code X-TC-Timestamp}) and the credentials' token
 *       ({@code X-TC-Token}); the after hooks see the attempt and the answer, never the request's
 *       headers.</li>
 * </ul>
 */
public interface Interceptor {
    /**
     * Before an attempt is signed: {@code headers} holds the request's headers, and takes more. The
     * headers the client sets itself cannot be changed ({@link Headers#set}); the others are sent as
     * they are when the last interceptor returns. Headers are not signed, so adding one never breaks
     * the signature.
     *
     * @param attempt the attempt
     * @param headers the request's headers, which may be changed until this method returns
     */
    default void beforeSigning(Attempt attempt, Headers headers) {
    }

    /**
     * After an attempt whose answer arrived, whatever it says: a success, an API error or a page that
     * is not an API answer ({@link Response#failure()}). The client then decides whether to retry.
     *
     * @param attempt the attempt
     * @param response its answer
     */
    default void afterResponse(Attempt attempt, Response response) {
    }

    /**
     * After an attempt that got no answer: no connection, a lost connection, its request timeout,
     * the call's deadline, an interrupt, a cancelled call ({@link TencentCloudException#CLIENT_CANCELLED}),
     * or a {@link #beforeSigning} that failed (then nothing was sent).
     *
     * @param attempt the attempt
     * @param failure why it got no answer; the call may still retry it
     */
    default void afterFailure(Attempt attempt, TencentCloudException failure) {
    }

    /**
     * One attempt of a call, as its interceptors see it: the same object in every hook of the attempt.
     */
    final class Attempt {
        private final String service;

        private final String action;

        private final String region;

        private final int number;

        private final Map<String, Object> attributes;

        Attempt(String service, String action, String region, int number, Map<String, Object> attributes) {
            this.service = service;
            this.action = action;
            this.region = region;
            this.number = number;
            this.attributes = attributes;
        }

        /**
         * The service the call is signed for.
         *
         * @return e.g. {@code trtc}
         */
        public String service() {
            return service;
        }

        /**
         * The action, sent as {@code X-TC-Action}.
         *
         * @return e.g. {@code StopPublishCdnStream}
         */
        public String action() {
            return action;
        }

        /**
         * The region, sent as {@code X-TC-Region}.
         *
         * @return e.g. {@code ap-guangzhou}, or {@code null} when the call has none
         */
        public String region() {
            return region;
        }

        /**
         * Which attempt of the call this is.
         *
         * @return 1 for the first, 2 for the first retry, ...
         */
        public int number() {
            return number;
        }

        /**
         * Values the interceptors keep for the call, shared by its attempts and by all interceptors:
         * e.g. a tracing span started in {@link #beforeSigning} and ended after the attempt.
         *
         * @return a thread-safe, modifiable map, one per call
         */
        public Map<String, Object> attributes() {
            return attributes;
        }

        /**
         * The attempt, e.g. {@code StopPublishCdnStream ap-guangzhou attempt 2}.
         *
         * @return a description
         */
        @Override
        public String toString() {
            return action + ' ' + (region == null ? "(no region)" : region) + " attempt " + number;
        }
    }

    /**
     * The headers of a request before it is signed: those the client sets, which are read-only, and
     * those of the call's {@link CallOptions} and of interceptors, which {@link #set} and
     * {@link #remove} change. Names are case-insensitive. Usable only during
     * {@link Interceptor#beforeSigning}.
     */
    final class Headers {
        private final Map<String, String> client;

        private final Map<String, String> added;

        private boolean open = true;

        Headers(Map<String, String> client, Map<String, String> added) {
            this.client = client;
            this.added = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            this.added.putAll(added);
        }

        /**
         * The value of a header.
         *
         * @param name the header's name, in any case
         * @return its value, or {@code null} if the request has no such header (yet)
         */
        public String get(String name) {
            String value = client.get(name);
            return value != null ? value : added.get(name);
        }

        /**
         * Every header the request has now, by name.
         *
         * @return a read-only copy, sorted by name
         */
        public Map<String, String> asMap() {
            Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            all.putAll(added);
            all.putAll(client);
            return Collections.unmodifiableMap(all);
        }

        /**
         * Adds a header, or replaces its value. The headers the client sets itself are refused:
         * {@code Authorization}, {@code Host}, {@code Content-Type}, {@code Content-Length},
         * {@code User-Agent}, every {@code X-TC-*} header, and those the JDK refuses
         * ({@code Connection}, {@code Expect}, {@code Upgrade}).
         *
         * @param name the header's name
         * @param value its value
         * @return these headers
         * @throws IllegalArgumentException if the header is one of those, or not a valid header; the
         *     call then fails with {@link TencentCloudException#CLIENT_INTERCEPTOR} unless the
         *     interceptor catches it
         * @throws IllegalStateException after {@link Interceptor#beforeSigning} has returned
         */
        public Headers set(String name, String value) {
            requireOpen();
            CallOptions.checkHeader(name, value, "by an interceptor");
            added.put(name, value);
            return this;
        }

        /**
         * Removes a header set by the call's options or an interceptor.
         *
         * @param name the header's name
         * @return these headers
         * @throws IllegalArgumentException if the client sets the header itself
         * @throws IllegalStateException after {@link Interceptor#beforeSigning} has returned
         */
        public Headers remove(String name) {
            requireOpen();
            CallOptions.checkHeader(name, "", "by an interceptor");
            added.remove(name);
            return this;
        }

        /**
         * The headers to send besides the client's own, once every interceptor has run; the headers
         * cannot be changed after.
         */
        Map<String, String> close() {
            open = false;
            return added;
        }

        private void requireOpen() {
            if (!open) {
                throw new IllegalStateException("The headers of a request can be changed only in beforeSigning");
            }
        }

        /**
         * The headers' names, never their values.
         *
         * @return e.g. {@code Headers[Content-Type, X-TC-Action, X-Trace-Id]}
         */
        @Override
        public String toString() {
            return "Headers" + asMap().keySet();
        }
    }

    /**
     * The answer to an attempt.
     */
    final class Response {
        private final int httpStatus;

        private final HttpHeaders headers;

        private final String requestId;

        private final Duration latency;

        private final TencentCloudException failure;

        Response(int httpStatus, HttpHeaders headers, String requestId, Duration latency,
                TencentCloudException failure) {
            this.httpStatus = httpStatus;
            this.headers = headers;
            this.requestId = requestId;
            this.latency = latency;
            this.failure = failure;
        }

        /**
         * The HTTP status.
         *
         * @return e.g. 200
         */
        public int httpStatus() {
            return httpStatus;
        }

        /**
         * The answer's HTTP headers.
         *
         * @return the headers
         */
        public HttpHeaders headers() {
            return headers;
        }

        /**
         * The answer's {@code RequestId}, which Tencent Cloud support asks for.
         *
         * @return the id, or {@code null} if the answer has none (it is not an API answer)
         */
        public String requestId() {
            return requestId;
        }

        /**
         * How long the attempt took, from sending the request to the whole answer (for an event
         * stream: to its headers).
         *
         * @return the latency, on the client's {@link Scheduler}
         */
        public Duration latency() {
            return latency;
        }

        /**
         * What the attempt failed with, if the answer is an API error or not an API answer.
         *
         * @return the failure, or empty for a successful answer
         */
        public Optional<TencentCloudException> failure() {
            return Optional.ofNullable(failure);
        }

        /**
         * The answer, e.g. {@code Response[HTTP 200, RequestId 7199..., 12 ms]}.
         *
         * @return a description
         */
        @Override
        public String toString() {
            return "Response[HTTP " + httpStatus + ", RequestId "
                    + (requestId == null ? null : TencentCloudException.printable(requestId)) + ", "
                    + latency.toMillis() + " ms" + (failure == null ? "]" : ", " + failure.code() + "]");
        }
    }
}

package dev.tcgen.runtime;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * A failed Tencent Cloud API call: the base of each service's own exception.
 *
 * <p>Two kinds of failure share this type, told apart by {@link #code()}:
 * <ul>
 *   <li>The API answered with an error. The code is Tencent Cloud's, such as
 *       {@code ResourceNotFound} or {@code AuthFailure.SignatureExpire}, the message is the
 *       API's, and {@link #requestId()} identifies the call for Tencent Cloud support.</li>
 *   <li>The client could not complete the call. The code is one of the {@code CLIENT_*}
 *       constants here, which start with {@code ClientError.} and are never sent by the API.</li>
 * </ul>
 *
 * <pre>{@code
 * try {
 *     client.describeSomething(request);
 * } catch (TencentCloudException e) {
 *     if (e.code().equals("ResourceNotFound")) {
 *         return Optional.empty();
 *     }
 *     throw e;
 * }
 * }</pre>
 *
 * <p>Each service's subclass adds its error codes as an enum. The message never contains
 * credentials.
 */
public class TencentCloudException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The request could not be sent or its response not received: DNS, connection, TLS or a
     * timeout. The cause is the {@code IOException}; the call may or may not have taken
     * effect.
     */
    public static final String CLIENT_NETWORK_FAILURE = "ClientError.NetworkFailure";

    /**
     * A response arrived but is not a Tencent Cloud API answer: not JSON, truncated, without a
     * {@code Response} object, or not of the expected shape. The message quotes the
     * HTTP status and the start of the body.
     */
    public static final String CLIENT_INVALID_RESPONSE = "ClientError.InvalidResponse";

    /**
     * The calling thread was interrupted while waiting for the response; its interrupt flag
     * is set again.
     */
    public static final String CLIENT_INTERRUPTED = "ClientError.Interrupted";

    /**
     * The client was closed before the call, or while the call waited to be retried.
     */
    public static final String CLIENT_CLOSED = "ClientError.Closed";

    /**
     * The action's client-side rate limit was reached and the client is set to fail fast
     * ({@link RateLimitMode#FAIL_FAST}); nothing was sent.
     */
    public static final String CLIENT_RATE_LIMITED = "ClientError.RateLimited";

    /**
     * The credentials provider had no credentials to give (for example, none of the
     * default chain's sources is set up) or failed; nothing was sent. The cause says why.
     */
    public static final String CLIENT_CREDENTIALS = "ClientError.Credentials";

    /**
     * The request's JSON is larger than the API accepts
     * ({@link ApiTransport#MAX_REQUEST_BYTES}); nothing was sent.
     */
    public static final String CLIENT_REQUEST_TOO_LARGE = "ClientError.RequestTooLarge";

    /**
     * The error code, never {@code null}.
     */
    private final String code;

    /**
     * The error message alone, never {@code null}.
     */
    private final String errorMessage;

    /**
     * The request id, or {@code null}.
     */
    private final String requestId;

    /**
     * The HTTP status, or {@code 0} without a response.
     */
    private final int httpStatus;

    /**
     * How many requests the call made; set by the transport.
     */
    private int attempts;

    /**
     * Creates the exception for one failed call; its message reads like
     * {@code ResourceNotFound: The task does not exist. (RequestId 7199..., HTTP 200)}.
     *
     * @param code the error code, from the API or a {@code CLIENT_*} constant
     * @param message what went wrong; {@code null} is taken as empty
     * @param requestId the id of the request, or {@code null} when no response carried one
     * @param httpStatus the HTTP status of the response, or {@code 0} when none was received
     * @param cause the underlying exception, or {@code null}
     */
    public TencentCloudException(String code, String message, String requestId, int httpStatus,
            Throwable cause) {
        super(describe(code, message, requestId, httpStatus, 0), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.errorMessage = message == null ? "" : message;
        this.requestId = requestId;
        this.httpStatus = httpStatus;
    }

    /**
     * The error code as received, e.g. {@code ResourceNotFound} or
     * {@code FailedOperation.TaskNotExist}, or a {@code CLIENT_*} constant. Codes the client
     * was generated without are kept as they are.
     *
     * @return the code, never {@code null}
     */
    public String code() {
        return code;
    }

    /**
     * The error message alone, as the API (or the client) wrote it; {@link #getMessage()}
     * adds the code, request id and HTTP status.
     *
     * @return the message, possibly empty, never {@code null}
     */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * The id Tencent Cloud gave the request: quote it when asking Tencent Cloud support about
     * a call.
     *
     * @return the request id, or {@code null} when no API response carried one
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The HTTP status of the response. Tencent Cloud reports most API errors with status
     * 200, so look at {@link #code()} first.
     *
     * @return the status, or {@code 0} when no response was received
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * How many requests the call made before it gave up: 1 when it failed at the first
     * attempt, more when failures were retried ({@link RetryPolicy}), 0 when nothing was
     * sent.
     *
     * @return the number of attempts
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Records how many requests the call made; the transport calls it before it throws.
     */
    void recordAttempts(int attempts) {
        this.attempts = attempts;
    }

    /**
     * The code, message, request id and HTTP status, and the number of attempts if there
     * were several, e.g.
     * {@code InternalError: Internal error. (RequestId 7199..., HTTP 200, after 4 attempts)}.
     *
     * @return the description of the failure
     */
    @Override
    public String getMessage() {
        return describe(code, errorMessage, requestId, httpStatus, attempts);
    }

    private static String describe(String code, String message, String requestId, int httpStatus,
            int attempts) {
        StringBuilder text = new StringBuilder(String.valueOf(code));
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(message);
        }
        StringJoiner details = new StringJoiner(", ", " (", ")");
        details.setEmptyValue("");
        if (requestId != null) {
            details.add("RequestId " + requestId);
        }
        if (httpStatus != 0) {
            details.add("HTTP " + httpStatus);
        }
        if (attempts > 1) {
            details.add("after " + attempts + " attempts");
        }
        return text.append(details).toString();
    }
}

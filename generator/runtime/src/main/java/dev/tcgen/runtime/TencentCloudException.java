package dev.tcgen.runtime;

import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * Line breaks, control and format characters: what {@link #printable} escapes.
     */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    /**
     * No connection could be made: the host name did not resolve, the connection was refused
     * or timed out, or the TLS handshake failed. Nothing was sent, so the call did not run;
     * retried for every action. The cause is the {@code IOException}.
     */
    public static final String CLIENT_CONNECT_FAILED = "ClientError.ConnectFailed";

    /**
     * The connection closed, reset or broke after the request may have been written and before
     * the whole answer arrived (an empty answer, a truncated body, a malformed HTTP response).
     * The action may have run. Retried only for actions that are safe to repeat
     * ({@link Idempotency}). The cause is the {@code IOException}.
     */
    public static final String CLIENT_CONNECTION_LOST = "ClientError.ConnectionLost";

    /**
     * No whole answer arrived within the request timeout of the attempt. The action may have
     * run. Retried only for actions that are safe to repeat ({@link Idempotency}).
     */
    public static final String CLIENT_REQUEST_TIMEOUT = "ClientError.RequestTimeout";

    /**
     * The call's deadline ({@code ApiTransport.Builder.callTimeout}) passed, across its
     * attempts, backoff and rate-limit waits. The message says what the call was waiting for,
     * and so whether the action may have run.
     */
    public static final String CLIENT_DEADLINE_EXCEEDED = "ClientError.DeadlineExceeded";

    /**
     * The action does not support the client's region; nothing was sent.
     */
    public static final String CLIENT_UNSUPPORTED_REGION = "ClientError.UnsupportedRegion";

    /**
     * A response arrived but is not a Tencent Cloud API answer: not JSON, truncated, without a
     * {@code Response} object, or not of the expected shape, or an HTTP error page. The message
     * quotes the start of a body that is not an API answer, never the members of one.
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
     * An {@link Interceptor}'s {@code beforeSigning} threw, or tried to set a header the client sets
     * itself; the attempt was not sent, and the call is not retried. The cause is what it threw.
     */
    public static final String CLIENT_INTERCEPTOR = "ClientError.Interceptor";

    /**
     * The call ended before the answer to its attempt in flight: the caller cancelled an
     * asynchronous call's future or a stream, or the call ended by an unexpected exception (the
     * cause). Never thrown: it is what {@link Interceptor#afterFailure} and the
     * {@link CallMetrics} of such a call show.
     */
    public static final String CLIENT_CANCELLED = "ClientError.Cancelled";

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
     * Whether the action may have run although the call failed; set by the transport.
     */
    private boolean mayHaveRun;

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
     * The error message alone, exactly as the API (or the client) wrote it; {@link #getMessage()}
     * adds the code, request id and HTTP status, and escapes line breaks and control characters.
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
     * Whether the action may have run although the call failed: a request may have reached the
     * service, and no answer said that it was turned away. So it is after a connection lost
     * once the request was sent ({@link #CLIENT_CONNECTION_LOST}), an attempt that timed out
     * ({@link #CLIENT_REQUEST_TIMEOUT}), an answer that was not an API answer but a broken body
     * or an HTTP 500, 502 or 504 page ({@link #CLIENT_INVALID_RESPONSE}), a call that ended
     * while it waited for an answer (deadline, interrupt, cancel), or an event stream that had
     * begun; and so it stays when such an attempt was followed by retries that failed
     * otherwise. Before sending an action that is not idempotent again, check with a
     * {@code Describe...} whether it ran. {@code false} when nothing was sent, or every
     * request was answered with an API error or turned away (HTTP 429, 503).
     *
     * @return whether the action may have run
     */
    public boolean mayHaveRun() {
        return mayHaveRun;
    }

    /**
     * Records how many requests the call made and whether the action may have run; the
     * transport calls it before it throws.
     */
    void recordOutcome(int attempts, boolean mayHaveRun) {
        this.attempts = attempts;
        this.mayHaveRun = mayHaveRun;
    }

    /**
     * The code, message, request id and HTTP status, and the number of attempts if there
     * were several, e.g.
     * {@code InternalError: Internal error. (RequestId 7199..., HTTP 200, after 4 attempts)}, on
     * one line: line breaks and control characters of the server's text are escaped
     * ({@code \n}, {@code \}{@code u001b}), so a message cannot forge a line of a log.
     *
     * @return the description of the failure
     */
    @Override
    public String getMessage() {
        return describe(code, errorMessage, requestId, httpStatus, attempts);
    }

    private static String describe(String code, String message, String requestId, int httpStatus,
            int attempts) {
        StringBuilder text = new StringBuilder(printable(String.valueOf(code)));
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(printable(message));
        }
        StringJoiner details = new StringJoiner(", ", " (", ")");
        details.setEmptyValue("");
        if (requestId != null) {
            details.add("RequestId " + printable(requestId));
        }
        if (httpStatus != 0) {
            details.add("HTTP " + httpStatus);
        }
        if (attempts > 1) {
            details.add("after " + attempts + " attempts");
        }
        return text.append(details).toString();
    }

    /**
     * Text from the server made safe to quote in a message or a log line: line breaks, control
     * and format characters (such as bidirectional overrides) are escaped as {@code \n},
     * {@code \r}, {@code \t} or {@code \}{@code uXXXX}, so an answer cannot forge a line of
     * the log or hide what it says.
     */
    static String printable(String text) {
        return UNPRINTABLE.matcher(text).replaceAll(match -> {
            char c = match.group().charAt(0);
            String escape = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c);
            return Matcher.quoteReplacement(escape);
        });
    }
}

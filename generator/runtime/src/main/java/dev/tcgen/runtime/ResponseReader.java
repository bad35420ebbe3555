package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one HTTP response of the API: {@code {"Response": {..., "RequestId": "..."}}}, with
 * an {@code "Error": {"Code", "Message"}} inside {@code Response} when the call failed
 * (usually with HTTP status 200).
 *
 * <p>The {@code Response} object is read by the response class's codec ({@link JsonReader}): a
 * member whose value does not fit its type is left out and recorded in the response's
 * {@code problems()}, which this reader logs once, at WARNING, naming the action, the
 * {@code RequestId} and the first problems. Anything else (an HTML error page from a proxy, an
 * empty, truncated or oversized body, JSON without a {@code Response} object) becomes
 * {@link TencentCloudException#CLIENT_INVALID_RESPONSE}, never a {@code NullPointerException} or
 * a Jackson exception. Its message quotes the start of a body that is not an API answer (not
 * JSON, or JSON without a {@code Response}), to show what answered instead of the API; it never
 * quotes the members of an API answer, which may hold secrets (an STS answer holds
 * {@code TmpSecretKey} and {@code Token}), and a body that may be a truncated API answer is not
 * quoted either. One reader per response; not thread-safe.
 */
final class ResponseReader {
    private static final int SNIPPET_LENGTH = 200;

    /** How many problems the warning about a response's problems spells out. */
    private static final int PROBLEMS_LOGGED = 3;

    private final String action;

    private final HttpResponse<byte[]> response;

    private final byte[] body;

    private final int maxBytes;

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private final System.Logger logger;

    private String requestId;

    ResponseReader(String action, HttpResponse<byte[]> response, int maxBytes,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions, System.Logger logger) {
        this.action = action;
        this.response = response;
        this.body = response.body() == null ? new byte[0] : response.body();
        this.maxBytes = maxBytes;
        this.exceptions = exceptions;
        this.logger = logger;
    }

    /**
     * The {@code RequestId} of the response, once read; {@code null} if it had none.
     */
    String requestId() {
        return requestId;
    }

    /**
     * How long the answer asks the client to wait before trying again ({@code Retry-After} in
     * seconds or as an HTTP date), or {@code null} if it does not say.
     */
    Duration retryAfter(Instant now) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * The response object, or the exception to fail the attempt with.
     */
    <T> T read(JsonReader.ObjectReader<T> responseReader) {
        if (body.length > maxBytes) {
            throw invalidResponse("is larger than " + maxBytes + " bytes, the most this client reads"
                    + (looksLikeJson(body) ? "" : ": " + snippet(body)));
        }
        Optional<T> value;
        JsonReader in;
        try (JsonParser parser = Json.parser(body)) {
            in = new JsonReader(parser);
            value = in.readEnvelope(responseReader);
        } catch (IOException e) {
            throw invalidResponse(looksLikeJson(body) ? "is not valid JSON: a truncated or broken API answer"
                    : "is not an API answer: " + snippet(body));
        }
        if (value.isEmpty()) {
            throw invalidResponse("is not an API answer (no Response object): " + snippet(body));
        }
        requestId = in.requestId();
        if (in.hasError()) {
            throw apiError(in.errorCode(), in.errorMessage());
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw invalidResponse("is an API answer without an Error, but its HTTP status is not a success");
        }
        logProblems(logger, action, requestId, in.problems());
        return value.get();
    }

    /**
     * Logs the problems of one response, if it has any: once, at WARNING (the caller sees them only if it asks),
     * with the action, the {@code RequestId}, how many and the first few.
     */
    static void logProblems(System.Logger logger, String action, String requestId, List<ReadProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        logger.log(System.Logger.Level.WARNING, () -> "The answer to " + action + " (RequestId "
                + (requestId == null ? null : TencentCloudException.printable(requestId)) + ") has " + problems.size()
                + (problems.size() == 1 ? " value" : " values") + " that this client cannot read as the declared type,"
                + " left out of the response (see its problems()): "
                + problems.stream().limit(PROBLEMS_LOGGED).map(ReadProblem::toString).collect(Collectors.joining("; "))
                + (problems.size() > PROBLEMS_LOGGED ? "; and " + (problems.size() - PROBLEMS_LOGGED) + " more" : ""));
    }

    private TencentCloudException apiError(String code, String message) {
        if (code == null || code.isBlank()) {
            return invalidResponse("has an Error without a Code");
        }
        return exceptions.create(code, message == null ? "" : message, requestId, response.statusCode(), null);
    }

    private TencentCloudException invalidResponse(String problem) {
        String retryAfter = response.headers().firstValue("Retry-After").map(value -> "; Retry-After " + value).orElse("");
        return exceptions.create(TencentCloudException.CLIENT_INVALID_RESPONSE,
                "The answer to " + action + ' ' + problem + retryAfter, requestId, response.statusCode(), null);
    }

    /**
     * Whether {@code text} starts like JSON, and so may be (part of) an API answer, which is never
     * quoted.
     */
    static boolean looksLikeJson(byte[] text) {
        String start = new String(text, 0, Math.min(text.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    /**
     * The start of a body for an error message: one line, at most {@code SNIPPET_LENGTH}
     * characters.
     */
    static String snippet(byte[] body) {
        int length = Math.min(body.length, SNIPPET_LENGTH * 4);
        String text = length == 0 ? ""
                : new String(body, 0, length, StandardCharsets.UTF_8).replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        if (text.isEmpty()) {
            return "(empty)";
        }
        if (text.length() <= SNIPPET_LENGTH && length == body.length) {
            return text;
        }
        int end = Math.min(text.length(), SNIPPET_LENGTH - 3);
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }

    /**
     * A failure's type and message, for an error message.
     */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}

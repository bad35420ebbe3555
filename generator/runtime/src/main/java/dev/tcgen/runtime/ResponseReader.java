package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * Reads one HTTP response of the API: {@code {"Response": {..., "RequestId": "..."}}}, with
 * an {@code "Error": {"Code", "Message"}} inside {@code Response} when the call failed
 * (usually with HTTP status 200).
 *
 * <p>Anything else (an HTML error page from a proxy, an empty, truncated or oversized body, a
 * {@code Response} of the wrong shape) becomes
 * {@link TencentCloudException#CLIENT_INVALID_RESPONSE}, never a {@code NullPointerException} or
 * a Jackson exception. Its message quotes the start of a body that is not an API answer (not
 * JSON, or JSON without a {@code Response}), to show what answered instead of the API; it never
 * quotes the members of an API answer, which may hold secrets (an STS answer holds
 * {@code TmpSecretKey} and {@code Token}), and a body that may be a truncated API answer is not
 * quoted either. One reader per response; not thread-safe.
 */
final class ResponseReader {
    private static final int SNIPPET_LENGTH = 200;

    private final String action;

    private final HttpResponse<byte[]> response;

    private final byte[] body;

    private final int maxBytes;

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private String requestId;

    ResponseReader(String action, HttpResponse<byte[]> response, int maxBytes,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        this.action = action;
        this.response = response;
        this.body = response.body() == null ? new byte[0] : response.body();
        this.maxBytes = maxBytes;
        this.exceptions = exceptions;
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
    <T> T read(Class<T> responseType) {
        if (body.length > maxBytes) {
            throw invalidResponse("is larger than " + maxBytes + " bytes, the most this client reads"
                    + (looksLikeJson() ? "" : ": " + snippet(body)));
        }
        JsonNode envelope = responseObject();
        requestId = envelope.path("RequestId").textValue();
        JsonNode error = envelope.get("Error");
        if (error != null && !error.isNull()) {
            throw apiError(error);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw invalidResponse("is an API answer without an Error, but its HTTP status is not a success");
        }
        try {
            return Json.mapper().treeToValue(envelope, responseType);
        } catch (JsonMappingException e) {
            throw invalidResponse("cannot be read as " + responseType.getSimpleName() + ": member "
                    + memberPath(e) + " does not have the type the client expects");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalidResponse("cannot be read as " + responseType.getSimpleName());
        }
    }

    /**
     * The {@code Response} object of the body; anything else is an invalid response.
     */
    private JsonNode responseObject() {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw invalidResponse(looksLikeJson() ? "is not valid JSON: a truncated or broken API answer"
                    : "is not an API answer: " + snippet(body));
        }
        JsonNode envelope = root == null ? null : root.get("Response");
        if (envelope == null || !envelope.isObject()) {
            throw invalidResponse("is not an API answer (no Response object): " + snippet(body));
        }
        return envelope;
    }

    private TencentCloudException apiError(JsonNode error) {
        String code = error.path("Code").textValue();
        if (code == null || code.isBlank()) {
            return invalidResponse("has an Error without a Code");
        }
        String message = error.path("Message").textValue();
        return exceptions.create(code, message == null ? "" : message, requestId, response.statusCode(), null);
    }

    private TencentCloudException invalidResponse(String problem) {
        String retryAfter = response.headers().firstValue("Retry-After").map(value -> "; Retry-After " + value).orElse("");
        return exceptions.create(TencentCloudException.CLIENT_INVALID_RESPONSE,
                "The answer to " + action + ' ' + problem + retryAfter, requestId, response.statusCode(), null);
    }

    /**
     * Whether the body starts like JSON, and so may be (part of) an API answer, which is never
     * quoted.
     */
    private boolean looksLikeJson() {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
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
     * Where in the response a member failed to read, e.g. {@code TaskList[2].Name}: names and
     * indexes only, never the value.
     */
    private static String memberPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
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

package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP response of the API: {@code {"Response": {..., "RequestId": "..."}}}, with
 * an {@code "Error": {"Code", "Message"}} inside {@code Response} when the call failed
 * (usually with HTTP status 200).
 *
 * <p>Anything else (an HTML error page from a proxy, an empty, truncated or oversized body, a
 * {@code Response} of the wrong shape) becomes
 * {@link TencentCloudException#CLIENT_INVALID_RESPONSE} with the HTTP status and the start of
 * the body, never a {@code NullPointerException} or a Jackson exception. One reader per
 * response; not thread-safe.
 */
final class ResponseReader {
    private static final int SNIPPET_LENGTH = 200;

    private final String action;

    private final int status;

    private final byte[] body;

    private final int maxBytes;

    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    private String requestId;

    ResponseReader(String action, int status, byte[] body, int maxBytes,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        this.action = action;
        this.status = status;
        this.body = body == null ? new byte[0] : body;
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
     * The response object, or the exception to fail the attempt with.
     */
    <T> T read(Class<T> responseType) {
        if (body.length > maxBytes) {
            throw invalidResponse("is larger than " + maxBytes + " bytes, the most this client reads", null);
        }
        JsonNode envelope = responseObject();
        requestId = envelope.path("RequestId").textValue();
        JsonNode error = envelope.get("Error");
        if (error != null && !error.isNull()) {
            throw apiError(error);
        }
        if (status < 200 || status > 299) {
            throw invalidResponse("has no Error although its HTTP status is not a success", null);
        }
        try {
            return Json.mapper().treeToValue(envelope, responseType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalidResponse("cannot be read as " + responseType.getSimpleName() + ": " + describe(e), e);
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
            throw invalidResponse("is not valid JSON", e);
        }
        JsonNode envelope = root == null ? null : root.get("Response");
        if (envelope == null || !envelope.isObject()) {
            throw invalidResponse("has no Response object", null);
        }
        return envelope;
    }

    private TencentCloudException apiError(JsonNode error) {
        String code = error.path("Code").textValue();
        if (code == null || code.isBlank()) {
            return invalidResponse("has an Error without a Code", null);
        }
        String message = error.path("Message").textValue();
        return exceptions.create(code, message == null ? "" : message, requestId, status, null);
    }

    private TencentCloudException invalidResponse(String problem, Throwable cause) {
        String message =
                "The response to " + action + " (HTTP " + status + ") " + problem + "; body: " + snippet(body);
        return exceptions.create(
                TencentCloudException.CLIENT_INVALID_RESPONSE, message, requestId, status, cause);
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

package dev.tcgen.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The HTTP of the providers that fetch temporary credentials (a metadata service, STS): one
 * request at a time with a timeout, answers of a bounded size, and failures as
 * {@link CredentialsException}s whose messages never quote an answer, which holds secrets.
 */
final class CredentialsHttp {
    /**
     * The largest answer read: credentials answers are a few hundred bytes.
     */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpClient httpClient;

    private final Duration timeout;

    /**
     * @param httpClient the client to send with, or {@code null} for one shared by all providers
     * @param timeout how long each request waits for its answer
     */
    CredentialsHttp(HttpClient httpClient, Duration timeout) {
        this.httpClient = httpClient;
        this.timeout = timeout;
    }

    /**
     * Sends a request without blocking; the future fails with a {@code CredentialsException}
     * naming {@code what} and the address if no answer arrives, or if it is too large.
     */
    CompletableFuture<HttpResponse<byte[]>> send(HttpRequest.Builder request, String what) {
        HttpRequest built = request.timeout(timeout).build();
        HttpClient client = httpClient != null ? httpClient : SharedClient.INSTANCE;
        return client.sendAsync(built, BoundedBody.handler(MAX_ANSWER_BYTES)).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = CredentialsFutures.unwrap(failure);
                if (!(cause instanceof IOException)) {
                    throw new CompletionException(cause);
                }
                throw new CredentialsException("cannot reach " + what + " at " + built.uri() + ": "
                        + ResponseReader.describe(cause), cause);
            }
            if (response.body().length > MAX_ANSWER_BYTES) {
                throw new CredentialsException("the answer of " + what + " is larger than " + MAX_ANSWER_BYTES
                        + " bytes (HTTP " + response.statusCode() + ")");
            }
            return response;
        });
    }

    /**
     * The answer's JSON; not its text in an error, which may hold a secret.
     */
    static JsonNode json(HttpResponse<byte[]> response, String what) {
        try {
            JsonNode json = Json.mapper().readTree(response.body());
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (IOException e) {
            // reported below, without the text
        }
        throw new CredentialsException("the answer of " + what + " is not a JSON object (HTTP "
                + response.statusCode() + ", " + response.body().length + " bytes)");
    }

    /**
     * Temporary credentials from the fields Tencent Cloud answers them with everywhere:
     * {@code TmpSecretId}, {@code TmpSecretKey} and {@code Token} in {@code keys}, and
     * {@code ExpiredTime} (seconds since the epoch) in {@code expiry}.
     */
    static Credentials temporaryCredentials(JsonNode keys, JsonNode expiry, String what) {
        String secretId = requiredText(keys, "TmpSecretId", what);
        String secretKey = requiredText(keys, "TmpSecretKey", what);
        String token = requiredText(keys, "Token", what);
        JsonNode expiredTime = expiry.get("ExpiredTime");
        if (expiredTime == null || !expiredTime.canConvertToLong()) {
            throw new CredentialsException("the answer of " + what + " has no ExpiredTime");
        }
        return Credentials.of(secretId, secretKey, token, Instant.ofEpochSecond(expiredTime.asLong()));
    }

    private static String requiredText(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new CredentialsException("the answer of " + what + " has no " + field);
        }
        return value.textValue();
    }

    /**
     * The client of providers given none, created when one first fetches: HTTP/1.1, no
     * redirects, a 2-second connect timeout.
     */
    private static final class SharedClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}

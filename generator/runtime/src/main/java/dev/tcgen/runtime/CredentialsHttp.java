package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
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
     * Reads the answer's JSON object with {@code reader}; an answer that is not one is an error that does not quote
     * its text, which may hold a secret.
     */
    static <T> T json(HttpResponse<byte[]> response, String what, JsonReader.ObjectReader<T> reader) {
        try (JsonParser parser = Json.parser(response.body())) {
            return new JsonReader(parser).readDocument(reader);
        } catch (IOException e) {
            throw new CredentialsException("the answer of " + what + " is not a JSON object (HTTP "
                    + response.statusCode() + ", " + response.body().length + " bytes)");
        }
    }

    /**
     * The members Tencent Cloud answers temporary credentials with everywhere: {@code TmpSecretId},
     * {@code TmpSecretKey}, {@code Token} and {@code ExpiredTime} (seconds since the epoch), and the metadata
     * service's {@code Code}; STS answers the keys in an object of their own.
     */
    static final class TemporaryKeys {
        private String secretId;
        private String secretKey;
        private String token;
        private Long expiredTime;
        private String code;

        static TemporaryKeys readJson(JsonReader in) throws IOException {
            TemporaryKeys keys = new TemporaryKeys();
            in.readMembers(name -> {
                switch (name) {
                    case "TmpSecretId" -> keys.secretId = in.readString();
                    case "TmpSecretKey" -> keys.secretKey = in.readString();
                    case "Token" -> keys.token = in.readString();
                    case "ExpiredTime" -> keys.expiredTime = in.readInt64();
                    case "Code" -> keys.code = in.readString();
                    default -> in.skipValue();
                }
            });
            return keys;
        }

        /** The metadata service's {@code Code}: {@code Success}, or {@code ""} if absent. */
        String code() {
            return code == null ? "" : code;
        }

        /** The {@code ExpiredTime} beside the keys, or {@code null}. */
        Long expiredTime() {
            return expiredTime;
        }

        /**
         * The credentials of these keys, expiring at {@code expiredTime} (seconds since the epoch).
         *
         * @throws CredentialsException naming the first member missing
         */
        Credentials credentials(Long expiredTime, String what) {
            String id = required(secretId, "TmpSecretId", what);
            String key = required(secretKey, "TmpSecretKey", what);
            String session = required(token, "Token", what);
            if (expiredTime == null) {
                throw new CredentialsException("the answer of " + what + " has no ExpiredTime");
            }
            return Credentials.of(id, key, session, Instant.ofEpochSecond(expiredTime));
        }

        private static String required(String value, String field, String what) {
            if (value == null || value.isBlank()) {
                throw new CredentialsException("the answer of " + what + " has no " + field);
            }
            return value;
        }
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

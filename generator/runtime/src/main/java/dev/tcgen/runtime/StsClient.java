package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Calls the Security Token Service (STS, API version 2018-08-13) for temporary credentials: the
 * little of a client that the {@link StsCredentialsProvider}s need, over the runtime's own signer and an
 * {@code HttpClient}. A call is an API 3.0 {@code POST} of JSON, signed with TC3-HMAC-SHA256
 * like any other, or unsigned ({@code Authorization: SKIP}) for
 * {@code AssumeRoleWithWebIdentity}, whose web identity token is the proof. The answer is
 * {@code {"Response": {"Credentials": {"TmpSecretId", "TmpSecretKey", "Token"}, "ExpiredTime",
 * "Expiration", "RequestId"}}}, or an {@code Error}, which becomes a
 * {@link CredentialsException} with its code, message and request id.
 */
final class StsClient {
    private static final String SERVICE = "sts";

    private static final String VERSION = "2018-08-13";

    private final URI endpoint;

    private final String host;

    private final CredentialsHttp http;

    StsClient(URI endpoint, CredentialsHttp http) {
        this.endpoint = endpoint;
        this.host = ApiTransport.hostHeader(endpoint);
        this.http = http;
    }

    /**
     * Calls {@code action} with the JSON {@code body} and returns the temporary credentials it
     * answers.
     *
     * @param region sent as {@code X-TC-Region}
     * @param signWith the credentials to sign with, or {@code null} for an unsigned call
     * @param now the time the request is dated with
     */
    CompletableFuture<Credentials> temporaryCredentials(String action, String region,
            ObjectNode body, Credentials signWith, Instant now) {
        byte[] payload = json(body);
        long timestamp = now.getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .header("Content-Type", ApiTransport.CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("X-TC-Region", region)
                .header("User-Agent", ApiTransport.DEFAULT_USER_AGENT);
        if (signWith == null) {
            request.header("Authorization", "SKIP");
        } else {
            request.header("Authorization", Tc3Signer.authorization(
                    signWith, SERVICE, host, ApiTransport.CONTENT_TYPE, payload, timestamp));
            signWith.token().ifPresent(token -> request.header("X-TC-Token", token));
        }
        String what = "STS " + action;
        return http.send(request, what).thenApply(response -> credentials(response, what));
    }

    /**
     * The credentials of an answer, or the exception its error or shape calls for.
     */
    private static Credentials credentials(HttpResponse<byte[]> response, String what) {
        JsonNode envelope = CredentialsHttp.json(response, what).get("Response");
        if (envelope == null || !envelope.isObject()) {
            throw new CredentialsException("the answer of " + what + " has no Response object (HTTP "
                    + response.statusCode() + ")");
        }
        JsonNode error = envelope.get("Error");
        if (error != null && error.isObject()) {
            throw new CredentialsException(what + " failed: " + error.path("Code").asText("") + ": "
                    + error.path("Message").asText("") + " (RequestId " + envelope.path("RequestId").asText("none")
                    + ", HTTP " + response.statusCode() + ")");
        }
        JsonNode keys = envelope.get("Credentials");
        if (response.statusCode() != 200 || keys == null || !keys.isObject()) {
            throw new CredentialsException("the answer of " + what + " has no Credentials (HTTP "
                    + response.statusCode() + ")");
        }
        return CredentialsHttp.temporaryCredentials(keys, envelope, what);
    }

    private static byte[] json(ObjectNode body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}

package dev.tcgen.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
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
     * Calls {@code action} with {@code body}, its members (strings and numbers) by name, and returns the temporary credentials it
     * answers.
     *
     * @param region sent as {@code X-TC-Region}
     * @param signWith the credentials to sign with, or {@code null} for an unsigned call
     * @param now the time the request is dated with
     */
    CompletableFuture<Credentials> temporaryCredentials(String action, String region,
            Map<String, Object> body, Credentials signWith, Instant now) {
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
        Answer answer = CredentialsHttp.json(response, what, Answer::readJson);
        if (!answer.response) {
            throw new CredentialsException("the answer of " + what + " has no Response object (HTTP "
                    + response.statusCode() + ")");
        }
        if (answer.error != null) {
            throw new CredentialsException(what + " failed: " + answer.error + " (RequestId "
                    + (answer.requestId == null ? "none" : TencentCloudException.printable(answer.requestId)) + ", HTTP "
                    + response.statusCode() + ")");
        }
        if (response.statusCode() != 200 || answer.credentials == null) {
            throw new CredentialsException("the answer of " + what + " has no Credentials (HTTP "
                    + response.statusCode() + ")");
        }
        return answer.credentials.credentials(answer.expiredTime, what);
    }

    /** Server text, printable on one line: an answer cannot forge a log line. */
    private static String text(String value) {
        return value == null ? "" : TencentCloudException.printable(value);
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return Json.bytes(body, (values, out) -> {
                for (Map.Entry<String, Object> member : values.entrySet()) {
                    if (member.getValue() instanceof Number number) {
                        out.writeInt64(member.getKey(), number.longValue());
                    } else {
                        out.writeString(member.getKey(), String.valueOf(member.getValue()));
                    }
                }
            }, null);
        } catch (IOException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
    }

    /**
     * STS's answer, {@code {"Response": {...}}}: the {@code Credentials} object, the {@code ExpiredTime} beside it,
     * and the {@code Error} and {@code RequestId} of any answer.
     */
    private static final class Answer {
        private boolean response;
        private CredentialsHttp.TemporaryKeys credentials;
        private Long expiredTime;
        private String error;
        private String requestId;

        static Answer readJson(JsonReader in) throws IOException {
            Answer answer = new Answer();
            in.readMembers(name -> {
                if (name.equals("Response")) {
                    answer.response = in.readObject(answer::readResponse) != null;
                } else {
                    in.skipValue();
                }
            });
            return answer;
        }

        private Answer readResponse(JsonReader in) throws IOException {
            in.readMembers(name -> {
                switch (name) {
                    case "Credentials" -> credentials = in.readObject(CredentialsHttp.TemporaryKeys::readJson);
                    case "ExpiredTime" -> expiredTime = in.readInt64();
                    case "RequestId" -> requestId = in.readString();
                    case "Error" -> {
                        in.readError();
                        error = in.hasError() ? text(in.errorCode()) + ": " + text(in.errorMessage()) : null;
                    }
                    default -> in.skipValue();
                }
            });
            return this;
        }
    }
}

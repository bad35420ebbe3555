package dev.tcgen.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TC3-HMAC-SHA256 check written from Tencent Cloud's documentation, independently of the runtime's signer, as a
 * test server's stand-in for Tencent's gateway.
 */
public final class IndependentTc3Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([a-z0-9]+)/tc3_request, "
                    + "SignedHeaders=content-type;host, Signature=([0-9a-f]{64})");

    private final String secretId;
    private final String secretKey;
    private final String service;

    /**
     * @param secretId the secret id a request must be signed with
     * @param secretKey its key
     * @param service the service of the credential scope, e.g. {@code trtc}
     */
    public IndependentTc3Verifier(String secretId, String secretKey, String service) {
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.service = service;
    }

    /** Why the request's signature is wrong, or {@code null} if it is right. */
    public String problem(String authorization, String contentType, String host, long timestamp, byte[] body) {
        if (authorization == null) {
            return "no Authorization header";
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return "malformed Authorization header";
        }
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC));
        if (!m.group(1).equals(secretId)) {
            return "unknown secret id";
        }
        if (!m.group(2).equals(date) || !m.group(3).equals(service)) {
            return "credential scope " + m.group(2) + "/" + m.group(3) + " should be " + date + "/" + service;
        }
        String canonicalRequest = "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\ncontent-type;host\n"
                + hex(sha256(body));
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(m.group(4)) ? null : "signature mismatch";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

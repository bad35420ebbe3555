package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated signer reproduces the worked example of Tencent Cloud's Signature v3 documentation exactly. */
class Tc3SignerVectorTest {

    private static JsonNode vector;

    @BeforeAll
    static void readVector() throws Exception {
        try (InputStream in = Tc3SignerVectorTest.class.getResourceAsStream("/vectors/tc3-signing.json")) {
            vector = new ObjectMapper().readTree(in);
        }
    }

    private static String text(String field) {
        return vector.get(field).asText();
    }

    private static long timestamp() {
        return vector.get("timestamp").asLong();
    }

    private static byte[] payload() {
        return text("payload").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyIntermediateValueMatches() {
        String hashedPayload = Tc3Signer.sha256Hex(payload());
        String canonicalRequest = Tc3Signer.canonicalRequest(text("contentType"), text("host"), hashedPayload);
        String scope = Tc3Signer.credentialScope(timestamp(), text("service"));
        String stringToSign = Tc3Signer.stringToSign(timestamp(), scope, canonicalRequest);

        assertEquals(text("hashedPayload"), hashedPayload);
        assertEquals(text("canonicalRequest"), canonicalRequest);
        assertEquals(text("credentialScope"), scope);
        assertEquals(text("stringToSign"), stringToSign);
        assertEquals(text("signature"), Tc3Signer.signature(text("secretKey"), timestamp(), text("service"), stringToSign));
    }

    /** The scope's date is the UTC day of the timestamp, up to its last second, before 1970 too. */
    @Test
    void theScopeDateChangesAtMidnightUtc() {
        assertEquals("1970-01-01/cvm/tc3_request", Tc3Signer.credentialScope(86_399, "cvm"));
        assertEquals("1970-01-02/cvm/tc3_request", Tc3Signer.credentialScope(86_400, "cvm"));
        assertEquals("1969-12-31/cvm/tc3_request", Tc3Signer.credentialScope(-1, "cvm"));
        assertEquals("2038-01-19/cvm/tc3_request", Tc3Signer.credentialScope(2_147_483_647L, "cvm"));
    }

    /** Each thread reuses its digest and MAC: signatures made in between, with other keys, change nothing. */
    @Test
    void reusedDigestsAndMacsKeepNoStateBetweenSignatures() throws Exception {
        Credentials credentials = Credentials.of(text("secretId"), text("secretKey"));
        Callable<String> sign = () -> Tc3Signer.authorization(credentials, text("service"), text("host"),
                text("contentType"), payload(), timestamp());
        Callable<String> other = () -> Tc3Signer.authorization(Credentials.of("AKIDother", "other-key"), "trtc",
                "trtc.tencentcloudapi.com", "application/json", new byte[1000], 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(i % 2 == 0 ? sign : other));
            }
            for (int i = 0; i < results.size(); i += 2) {
                assertEquals(text("authorization"), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAuthorizationHeaderMatches() {
        Credentials credentials = Credentials.of(text("secretId"), text("secretKey"));

        String authorization = Tc3Signer.authorization(credentials, text("service"), text("host"), text("contentType"),
                payload(), timestamp());

        assertEquals(text("authorization"), authorization);
    }

    @Test
    void credentialsNeverShowTheirSecrets() {
        Credentials credentials = Credentials.of(text("secretId"), text("secretKey"), "a-session-token");

        String shown = credentials.toString();

        assertFalse(shown.contains(text("secretKey")), shown);
        assertFalse(shown.contains("a-session-token"), shown);
        assertFalse(shown.contains(text("secretId")), shown);
    }
}

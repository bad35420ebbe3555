package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.testing.Reflection.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcgen.generator.testing.Reflection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated {@code Tc3Signer} against the worked example of Tencent Cloud's "Signature v3" documentation
 * ({@code vectors/tc3-signing.json}, a copy of the shared vector), checking every intermediate value.
 */
class Tc3SignerVectorTest {

    private static JsonNode vector;
    private static Class<?> signer;
    private static Class<?> credentials;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Tc3SignerVectorTest.class.getResourceAsStream("/vectors/tc3-signing.json")) {
            vector = new ObjectMapper().readTree(in);
        }
        signer = CoreFixture.coreClass("Tc3Signer");
        credentials = CoreFixture.coreClass("Credentials");
    }

    @Test
    void hashedPayload() {
        assertEquals(text("hashedPayload"), call(signer, "sha256Hex", payload()));
    }

    @Test
    void canonicalRequest() {
        assertEquals(text("canonicalRequest"),
                call(signer, "canonicalRequest", text("contentType"), text("host"), text("hashedPayload")));
    }

    @Test
    void credentialScope() {
        assertEquals(text("credentialScope"), call(signer, "credentialScope", timestamp(), text("service")));
    }

    @Test
    void stringToSign() {
        assertEquals(text("stringToSign"),
                call(signer, "stringToSign", timestamp(), text("credentialScope"), text("canonicalRequest")));
    }

    @Test
    void signature() {
        assertEquals(text("signature"),
                call(signer, "signature", text("secretKey"), timestamp(), text("service"), text("stringToSign")));
    }

    @Test
    void authorization() {
        Object keys = call(credentials, "of", text("secretId"), text("secretKey"));
        assertEquals(text("authorization"), call(signer, "authorization", keys, text("service"), text("host"),
                text("contentType"), payload(), timestamp()));
    }

    @Test
    void algorithmConstant() {
        assertEquals("TC3-HMAC-SHA256", Reflection.constant(signer, "ALGORITHM"));
        assertTrue(text("authorization").startsWith("TC3-HMAC-SHA256 "));
    }

    @Test
    void theScopeDateIsUtcEvenJustBeforeMidnightElsewhere() {
        // 2019-02-25T23:59:59Z is already 2019-02-26 in Beijing (UTC+8).
        assertEquals("2019-02-25/cvm/tc3_request", call(signer, "credentialScope", 1551139199L, "cvm"));
        assertEquals("2019-02-26/cvm/tc3_request", call(signer, "credentialScope", 1551139200L, "cvm"));
    }

    @Test
    void credentialsToStringMasksTheSecrets() {
        Object keys = call(credentials, "of", text("secretId"), text("secretKey"), "session-token-value");
        String shown = keys.toString();

        assertEquals("Credentials[secretId=AKID****MPLE, secretKey=****, token=****]", shown);
        assertFalse(shown.contains(text("secretKey")));
        assertFalse(shown.contains("session-token-value"));
        assertEquals("Credentials[secretId=AKID****MPLE, secretKey=****, token=none]",
                call(credentials, "of", text("secretId"), text("secretKey")).toString());
    }

    @Test
    void aShortSecretIdIsNeverShownWhole() {
        assertEquals("Credentials[secretId=ab****gh, secretKey=****, token=none]",
                call(credentials, "of", "abcdefgh", "key").toString());
        assertEquals("Credentials[secretId=****, secretKey=****, token=none]",
                call(credentials, "of", "abc", "key").toString());
    }

    @Test
    void credentialsExposeTheirPartsAndProvideThemselves() {
        Object keys = call(credentials, "of", "id", "key", "token");
        assertEquals("id", call(keys, "secretId"));
        assertEquals("key", call(keys, "secretKey"));
        assertEquals(Optional.of("token"), call(keys, "token"));
        assertEquals(keys, call(keys, "credentials"));
        assertEquals(Optional.empty(), call(call(credentials, "of", "id", "key", null), "token"));
    }

    @Test
    void blankKeysAreRejectedByName() {
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> call(credentials, "of", " ", "key"));
        assertTrue(id.getMessage().contains("secretId"), id.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> call(credentials, "of", "id", null));
        assertTrue(key.getMessage().contains("secretKey"), key.getMessage());
    }

    private static String text(String field) {
        JsonNode node = vector.get(field);
        if (node == null || !node.isTextual()) {
            throw new AssertionError("The vector has no text field " + field);
        }
        return node.textValue();
    }

    private static long timestamp() {
        return vector.get("timestamp").longValue();
    }

    /** The payload's exact ASCII text: its backslash-u sequences are literal characters, not escapes. */
    private static byte[] payload() {
        return text("payload").getBytes(StandardCharsets.UTF_8);
    }
}

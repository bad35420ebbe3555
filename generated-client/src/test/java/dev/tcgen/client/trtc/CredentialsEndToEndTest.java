package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static dev.tcgen.client.trtc.TestClients.TOKEN;
import static dev.tcgen.client.trtc.TestClients.echo;
import static dev.tcgen.client.trtc.TestClients.server;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.CredentialsException;
import dev.tcgen.client.core.CredentialsProviderChain;
import dev.tcgen.client.core.ProfileCredentialsProvider;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default credentials chain, end to end: from an injected environment and a temporary home directory to a
 * signature the server verifies, and a failure that says what was tried before anything is sent.
 */
@Timeout(60)
class CredentialsEndToEndTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private FakeTrtcServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = server(request -> echo(request, "req-ok"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private TrtcClient client() {
        return TrtcClient.builder()
                .credentials(CredentialsProviderChain.defaultChain(environment::get, home))
                .region(Region.AP_GUANGZHOU)
                .endpoint(server.endpoint())
                .build();
    }

    @Test
    void theProfileFileSignsWhenTheEnvironmentHasNoKeys() throws IOException {
        Path file = ProfileCredentialsProvider.defaultFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[default]\nsecret_id = " + SECRET_ID + "\nsecret_key = " + SECRET_KEY + "\n");

        try (TrtcClient client = client()) {
            assertEquals("req-ok", client.stopPublishCdnStream(stop("t-1")).requestId());
        }
        assertTrue(server.received().get(0).signatureValid());
    }

    @Test
    void temporaryCredentialsFromTheEnvironmentSendTheirToken() {
        environment.put("TENCENTCLOUD_SECRET_ID", SECRET_ID);
        environment.put("TENCENTCLOUD_SECRET_KEY", SECRET_KEY);
        environment.put("TENCENTCLOUD_TOKEN", TOKEN);

        try (TrtcClient client = client()) {
            client.stopPublishCdnStream(stop("t-1"));
        }
        assertTrue(server.received().get(0).signatureValid());
        assertEquals(TOKEN, server.received().get(0).header("X-TC-Token"));
    }

    @Test
    void withoutCredentialsAnywhereTheCallFailsBeforeSendingAndSaysWhatWasTried() {
        try (TrtcClient client = client()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_CREDENTIALS, e.code());
            assertEquals(0, e.attempts());
            CredentialsException cause = assertInstanceOf(CredentialsException.class, e.getCause());
            assertTrue(cause.getMessage().contains("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set"),
                    cause.getMessage());
            assertTrue(e.getMessage().contains(home.resolve(".tencentcloud").resolve("credentials") + " does not exist"),
                    e.getMessage());
            assertFalse(e.getMessage().contains(SECRET_KEY));
        }
        assertTrue(server.received().isEmpty());
    }
}

package dev.tcgen.client.trtc;

import static dev.tcgen.client.trtc.TestClients.SECRET_ID;
import static dev.tcgen.client.trtc.TestClients.SECRET_KEY;
import static dev.tcgen.client.trtc.TestClients.TOKEN;
import static dev.tcgen.client.trtc.TestClients.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.CredentialsException;
import dev.tcgen.client.core.DefaultCredentialsChain;
import dev.tcgen.client.core.ProfileCredentialsProvider;
import dev.tcgen.client.core.TencentCloudException;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.FakeCredentialsServer;
import dev.tcgen.runtime.testing.FakeMetadataServer;
import dev.tcgen.runtime.testing.FakeStsServer;
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
 * The default credentials chain end to end, each of its sources in turn (environment, home and system profile
 * files, CVM instance role, TKE OIDC), from an injected environment, a temporary home directory and local fakes of
 * the metadata service and STS to a signature the server verifies; and a failure that says what was tried before
 * anything is sent.
 */
@Timeout(60)
class CredentialsEndToEndTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private CredentialServices services;
    private FakeMetadataServer metadata;
    private FakeStsServer sts;
    private FakeTrtcServer server;

    @BeforeEach
    void startServers() throws IOException {
        services = new CredentialServices(request -> "AssumeRole is not used here");
        metadata = services.metadata.role(null);
        sts = services.sts;
        server = services.server;
    }

    @AfterEach
    void stopServers() {
        services.close();
    }

    private TrtcClient client() {
        return TrtcClient.builder()
                .credentials(DefaultCredentialsChain.builder()
                        .environment(environment::get)
                        .home(home)
                        .systemFile(systemFile())
                        .metadataEndpoint(metadata.endpoint())
                        .stsEndpoint(sts.endpoint())
                        .clock(services.time.clock())
                        .build())
                .region(Region.AP_GUANGZHOU)
                .endpoint(server.endpoint())
                .build();
    }

    private Path systemFile() {
        return home.resolve("etc").resolve("credentials");
    }

    /** Calls once and returns the request the server received, checking its signature. */
    private FakeTrtcServer.Received call() {
        try (TrtcClient client = client()) {
            assertEquals("req-ok", client.stopPublishCdnStream(stop("t-1")).requestId());
        }
        return services.lastRequest();
    }

    @Test
    void temporaryCredentialsFromTheEnvironmentSendTheirToken() {
        environment.put("TENCENTCLOUD_SECRET_ID", SECRET_ID);
        environment.put("TENCENTCLOUD_SECRET_KEY", SECRET_KEY);
        environment.put("TENCENTCLOUD_TOKEN", TOKEN);

        assertEquals(TOKEN, call().header("X-TC-Token"));
    }

    @Test
    void theProfileFileOfTheHomeDirectorySignsWhenTheEnvironmentHasNoKeys() throws IOException {
        writeProfile(ProfileCredentialsProvider.defaultFile(home));

        assertEquals(null, call().header("X-TC-Token"));
    }

    @Test
    void theSystemProfileFileSignsWhenTheHomeDirectoryHasNone() throws IOException {
        writeProfile(systemFile());

        call();
    }

    @Test
    void theCvmInstanceRoleSignsWhenNoFileHasKeys() {
        metadata.role(FakeMetadataServer.ROLE);

        assertEquals(FakeCredentialsServer.token(1), call().header("X-TC-Token"));
        assertEquals(1, metadata.fetches());
    }

    @Test
    void theTkeWebIdentityIsExchangedWithStsWhenThereIsNoInstanceRole() throws IOException {
        Path token = Files.writeString(home.resolve("tke-token"), FakeStsServer.WEB_IDENTITY_TOKEN);
        environment.putAll(Map.of("TKE_REGION", "ap-guangzhou", "TKE_PROVIDER_ID", "tke-oidc",
                "TKE_WEB_IDENTITY_TOKEN_FILE", token.toString(), "TKE_ROLE_ARN", "qcs::cam::uin/100000000001:roleName/app"));

        assertEquals(FakeCredentialsServer.token(1), call().header("X-TC-Token"));
        assertEquals("SKIP", sts.requests("AssumeRoleWithWebIdentity").get(0).header("Authorization"));
    }

    @Test
    void withoutCredentialsAnywhereTheCallFailsBeforeSendingAndSaysWhatWasTried() {
        try (TrtcClient client = client()) {
            TrtcException e = assertThrows(TrtcException.class, () -> client.stopPublishCdnStream(stop("t-1")));

            assertEquals(TencentCloudException.CLIENT_CREDENTIALS, e.code());
            assertEquals(0, e.attempts());
            CredentialsException cause = assertInstanceOf(CredentialsException.class, e.getCause());
            for (String tried : new String[] {"TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set",
                    ProfileCredentialsProvider.defaultFile(home) + " does not exist", systemFile() + " does not exist",
                    "no CAM role is bound to this instance", "TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, "
                            + "TKE_ROLE_ARN are not set"}) {
                assertTrue(cause.getMessage().contains(tried), cause.getMessage());
            }
            assertTrue(e.getMessage().startsWith("ClientError.Credentials: No credentials to sign StopPublishCdnStream "
                    + "with: No credentials found; tried: EnvironmentCredentialsProvider"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET_KEY));
        }
        assertTrue(server.received().isEmpty());
    }

    private static void writeProfile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[default]\nsecret_id = " + SECRET_ID + "\nsecret_key = " + SECRET_KEY + "\n");
    }
}

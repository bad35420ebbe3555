package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tcgen.runtime.testing.FakeCredentialsServer;
import dev.tcgen.runtime.testing.FakeMetadataServer;
import dev.tcgen.runtime.testing.FakeStsServer;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default chain in the official SDK's order, over an injected environment, a temporary home and system file,
 * and local fakes of the metadata service and STS: nothing here reads the real environment or files or leaves the
 * machine.
 */
@Timeout(60)
class DefaultCredentialsChainTest {

    private static final String ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

    @TempDir
    Path home;

    private final VirtualTime time = VirtualTime.manual();
    private final FakeMetadataServer metadata = new FakeMetadataServer(time.clock());
    private final FakeStsServer sts = new FakeStsServer(time.clock(), request -> "AssumeRole is not used here");
    private final Map<String, String> environment = new HashMap<>();

    @AfterEach
    void stop() {
        metadata.close();
        sts.close();
    }

    private CredentialsProviderChain chain() {
        return DefaultCredentialsChain.builder()
                .environment(environment::get)
                .home(home)
                .systemFile(systemFile())
                .metadataEndpoint(metadata.endpoint())
                .stsEndpoint(sts.endpoint())
                .clock(time.clock())
                .build();
    }

    private Path systemFile() {
        return home.resolve("etc").resolve("credentials");
    }

    @Test
    void theSourcesComeInTheOfficialOrder() {
        List<String> sources = CredentialsProviderChain.defaultChain().providers().stream()
                .map(provider -> provider.getClass().getSimpleName()).toList();

        assertEquals(List.of("EnvironmentCredentialsProvider", "ProfileCredentialsProvider", "ProfileCredentialsProvider",
                "CvmRoleCredentialsProvider", "WebIdentityCredentialsProvider"), sources);
        assertEquals("ProfileCredentialsProvider[file=/etc/tencentcloud/credentials, profile=default]",
                CredentialsProviderChain.defaultChain().providers().get(2).toString());
    }

    @Test
    void eachSourceIsUsedWhenTheOnesBeforeItHaveNothing() throws IOException {
        metadata.role(null);
        environment.putAll(Map.of("TKE_REGION", "ap-guangzhou", "TKE_PROVIDER_ID", "tke", "TKE_ROLE_ARN", "qcs::cam::uin/1:roleName/r",
                "TKE_WEB_IDENTITY_TOKEN_FILE", write(home.resolve("token"), FakeStsServer.WEB_IDENTITY_TOKEN).toString()));
        assertEquals(Optional.of(FakeCredentialsServer.token(1)), chain().credentials().token(), "TKE OIDC, last");

        metadata.role(FakeMetadataServer.ROLE);
        assertEquals(Optional.of(FakeCredentialsServer.token(1)), chain().credentials().token(), "the CVM role");
        assertEquals(1, metadata.fetches());

        write(systemFile(), "[default]\nsecret_id = AKIDsystem\nsecret_key = " + KEY + "\n");
        assertEquals("AKIDsystem", chain().credentials().secretId(), "/etc/tencentcloud/credentials");

        write(ProfileCredentialsProvider.defaultFile(home), "[default]\nsecret_id = AKIDhome\nsecret_key = " + KEY + "\n");
        assertEquals("AKIDhome", chain().credentials().secretId(), "~/.tencentcloud/credentials");

        environment.put("TENCENTCLOUD_SECRET_ID", ID);
        environment.put("TENCENTCLOUD_SECRET_KEY", KEY);
        assertEquals(ID, chain().credentials().secretId(), "the environment, first");
        assertEquals(1, metadata.fetches());
        assertEquals(1, sts.fetches());
    }

    @Test
    void whenNoSourceHasCredentialsTheMessageSaysWhatEachLacked() {
        metadata.role(null);

        String message = assertThrows(CredentialsException.class, () -> chain().credentials()).getMessage();

        Path homeFile = ProfileCredentialsProvider.defaultFile(home);
        assertEquals("No credentials found; tried: "
                + "EnvironmentCredentialsProvider: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set; "
                + "ProfileCredentialsProvider[file=" + homeFile + ", profile=default]: " + homeFile + " does not exist; "
                + "ProfileCredentialsProvider[file=" + systemFile() + ", profile=default]: " + systemFile()
                + " does not exist; "
                + "CvmRoleCredentialsProvider[endpoint=" + metadata.endpoint() + ", role=(the instance's)]: no CAM role is "
                + "bound to this instance (" + metadata.endpoint() + " answered HTTP 404); "
                + "WebIdentityCredentialsProvider[endpoint=" + sts.endpoint() + "/, roleArn=$TKE_ROLE_ARN, "
                + "tokenFile=$TKE_WEB_IDENTITY_TOKEN_FILE]: TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, "
                + "TKE_ROLE_ARN are not set: not a TKE pod with OIDC role access", message);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

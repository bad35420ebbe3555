package dev.tcgen.runtime;

import static dev.tcgen.runtime.testing.FakeCredentialsServer.SECRET_ID;
import static dev.tcgen.runtime.testing.FakeCredentialsServer.SECRET_KEY;
import static dev.tcgen.runtime.testing.FakeCredentialsServer.token;
import static dev.tcgen.runtime.testing.FakeStsServer.WEB_IDENTITY_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.testing.FakeCredentialsServer.Request;
import dev.tcgen.runtime.testing.FakeStsServer;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The STS providers, AssumeRole and AssumeRoleWithWebIdentity, against a local STS on virtual time. */
@Timeout(60)
class StsCredentialsProvidersTest {

    private static final String BASE_ID = "AKIDbaseUserEXAMPLE";
    private static final String BASE_KEY = "base-user-secret-key-EXAMPLE";
    private static final String BASE_TOKEN = "base-user-token-EXAMPLE";
    private static final String ROLE_ARN = "qcs::cam::uin/100000000001:roleName/deployer";

    @TempDir
    Path directory;

    private final VirtualTime time = VirtualTime.manual();
    private final FakeStsServer sts = new FakeStsServer(time.clock(), StsCredentialsProvidersTest::signatureProblem);
    private final Map<String, String> environment = new HashMap<>();

    @AfterEach
    void stop() {
        sts.close();
    }

    // ---- AssumeRole ----

    private AssumeRoleCredentialsProvider.Builder assumeRole() {
        return AssumeRoleCredentialsProvider.builder()
                .baseCredentials(Credentials.of(BASE_ID, BASE_KEY, BASE_TOKEN))
                .roleArn(ROLE_ARN)
                .endpoint(sts.endpoint())
                .clock(time.clock());
    }

    @Test
    void assumeRoleIsSignedWithTheBaseCredentialsAndAnswersTheRolesTemporaryOnes() {
        Credentials role = assumeRole().build().credentials();

        assertEquals(SECRET_ID, role.secretId());
        assertEquals(SECRET_KEY, role.secretKey());
        assertEquals(Optional.of(token(1)), role.token());
        assertEquals(Optional.of(VirtualTime.EPOCH.plus(Duration.ofHours(2))), role.expiration());
        Request request = sts.requests().get(0);
        assertEquals("AssumeRole", request.header("X-TC-Action"));
        assertEquals("2018-08-13", request.header("X-TC-Version"));
        assertEquals("ap-guangzhou", request.header("X-TC-Region"));
        assertEquals(BASE_TOKEN, request.header("X-TC-Token"));
        assertEquals(Long.toString(VirtualTime.EPOCH.getEpochSecond()), request.header("X-TC-Timestamp"));
        assertEquals(ROLE_ARN, request.field("RoleArn"));
        assertEquals("tcgen-" + VirtualTime.EPOCH.toEpochMilli(), request.field("RoleSessionName"));
        assertEquals("7200", request.field("DurationSeconds"));
    }

    @Test
    void theSessionDurationAndRegionCanBeChosenAndTheRoleIsAssumedAgainBeforeExpiry() {
        AssumeRoleCredentialsProvider provider = assumeRole()
                .roleSessionName("nightly-deploy").durationSeconds(900).region("ap-singapore").build();
        sts.lifetime(Duration.ofMinutes(15));
        provider.credentials();

        time.advance(Duration.ofMinutes(16));
        assertEquals(Optional.of(token(2)), provider.credentials().token());
        Request request = sts.requests().get(1);
        assertEquals("nightly-deploy", request.field("RoleSessionName"));
        assertEquals("900", request.field("DurationSeconds"));
        assertEquals("ap-singapore", request.header("X-TC-Region"));
    }

    @Test
    void anStsErrorIsACredentialsExceptionWithItsCodeAndRequestId() {
        sts.failWith("InvalidParameter.RoleNotExist", "The role does not exist.");

        CredentialsException e = assertThrows(CredentialsException.class, () -> assumeRole().build().credentials());

        assertEquals("STS AssumeRole failed: InvalidParameter.RoleNotExist: The role does not exist. "
                + "(RequestId sts-error, HTTP 200)", e.getMessage());
    }

    @Test
    void anStsErrorMessageCannotForgeALogLine() {
        sts.failWith("InvalidParameter\\u2028Forged", "No such role.\\nINFO: credentials refreshed\\r");

        CredentialsException e = assertThrows(CredentialsException.class, () -> assumeRole().build().credentials());

        assertEquals("STS AssumeRole failed: InvalidParameter\\u2028Forged: No such role.\\nINFO: credentials "
                + "refreshed\\r (RequestId sts-error, HTTP 200)", e.getMessage());
    }

    @Test
    void wrongBaseKeysAreRefusedByStsAndMissingOnesAreNamed() {
        CredentialsException wrong = assertThrows(CredentialsException.class, () -> assumeRole()
                .baseCredentials(Credentials.of(BASE_ID, "not-the-key")).build().credentials());
        assertTrue(wrong.getMessage().startsWith("STS AssumeRole failed: AuthFailure.SignatureFailure"), wrong.getMessage());

        CredentialsException none = assertThrows(CredentialsException.class, () -> assumeRole()
                .baseCredentials(EnvironmentCredentialsProvider.of(environment::get)).build().credentials());
        assertEquals("no base credentials to call STS AssumeRole with: TENCENTCLOUD_SECRET_ID and "
                + "TENCENTCLOUD_SECRET_KEY are not set", none.getMessage());
        assertEquals(1, sts.fetches(), "nothing sent without base credentials");
    }

    @Test
    void assumeRoleNeedsBaseCredentialsAndARoleAndShowsNoSecret() {
        assertEquals("AssumeRoleCredentialsProvider needs baseCredentials(...) before build()",
                assertThrows(IllegalStateException.class,
                        () -> AssumeRoleCredentialsProvider.builder().roleArn(ROLE_ARN).build()).getMessage());
        assertEquals("AssumeRoleCredentialsProvider needs roleArn(...) before build()",
                assertThrows(IllegalStateException.class, () -> AssumeRoleCredentialsProvider.builder()
                        .baseCredentials(Credentials.of(BASE_ID, BASE_KEY)).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> assumeRole().durationSeconds(43_201));
        assertThrows(IllegalArgumentException.class, () -> assumeRole().roleSessionName("a b"));

        AssumeRoleCredentialsProvider provider = assumeRole().build();
        provider.credentials();
        assertEquals("AssumeRoleCredentialsProvider[roleArn=" + ROLE_ARN + ", base=Credentials[secretId=AKID****MPLE, "
                + "secretKey=****, token=****], endpoint=" + sts.endpoint() + "/]", provider.toString());
        assertEquals("https://sts.tencentcloudapi.com", AssumeRoleCredentialsProvider.builder()
                .baseCredentials(Credentials.of(BASE_ID, BASE_KEY)).roleArn(ROLE_ARN).build().endpoint().toString());
    }

    // ---- AssumeRoleWithWebIdentity (TKE OIDC) ----

    private Path tkeEnvironment() throws IOException {
        Path tokenFile = directory.resolve("web-identity-token");
        Files.writeString(tokenFile, WEB_IDENTITY_TOKEN + "\n", StandardCharsets.UTF_8);
        environment.put("TKE_REGION", "ap-shanghai");
        environment.put("TKE_PROVIDER_ID", "tke-oidc-provider");
        environment.put("TKE_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString());
        environment.put("TKE_ROLE_ARN", ROLE_ARN);
        return tokenFile;
    }

    private WebIdentityCredentialsProvider.Builder webIdentity() {
        return WebIdentityCredentialsProvider.builder().environment(environment::get).endpoint(sts.endpoint())
                .clock(time.clock());
    }

    @Test
    void theTkeTokenIsExchangedUnsignedForTheRolesCredentials() throws IOException {
        tkeEnvironment();

        Credentials role = webIdentity().build().credentials();

        assertEquals(SECRET_ID, role.secretId());
        assertEquals(Optional.of(token(1)), role.token());
        Request request = sts.requests().get(0);
        assertEquals("AssumeRoleWithWebIdentity", request.header("X-TC-Action"));
        assertEquals("SKIP", request.header("Authorization"));
        assertNull(request.header("X-TC-Token"));
        assertEquals("ap-shanghai", request.header("X-TC-Region"));
        assertEquals("tke-oidc-provider", request.field("ProviderId"));
        assertEquals(WEB_IDENTITY_TOKEN, request.field("WebIdentityToken"));
        assertEquals(ROLE_ARN, request.field("RoleArn"));
        assertEquals("7200", request.field("DurationSeconds"));
    }

    @Test
    void theTokenFileIsReadAgainAtEveryRefreshBecauseTkeRotatesIt() throws IOException {
        Path tokenFile = tkeEnvironment();
        WebIdentityCredentialsProvider provider = webIdentity().build();
        provider.credentials();

        Files.writeString(tokenFile, "rotated-token", StandardCharsets.UTF_8);
        sts.webIdentityToken("rotated-token");
        time.advance(Duration.ofHours(2));

        assertEquals(Optional.of(token(2)), provider.credentials().token());
        assertEquals("rotated-token", sts.requests().get(1).field("WebIdentityToken"));
    }

    @Test
    void valuesGivenToTheBuilderOverrideTheVariables() throws IOException {
        Path tokenFile = tkeEnvironment();
        environment.clear();

        webIdentity().region("ap-beijing").providerId("explicit-provider").tokenFile(tokenFile).roleArn(ROLE_ARN)
                .build().credentials();

        Request request = sts.requests().get(0);
        assertEquals("ap-beijing", request.header("X-TC-Region"));
        assertEquals("explicit-provider", request.field("ProviderId"));
    }

    @Test
    void outsideTkeTheMissingVariablesAreNamedAndNothingIsSent() throws IOException {
        CredentialsException none = assertThrows(CredentialsException.class, () -> webIdentity().build().credentials());
        assertEquals("TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN are not set: not a TKE "
                + "pod with OIDC role access", none.getMessage());

        Path tokenFile = tkeEnvironment();
        Files.writeString(tokenFile, " \n", StandardCharsets.UTF_8);
        assertEquals("the web identity token file " + tokenFile + " is empty",
                assertThrows(CredentialsException.class, () -> webIdentity().build().credentials()).getMessage());
        Files.delete(tokenFile);
        assertTrue(assertThrows(CredentialsException.class, () -> webIdentity().build().credentials()).getMessage()
                .startsWith("cannot read the web identity token file " + tokenFile + ": NoSuchFileException"));
        assertEquals(0, sts.fetches());
    }

    @Test
    void aRefusedTokenIsReportedWithoutTheToken() throws IOException {
        tkeEnvironment();
        sts.webIdentityToken("another-token");

        CredentialsException e = assertThrows(CredentialsException.class, () -> webIdentity().build().credentials());

        assertEquals("STS AssumeRoleWithWebIdentity failed: InvalidParameter.WebIdentityTokenError: The web identity "
                + "token is invalid. (RequestId sts-error, HTTP 200)", e.getMessage());
        WebIdentityCredentialsProvider provider = webIdentity().build();
        assertEquals("WebIdentityCredentialsProvider[endpoint=" + sts.endpoint() + "/, roleArn=$TKE_ROLE_ARN, "
                + "tokenFile=$TKE_WEB_IDENTITY_TOKEN_FILE]", provider.toString());
        assertFalse(e.getMessage().contains(WEB_IDENTITY_TOKEN));
    }

    /** Checks an AssumeRole request the way STS would, with the runtime's signer over the base keys. */
    private static String signatureProblem(Request request) {
        String expected = Tc3Signer.authorization(Credentials.of(BASE_ID, BASE_KEY), "sts", request.header("Host"),
                request.header("Content-Type"), request.body().getBytes(StandardCharsets.UTF_8),
                Long.parseLong(request.header("X-TC-Timestamp")));
        return expected.equals(request.header("Authorization")) ? null : "signature mismatch";
    }
}

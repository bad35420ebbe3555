package dev.tcgen.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The temporary credentials of a CAM role for a workload that holds an OIDC web identity token,
 * as a TKE pod does: the token is exchanged with STS {@code AssumeRoleWithWebIdentity}, and the
 * credentials refreshed 5 minutes before they expire, one request at a time
 * ({@link RemoteCredentialsProvider}). The official SDK's {@code OIDCRoleArnProvider}.
 *
 * <p>On TKE, with OIDC role access enabled, the pod's environment names everything:
 * {@code TKE_REGION}, {@code TKE_PROVIDER_ID}, {@code TKE_WEB_IDENTITY_TOKEN_FILE} and
 * {@code TKE_ROLE_ARN}. They are read at every refresh, and so is the token file, which TKE
 * rotates. The request ({@code POST https://sts.tencentcloudapi.com}, version 2018-08-13) is
 * unsigned ({@code Authorization: SKIP}; the token is the proof) and carries {@code ProviderId},
 * {@code WebIdentityToken}, {@code RoleArn}, {@code RoleSessionName} and {@code DurationSeconds}.
 * The last source of the {@link DefaultCredentialsChain default chain}.
 *
 * <pre>{@code
 * CredentialsProvider pod = WebIdentityCredentialsProvider.fromTkeEnvironment();
 * CredentialsProvider explicit = WebIdentityCredentialsProvider.builder()
 *         .region("ap-guangzhou")
 *         .providerId("tke-oidc-provider")
 *         .tokenFile(Path.of("/var/run/secrets/tke/token"))
 *         .roleArn("qcs::cam::uin/100000000001:roleName/app")
 *         .build();
 * }</pre>
 *
 * <p>The web identity token is a secret like a key: no message, log or {@link #toString()}
 * shows it.
 */
public final class WebIdentityCredentialsProvider extends StsCredentialsProvider {
    /**
     * The variable naming the region sent with the request.
     */
    public static final String TKE_REGION = "TKE_REGION";

    /**
     * The variable naming the OIDC identity provider.
     */
    public static final String TKE_PROVIDER_ID = "TKE_PROVIDER_ID";

    /**
     * The variable naming the file that holds the web identity token.
     */
    public static final String TKE_WEB_IDENTITY_TOKEN_FILE = "TKE_WEB_IDENTITY_TOKEN_FILE";

    /**
     * The variable naming the role to assume.
     */
    public static final String TKE_ROLE_ARN = "TKE_ROLE_ARN";

    private static final String ACTION = "AssumeRoleWithWebIdentity";

    private final Function<String, String> environment;

    private final String providerId;

    private final String tokenFile;

    private WebIdentityCredentialsProvider(Builder builder) {
        super(builder);
        this.environment = builder.environment;
        this.providerId = builder.providerId;
        this.tokenFile = builder.tokenFile;
    }

    /**
     * Everything from the TKE variables of the process environment, against the real STS.
     *
     * @return the provider
     */
    public static WebIdentityCredentialsProvider fromTkeEnvironment() {
        return builder().build();
    }

    /**
     * Starts a provider. What is not set on the builder comes from the TKE variables.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Names the endpoint, the role and the token file (or the variables they come from),
     * never the token.
     *
     * @return e.g. {@code WebIdentityCredentialsProvider[endpoint=https://sts.tencentcloudapi.com,
     *     roleArn=$TKE_ROLE_ARN, tokenFile=$TKE_WEB_IDENTITY_TOKEN_FILE]}
     */
    @Override
    public String toString() {
        return "WebIdentityCredentialsProvider[endpoint=" + endpoint
                + ", roleArn=" + (roleArn != null ? roleArn : "$" + TKE_ROLE_ARN)
                + ", tokenFile=" + (tokenFile != null ? tokenFile : "$" + TKE_WEB_IDENTITY_TOKEN_FILE) + ']';
    }

    @Override
    CompletableFuture<Credentials> fetch() {
        List<String> missing = new ArrayList<>();
        String region = setting(this.region, TKE_REGION, missing);
        String providerId = setting(this.providerId, TKE_PROVIDER_ID, missing);
        String tokenFile = setting(this.tokenFile, TKE_WEB_IDENTITY_TOKEN_FILE, missing);
        String roleArn = setting(this.roleArn, TKE_ROLE_ARN, missing);
        if (!missing.isEmpty()) {
            throw new CredentialsException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set: not a TKE pod with OIDC role access");
        }
        Instant now = clock.instant();
        Map<String, Object> body = roleSession(roleArn, now);
        body.put("ProviderId", providerId);
        body.put("WebIdentityToken", token(tokenFile));
        return sts.temporaryCredentials(ACTION, region, body, null, now);
    }

    /**
     * The value given to the builder, or else the variable's; {@code null} (and the variable
     * added to {@code missing}) if neither is set.
     */
    private String setting(String given, String variable, List<String> missing) {
        if (given != null) {
            return given;
        }
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            missing.add(variable);
            return null;
        }
        return value.strip();
    }

    /**
     * The token file's text, read afresh: TKE rotates it.
     */
    private static String token(String file) {
        String token;
        try {
            token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | InvalidPathException e) {
            throw new CredentialsException("cannot read the web identity token file " + file + ": " + ResponseReader.describe(e), e);
        }
        if (token.isEmpty()) {
            throw new CredentialsException("the web identity token file " + file + " is empty");
        }
        return token;
    }

    /**
     * Configures a {@link WebIdentityCredentialsProvider}: the identity provider and token file,
     * and the options of every {@link StsCredentialsProvider}. What is not set comes from the TKE
     * variables: the region from {@code TKE_REGION}, the role from {@code TKE_ROLE_ARN}, and so on.
     */
    public static final class Builder extends StsCredentialsProvider.Builder<Builder> {
        private Function<String, String> environment = System::getenv;

        private String providerId;

        private String tokenFile;

        private Builder() {
        }

        /**
         * Where the TKE variables are read, e.g. {@code Map::get} of a map in a test. Default
         * {@link System#getenv(String)}.
         *
         * @param environment gives a variable's value, or {@code null} when it is unset
         * @return this builder
         */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The OIDC identity provider's id in CAM. Default: {@code TKE_PROVIDER_ID}.
         *
         * @param providerId the identity provider
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder providerId(String providerId) {
            this.providerId = requireText(providerId, "providerId");
            return this;
        }

        /**
         * The file holding the web identity token, read at every refresh. Default:
         * {@code TKE_WEB_IDENTITY_TOKEN_FILE}.
         *
         * @param tokenFile the token file
         * @return this builder
         */
        public Builder tokenFile(Path tokenFile) {
            this.tokenFile = tokenFile.toString();
            return this;
        }

        /**
         * Builds the provider; it reads the variables and calls STS only when it is first
         * asked.
         *
         * @return the provider
         */
        public WebIdentityCredentialsProvider build() {
            return new WebIdentityCredentialsProvider(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}

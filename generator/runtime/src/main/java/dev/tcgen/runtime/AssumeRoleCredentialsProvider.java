package dev.tcgen.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The temporary credentials of a CAM role, from STS {@code AssumeRole} signed with base
 * credentials (another provider: the keys of a user allowed to assume the role), refreshed
 * 5 minutes before they expire, one request at a time ({@link RemoteCredentialsProvider}).
 *
 * <p>The request ({@code POST https://sts.tencentcloudapi.com}, action {@code AssumeRole}, version
 * 2018-08-13, region {@code ap-guangzhou} unless set) carries {@code RoleArn},
 * {@code RoleSessionName} and {@code DurationSeconds}; the answer's {@code Credentials}
 * ({@code TmpSecretId}, {@code TmpSecretKey}, {@code Token}) and {@code ExpiredTime} become the
 * credentials.
 *
 * <pre>{@code
 * CredentialsProvider role = AssumeRoleCredentialsProvider.builder()
 *         .baseCredentials(EnvironmentCredentialsProvider.create())
 *         .roleArn("qcs::cam::uin/100000000001:roleName/deployer")
 *         .roleSessionName("nightly-deploy")          // optional
 *         .build();
 * }</pre>
 */
public final class AssumeRoleCredentialsProvider extends StsCredentialsProvider {
    /**
     * The region sent with the request by default, as the official SDK does: {@code ap-guangzhou}.
     */
    public static final String DEFAULT_REGION = "ap-guangzhou";

    private static final String ACTION = "AssumeRole";

    private final CredentialsProvider base;

    private AssumeRoleCredentialsProvider(Builder builder) {
        super(builder);
        this.base = builder.base;
    }

    /**
     * Starts a provider; {@link Builder#baseCredentials} and {@link Builder#roleArn} are
     * required.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Names the role, the base provider and the endpoint, never a secret.
     *
     * @return e.g. {@code AssumeRoleCredentialsProvider[roleArn=qcs::cam::uin/1:roleName/r,
     *     base=EnvironmentCredentialsProvider, endpoint=https://sts.tencentcloudapi.com]}
     */
    @Override
    public String toString() {
        return "AssumeRoleCredentialsProvider[roleArn=" + roleArn + ", base=" + base + ", endpoint=" + endpoint + ']';
    }

    @Override
    CompletableFuture<Credentials> fetch() {
        return base.credentialsAsync().handle((keys, failure) -> {
            if (failure != null || keys == null) {
                Throwable cause = failure == null ? null : CredentialsFutures.unwrap(failure);
                throw new CredentialsException("no base credentials to call STS " + ACTION + " with: "
                        + (cause == null ? base + " returned null" : cause.getMessage()), cause);
            }
            return sts.temporaryCredentials(ACTION, region != null ? region : DEFAULT_REGION,
                    roleSession(roleArn, clock.instant()), keys, clock.instant());
        }).thenCompose(call -> call);
    }

    /**
     * Configures an {@link AssumeRoleCredentialsProvider}: the base credentials and the role
     * (required), and the options of every {@link StsCredentialsProvider}; the region defaults to
     * {@link #DEFAULT_REGION}.
     */
    public static final class Builder extends StsCredentialsProvider.Builder<Builder> {
        private CredentialsProvider base;

        private Builder() {
        }

        /**
         * The credentials that sign the {@code AssumeRole} request: of a user or role allowed
         * to assume the role. Required.
         *
         * @param base the base credentials' provider
         * @return this builder
         */
        public Builder baseCredentials(CredentialsProvider base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /**
         * Builds the provider; it calls STS only when it is first asked.
         *
         * @return the provider
         * @throws IllegalStateException if the base credentials or the role are missing
         */
        public AssumeRoleCredentialsProvider build() {
            if (base == null || !hasRoleArn()) {
                throw new IllegalStateException("AssumeRoleCredentialsProvider needs "
                        + (base == null ? "baseCredentials(...)" : "roleArn(...)") + " before build()");
            }
            return new AssumeRoleCredentialsProvider(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}

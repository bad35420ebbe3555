package dev.tcgen.runtime;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A provider of a CAM role's temporary credentials from the Security Token Service (STS):
 * {@link AssumeRoleCredentialsProvider} (a request signed with base credentials) and
 * {@link WebIdentityCredentialsProvider} (an unsigned request carrying a web identity token).
 * Both name the role, the session and its duration, and take the answer's {@code Credentials}
 * and {@code ExpiredTime}; both refresh like every {@link RemoteCredentialsProvider}.
 */
public abstract class StsCredentialsProvider extends RemoteCredentialsProvider {
    /**
     * The real STS endpoint: {@code https://sts.tencentcloudapi.com}.
     */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://sts.tencentcloudapi.com");

    /**
     * How long each STS request waits by default: 10 seconds.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long a role session lasts by default: 7,200 seconds (2 hours), as STS's own default.
     */
    public static final long DEFAULT_DURATION_SECONDS = 7_200;

    /**
     * The longest a role session may last: 43,200 seconds (12 hours).
     */
    public static final long MAX_DURATION_SECONDS = 43_200;

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,128}");

    /**
     * The region given to the builder, or {@code null}.
     */
    final String region;

    /**
     * The role given to the builder, or {@code null}.
     */
    final String roleArn;

    final StsClient sts;

    private final String roleSessionName;

    private final long durationSeconds;

    StsCredentialsProvider(Builder<?> builder) {
        super(builder);
        this.region = builder.region;
        this.roleArn = builder.roleArn;
        this.roleSessionName = builder.roleSessionName;
        this.durationSeconds = builder.durationSeconds;
        this.sts = new StsClient(endpoint, http);
    }

    /**
     * The request body that name the role and the session: {@code RoleArn},
     * {@code RoleSessionName} (by default {@code tcgen-<epoch millis>}) and
     * {@code DurationSeconds}.
     */
    Map<String, Object> roleSession(String roleArn, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RoleArn", roleArn);
        body.put("RoleSessionName", roleSessionName != null ? roleSessionName : "tcgen-" + now.toEpochMilli());
        body.put("DurationSeconds", durationSeconds);
        return body;
    }

    /**
     * The options of the STS providers, besides those every remote provider has: the endpoint
     * defaults to {@link #DEFAULT_ENDPOINT}, the timeout to {@link #DEFAULT_TIMEOUT}.
     *
     * @param <B> the provider's own builder
     */
    public abstract static class Builder<B extends Builder<B>> extends RemoteCredentialsProvider.Builder<B> {
        private String region;

        private String roleArn;

        private String roleSessionName;

        private long durationSeconds = DEFAULT_DURATION_SECONDS;

        Builder() {
            super(DEFAULT_ENDPOINT, DEFAULT_TIMEOUT);
        }

        /**
         * The region sent as {@code X-TC-Region}; each provider documents its default.
         *
         * @param region a region, e.g. {@code ap-guangzhou}
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public B region(String region) {
            this.region = requireText(region, "region");
            return self();
        }

        /**
         * The role to assume, e.g. {@code qcs::cam::uin/100000000001:roleName/deployer}.
         *
         * @param roleArn the role's resource name
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public B roleArn(String roleArn) {
            this.roleArn = requireText(roleArn, "roleArn");
            return self();
        }

        /**
         * The session's name, which CloudAudit records. Default {@code tcgen-<epoch millis>} of
         * each request.
         *
         * @param roleSessionName 2 to 128 letters, digits and {@code +=,.@_-}
         * @return this builder
         * @throws IllegalArgumentException if it is not of that form
         */
        public B roleSessionName(String roleSessionName) {
            if (roleSessionName == null || !SESSION_NAME.matcher(roleSessionName).matches()) {
                throw new IllegalArgumentException("a role session name has 2 to 128 letters, digits and +=,.@_-, not " + roleSessionName);
            }
            this.roleSessionName = roleSessionName;
            return self();
        }

        /**
         * How long the credentials last, in seconds. Default {@link #DEFAULT_DURATION_SECONDS}.
         *
         * @param durationSeconds 1 to {@link #MAX_DURATION_SECONDS}
         * @return this builder
         * @throws IllegalArgumentException if it is out of that range
         */
        public B durationSeconds(long durationSeconds) {
            if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
                throw new IllegalArgumentException("durationSeconds must be between 1 and " + MAX_DURATION_SECONDS + ", not " + durationSeconds);
            }
            this.durationSeconds = durationSeconds;
            return self();
        }

        /**
         * Whether {@link #roleArn} was given.
         */
        boolean hasRoleArn() {
            return roleArn != null;
        }

        /**
         * {@code scheme://host[:port]}, as every API 3.0 endpoint.
         */
        @Override
        URI checkEndpoint(URI endpoint) {
            return ApiTransport.normalizeEndpoint(endpoint);
        }

        static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be null or blank");
            }
            return value;
        }
    }
}

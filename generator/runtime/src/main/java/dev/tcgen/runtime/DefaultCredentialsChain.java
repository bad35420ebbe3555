package dev.tcgen.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * The credentials a client uses when it is given none: the official SDK's default sources, in
 * its order, as a {@link CredentialsProviderChain}:
 *
 * <ol>
 *   <li>the environment: {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY},
 *       {@code TENCENTCLOUD_TOKEN} ({@link EnvironmentCredentialsProvider});</li>
 *   <li>the {@code default} profile of {@code ~/.tencentcloud/credentials}, then of
 *       {@code /etc/tencentcloud/credentials} ({@link ProfileCredentialsProvider});</li>
 *   <li>the CAM role of the CVM instance, from its metadata service
 *       ({@link CvmRoleCredentialsProvider});</li>
 *   <li>TKE's OIDC web identity, exchanged with STS ({@link WebIdentityCredentialsProvider}).</li>
 * </ol>
 *
 * <p>The chain is asked before every request, so credentials set up after the client was built
 * are found; the role sources fetch once and refresh before expiry. When none has credentials,
 * the failure lists each source and why.
 *
 * <pre>{@code
 * CredentialsProvider defaults = DefaultCredentialsChain.create();
 * // in a test: an injected environment and home directory, local fakes for the services
 * CredentialsProvider inTest = DefaultCredentialsChain.builder()
 *         .environment(Map.of("TKE_REGION", "ap-guangzhou", ...)::get)
 *         .home(temporaryHome)
 *         .systemFile(temporaryHome.resolve("etc-credentials"))
 *         .metadataEndpoint(fakeMetadata.endpoint())
 *         .stsEndpoint(fakeSts.endpoint())
 *         .build();
 * }</pre>
 */
public final class DefaultCredentialsChain {
    private DefaultCredentialsChain() {
    }

    /**
     * The default chain over the process environment, the user's home directory and the real
     * services.
     *
     * @return the chain
     */
    public static CredentialsProviderChain create() {
        return builder().build();
    }

    /**
     * Starts a default chain whose inputs may be replaced, for tests.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Replaces the inputs of the default chain. Not thread-safe; the chain it builds is.
     */
    public static final class Builder {
        private Function<String, String> environment = System::getenv;

        private Path home = Path.of(System.getProperty("user.home", "."));

        private Path systemFile = ProfileCredentialsProvider.SYSTEM_FILE;

        private URI metadataEndpoint = CvmRoleCredentialsProvider.DEFAULT_ENDPOINT;

        private URI stsEndpoint = StsCredentialsProvider.DEFAULT_ENDPOINT;

        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Where the variables are read (the keys and the TKE variables). Default
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
         * The home directory holding {@code .tencentcloud/credentials}. Default: the
         * {@code user.home} system property.
         *
         * @param home a directory
         * @return this builder
         */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /**
         * The credentials file tried after the home directory's. Default
         * {@link ProfileCredentialsProvider#SYSTEM_FILE}.
         *
         * @param systemFile a credentials file
         * @return this builder
         */
        public Builder systemFile(Path systemFile) {
            this.systemFile = Objects.requireNonNull(systemFile, "systemFile");
            return this;
        }

        /**
         * The CVM metadata service. Default {@link CvmRoleCredentialsProvider#DEFAULT_ENDPOINT}.
         *
         * @param metadataEndpoint the directory of role credentials
         * @return this builder
         */
        public Builder metadataEndpoint(URI metadataEndpoint) {
            this.metadataEndpoint = Objects.requireNonNull(metadataEndpoint, "metadataEndpoint");
            return this;
        }

        /**
         * The STS endpoint of the OIDC exchange. Default {@link StsCredentialsProvider#DEFAULT_ENDPOINT}.
         *
         * @param stsEndpoint the STS endpoint
         * @return this builder
         */
        public Builder stsEndpoint(URI stsEndpoint) {
            this.stsEndpoint = Objects.requireNonNull(stsEndpoint, "stsEndpoint");
            return this;
        }

        /**
         * The clock of the role sources' expirations. Default: the system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the chain; nothing is read or fetched until it is first asked.
         *
         * @return the chain
         * @throws IllegalArgumentException if an endpoint is not of the form its provider takes
         */
        public CredentialsProviderChain build() {
            return CredentialsProviderChain.of(
                    EnvironmentCredentialsProvider.of(environment),
                    ProfileCredentialsProvider.of(ProfileCredentialsProvider.defaultFile(home), ProfileCredentialsProvider.DEFAULT_PROFILE),
                    ProfileCredentialsProvider.of(systemFile, ProfileCredentialsProvider.DEFAULT_PROFILE),
                    CvmRoleCredentialsProvider.builder().endpoint(metadataEndpoint).clock(clock).build(),
                    WebIdentityCredentialsProvider.builder().environment(environment).endpoint(stsEndpoint).clock(clock).build());
        }
    }
}

package dev.tcgen.runtime;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The temporary credentials of the CAM role bound to this CVM instance, from the instance
 * metadata service, which only the instance itself can reach:
 *
 * <ol>
 *   <li>{@code GET http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/}
 *       answers the role's name (skipped when a {@link Builder#roleName role name} is given);</li>
 *   <li>{@code GET .../security-credentials/<role>} answers
 *       {@code {"TmpSecretId", "TmpSecretKey", "Token", "ExpiredTime", "Expiration", "Code": "Success"}}.</li>
 * </ol>
 *
 * <p>The credentials are fetched at the first call and again 5 minutes before their
 * {@code ExpiredTime}, one fetch at a time ({@link RemoteCredentialsProvider}). The third
 * source of the {@link DefaultCredentialsChain default chain}, after the environment and the
 * profile files; outside a CVM instance the metadata host does not resolve, and the provider
 * says so.
 *
 * <pre>{@code
 * CredentialsProvider role = CvmRoleCredentialsProvider.create();
 * CredentialsProvider named = CvmRoleCredentialsProvider.builder().roleName("app-role").build();
 * }</pre>
 */
public final class CvmRoleCredentialsProvider extends RemoteCredentialsProvider {
    /**
     * The metadata service's directory of role credentials:
     * {@code http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/}.
     */
    public static final URI DEFAULT_ENDPOINT =
            URI.create("http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/");

    /**
     * How long each metadata request waits by default: 2 seconds (the service is local to the
     * instance and answers at once).
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final String WHAT = "the CVM metadata service";

    /**
     * CAM role names: letters, digits and {@code +=,.@_-}.
     */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");

    private final String roleName;

    private CvmRoleCredentialsProvider(Builder builder) {
        super(builder);
        this.roleName = builder.roleName;
    }

    /**
     * The role bound to this instance, from the real metadata service.
     *
     * @return the provider
     */
    public static CvmRoleCredentialsProvider create() {
        return builder().build();
    }

    /**
     * Starts a provider with the defaults: the real metadata service, the role it names.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Names the endpoint and the role, never the credentials.
     *
     * @return e.g. {@code CvmRoleCredentialsProvider[endpoint=http://metadata.tencentyun.com/..., role=app-role]}
     */
    @Override
    public String toString() {
        return "CvmRoleCredentialsProvider[endpoint=" + endpoint + ", role="
                + (roleName == null ? "(the instance's)" : roleName) + ']';
    }

    @Override
    CompletableFuture<Credentials> fetch() {
        CompletableFuture<String> role = roleName != null
                ? CompletableFuture.completedFuture(roleName) : instanceRole();
        return role.thenCompose(this::roleCredentials);
    }

    /**
     * The name of the role bound to the instance.
     */
    private CompletableFuture<String> instanceRole() {
        return http.send(HttpRequest.newBuilder(endpoint).GET(), WHAT).thenApply(response -> {
            if (response.statusCode() == 404) {
                throw new CredentialsException("no CAM role is bound to this instance (" + endpoint + " answered HTTP 404)");
            }
            requireSuccess(response, endpoint);
            String name = new String(response.body(), StandardCharsets.UTF_8).strip().split("\\R", 2)[0].strip();
            if (name.isEmpty()) {
                throw new CredentialsException("no CAM role is bound to this instance (" + endpoint + " answered no role name)");
            }
            if (!ROLE_NAME.matcher(name).matches()) {
                throw new CredentialsException(WHAT + " at " + endpoint + " answered a role name that is not one");
            }
            return name;
        });
    }

    /**
     * The role's temporary credentials.
     */
    private CompletableFuture<Credentials> roleCredentials(String role) {
        URI uri = endpoint.resolve(role);
        return http.send(HttpRequest.newBuilder(uri).GET(), WHAT).thenApply(response -> {
            if (response.statusCode() == 404) {
                throw new CredentialsException(WHAT + " has no credentials for the role " + role
                        + " (" + uri + " answered HTTP 404): is it bound to this instance?");
            }
            requireSuccess(response, uri);
            CredentialsHttp.TemporaryKeys answer =
                    CredentialsHttp.json(response, WHAT, CredentialsHttp.TemporaryKeys::readJson);
            if (!answer.code().equals("Success")) {
                throw new CredentialsException(WHAT + " answered Code \""
                        + TencentCloudException.printable(answer.code()) + "\" for the role " + role);
            }
            return answer.credentials(answer.expiredTime(), WHAT);
        });
    }

    private static void requireSuccess(HttpResponse<byte[]> response, URI uri) {
        if (response.statusCode() != 200) {
            throw new CredentialsException(WHAT + " answered HTTP " + response.statusCode() + " at " + uri);
        }
    }

    /**
     * Configures a {@link CvmRoleCredentialsProvider}: the endpoint (default
     * {@link #DEFAULT_ENDPOINT}), the timeout (default {@link #DEFAULT_TIMEOUT}), the role, and
     * the options every {@link RemoteCredentialsProvider} has.
     */
    public static final class Builder extends RemoteCredentialsProvider.Builder<Builder> {
        private String roleName;

        private Builder() {
            super(DEFAULT_ENDPOINT, DEFAULT_TIMEOUT);
        }

        /**
         * The role to fetch credentials for. Default: the one the metadata service names,
         * asked at every refresh, which saves nothing but follows a change of role.
         *
         * @param roleName a CAM role name
         * @return this builder
         * @throws IllegalArgumentException if it is not a role name
         */
        public Builder roleName(String roleName) {
            if (roleName == null || !ROLE_NAME.matcher(roleName).matches()) {
                throw new IllegalArgumentException("not a CAM role name: " + roleName);
            }
            this.roleName = roleName;
            return this;
        }

        /**
         * Builds the provider; it fetches nothing until it is first asked.
         *
         * @return the provider
         */
        public CvmRoleCredentialsProvider build() {
            return new CvmRoleCredentialsProvider(this);
        }

        /**
         * An {@code http(s)} URI of the directory of role credentials, ending with {@code /}
         * (added if missing).
         */
        @Override
        URI checkEndpoint(URI endpoint) {
            String text = endpoint.toString();
            if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null
                    || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
                throw new IllegalArgumentException("the metadata endpoint must be an http(s) URI such as " + DEFAULT_ENDPOINT + ", not " + endpoint);
            }
            return text.endsWith("/") ? endpoint : URI.create(text + '/');
        }

        @Override
        Builder self() {
            return this;
        }
    }
}

package dev.tcgen.runtime;

import java.util.Objects;
import java.util.function.Function;

/**
 * Credentials from the environment variables {@code TENCENTCLOUD_SECRET_ID},
 * {@code TENCENTCLOUD_SECRET_KEY} and, for temporary credentials, {@code TENCENTCLOUD_TOKEN}.
 *
 * <p>The variables are read on every call, so the provider is cheap to keep and sees no
 * stale copy. Blank values count as unset. The first of the
 * {@link CredentialsProviderChain#defaultChain() default chain}.
 *
 * <pre>{@code
 * CredentialsProvider fromEnvironment = EnvironmentCredentialsProvider.create();
 * // in a test, without touching the real environment:
 * CredentialsProvider fake = EnvironmentCredentialsProvider.of(Map.of(
 *         "TENCENTCLOUD_SECRET_ID", "AKID...", "TENCENTCLOUD_SECRET_KEY", "...")::get);
 * }</pre>
 *
 * <p>Immutable and thread-safe if the lookup function is.
 */
public final class EnvironmentCredentialsProvider implements CredentialsProvider {
    /**
     * The variable holding the secret id.
     */
    public static final String SECRET_ID = "TENCENTCLOUD_SECRET_ID";

    /**
     * The variable holding the secret key.
     */
    public static final String SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";

    /**
     * The variable holding the session token of temporary credentials; optional.
     */
    public static final String TOKEN = "TENCENTCLOUD_TOKEN";

    private final Function<String, String> environment;

    private EnvironmentCredentialsProvider(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Reads the process environment, {@link System#getenv(String)}.
     *
     * @return the provider
     */
    public static EnvironmentCredentialsProvider create() {
        return new EnvironmentCredentialsProvider(System::getenv);
    }

    /**
     * Reads variables through a function, e.g. {@code Map::get} of a map in a test.
     *
     * @param environment gives a variable's value, or {@code null} when it is unset
     * @return the provider
     */
    public static EnvironmentCredentialsProvider of(Function<String, String> environment) {
        return new EnvironmentCredentialsProvider(environment);
    }

    /**
     * The credentials the variables hold now.
     *
     * @return the credentials, with a token if {@code TENCENTCLOUD_TOKEN} is set
     * @throws CredentialsException if the secret id or the secret key is not set; the message
     *     names the variables, never their values
     */
    @Override
    public Credentials credentials() {
        String secretId = value(SECRET_ID);
        String secretKey = value(SECRET_KEY);
        if (secretId == null && secretKey == null) {
            throw new CredentialsException(SECRET_ID + " and " + SECRET_KEY + " are not set");
        }
        if (secretId == null || secretKey == null) {
            String missing = secretId == null ? SECRET_ID : SECRET_KEY;
            String present = secretId == null ? SECRET_KEY : SECRET_ID;
            throw new CredentialsException(missing + " is not set, although " + present + " is");
        }
        return Credentials.of(secretId, secretKey, value(TOKEN));
    }

    /**
     * Names the source, never the values.
     *
     * @return {@code EnvironmentCredentialsProvider}
     */
    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider";
    }

    private String value(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

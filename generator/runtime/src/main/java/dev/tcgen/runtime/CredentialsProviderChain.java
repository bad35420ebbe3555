package dev.tcgen.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Asks several providers in turn and returns the first credentials one of them has.
 *
 * <p>A provider that throws {@link CredentialsException} is skipped; when all of them do, the
 * chain throws a {@code CredentialsException} that lists each provider and why it had nothing,
 * for example:
 *
 * <pre>
 * No credentials found; tried: EnvironmentCredentialsProvider: TENCENTCLOUD_SECRET_ID and
 * TENCENTCLOUD_SECRET_KEY are not set; ProfileCredentialsProvider[file=/home/me/.tencentcloud/
 * credentials, profile=default]: /home/me/.tencentcloud/credentials does not exist
 * </pre>
 *
 * <p>The {@link #defaultChain() default chain}, which a client uses when it is given no
 * credentials, tries the environment ({@link EnvironmentCredentialsProvider}) and then the
 * {@code default} profile of {@code ~/.tencentcloud/credentials}
 * ({@link ProfileCredentialsProvider}). The chain is asked again for every request, so
 * credentials set up after the client was built are found.
 *
 * <pre>{@code
 * CredentialsProvider mine = CredentialsProviderChain.of(
 *         EnvironmentCredentialsProvider.create(),
 *         ProfileCredentialsProvider.create("staging"));
 * }</pre>
 *
 * <p>Immutable and thread-safe if its providers are.
 */
public final class CredentialsProviderChain implements CredentialsProvider {
    private final List<CredentialsProvider> providers;

    private CredentialsProviderChain(List<CredentialsProvider> providers) {
        this.providers = providers;
    }

    /**
     * A chain of the given providers, asked in this order.
     *
     * @param providers one or more providers
     * @return the chain
     * @throws IllegalArgumentException if there are none
     */
    public static CredentialsProviderChain of(CredentialsProvider... providers) {
        if (providers.length == 0) {
            throw new IllegalArgumentException("a chain needs at least one provider");
        }
        return new CredentialsProviderChain(List.of(providers));
    }

    /**
     * The environment variables, then the {@code default} profile of
     * {@code ~/.tencentcloud/credentials}.
     *
     * @return the default chain, on the real environment and home directory
     */
    public static CredentialsProviderChain defaultChain() {
        return of(EnvironmentCredentialsProvider.create(), ProfileCredentialsProvider.create());
    }

    /**
     * The default chain over a given environment and home directory, e.g. a map and a
     * temporary directory in a test.
     *
     * @param environment gives a variable's value, or {@code null} when it is unset
     * @param home the directory holding {@code .tencentcloud/credentials}
     * @return the default chain over them
     */
    public static CredentialsProviderChain defaultChain(Function<String, String> environment,
            Path home) {
        return of(EnvironmentCredentialsProvider.of(environment),
                ProfileCredentialsProvider.of(ProfileCredentialsProvider.defaultFile(home), ProfileCredentialsProvider.DEFAULT_PROFILE));
    }

    /**
     * The providers, in the order they are asked.
     *
     * @return an immutable list
     */
    public List<CredentialsProvider> providers() {
        return providers;
    }

    /**
     * The credentials of the first provider that has some.
     *
     * @return the credentials
     * @throws CredentialsException if no provider has any; the message lists what was tried
     */
    @Override
    public Credentials credentials() {
        StringJoiner tried = new StringJoiner("; ");
        for (CredentialsProvider provider : providers) {
            try {
                Credentials found = provider.credentials();
                if (found != null) {
                    return found;
                }
                tried.add(provider + ": returned null");
            } catch (CredentialsException e) {
                tried.add(provider + ": " + e.getMessage());
            }
        }
        throw new CredentialsException("No credentials found; tried: " + tried);
    }

    /**
     * Lists the providers, e.g. {@code CredentialsProviderChain[EnvironmentCredentialsProvider, ...]}.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return "CredentialsProviderChain" + providers;
    }
}

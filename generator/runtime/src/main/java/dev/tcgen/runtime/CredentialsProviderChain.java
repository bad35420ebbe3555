package dev.tcgen.runtime;

import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

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
 * credentials, tries the official SDK's sources in its order: the environment, the profile
 * files, the CVM instance role and TKE's OIDC web identity ({@link DefaultCredentialsChain}).
 * A chain is asked again for every request, so credentials set up after the client was built
 * are found. {@link #credentialsAsync()} asks each provider asynchronously, so a chain of
 * providers that fetch over the network never blocks a thread.
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
     * The official SDK's default sources, in its order: the environment, the {@code default}
     * profile of {@code ~/.tencentcloud/credentials} and of {@code /etc/tencentcloud/credentials},
     * the CVM instance role, and TKE's OIDC web identity; {@link DefaultCredentialsChain} builds
     * it, with other inputs for tests.
     *
     * @return the default chain, on the real environment, files and services
     */
    public static CredentialsProviderChain defaultChain() {
        return DefaultCredentialsChain.create();
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
        return CredentialsFutures.await(credentialsAsync());
    }

    /**
     * The credentials of the first provider that has some, asking each through its
     * {@link CredentialsProvider#credentialsAsync()}: no thread waits while a provider fetches.
     *
     * @return a future of the credentials, failed with a {@link CredentialsException} that lists
     *     what was tried if no provider has any
     */
    @Override
    public CompletableFuture<Credentials> credentialsAsync() {
        return askFrom(0, new StringJoiner("; "));
    }

    /**
     * Asks the provider at {@code index}, and the next ones while they have nothing; the
     * providers are asked one after another, so {@code tried} needs no lock.
     */
    private CompletableFuture<Credentials> askFrom(int index, StringJoiner tried) {
        if (index == providers.size()) {
            return CompletableFuture.failedFuture(new CredentialsException("No credentials found; tried: " + tried));
        }
        CredentialsProvider provider = providers.get(index);
        return CredentialsFutures.ask(provider::credentialsAsync).handle((found, failure) -> {
            Throwable problem = failure == null ? null : CredentialsFutures.unwrap(failure);
            if (found != null) {
                return CompletableFuture.completedFuture(found);
            }
            if (problem != null && !(problem instanceof CredentialsException)) {
                return CompletableFuture.<Credentials>failedFuture(problem);
            }
            tried.add(provider + ": " + (problem == null ? "returned null" : problem.getMessage()));
            return askFrom(index + 1, tried);
        }).thenCompose(next -> next);
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

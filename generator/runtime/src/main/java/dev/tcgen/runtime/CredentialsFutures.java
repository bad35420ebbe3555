package dev.tcgen.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * How providers are asked for their future, how the blocking
 * {@link CredentialsProvider#credentials()} of a provider that works asynchronously waits for it,
 * and how a failure is taken out of the wrappers futures add.
 */
final class CredentialsFutures {
    private CredentialsFutures() {
    }

    /**
     * Starts {@code ask}; a provider that throws instead of failing its future gives a failed
     * future all the same.
     */
    static CompletableFuture<Credentials> ask(Supplier<CompletableFuture<Credentials>> ask) {
        try {
            return ask.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits for the credentials and returns them, or throws the failure as it is (a
     * {@link CredentialsException}, usually). An interrupt ends the wait with a
     * {@code CredentialsException}, the thread's interrupt flag set again.
     */
    static Credentials await(CompletableFuture<Credentials> credentials) {
        try {
            return credentials.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialsException("interrupted while waiting for credentials", e);
        } catch (ExecutionException e) {
            Throwable failure = unwrap(e);
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw new CredentialsException(failure.toString(), failure);
        }
    }

    /**
     * The failure inside the {@link CompletionException} and {@link ExecutionException}
     * wrappers.
     */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

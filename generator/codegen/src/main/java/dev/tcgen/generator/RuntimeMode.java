package dev.tcgen.generator;

import dev.tcgen.generator.emit.RuntimeTypes;

/**
 * Where the runtime of a generated client (signer, credentials, transport, retries, JSON set-up) comes from.
 *
 * <ul>
 *   <li>{@link #EMBEDDED} (the default): its sources are written into {@code <basePackage>.core} beside the service
 *       packages, so the client jar needs nothing but Jackson and never meets another version of the runtime.
 *       Two clients with different base packages each carry their own copy.</li>
 *   <li>{@link #DEPENDENCY}: nothing of the runtime is written; service code imports {@code dev.tcgen.runtime} from
 *       the {@code dev.tcgen:tcgen-runtime} jar, which the project must then depend on. Several clients share one
 *       runtime and its classes ({@code Credentials}, {@code RetryPolicy}...) are the same types in all of them.</li>
 * </ul>
 */
public enum RuntimeMode {
    EMBEDDED,
    DEPENDENCY;

    /** The Maven coordinates of the runtime jar, without the version: {@code dev.tcgen:tcgen-runtime}. */
    public static final String RUNTIME_ARTIFACT = "dev.tcgen:tcgen-runtime";

    /** The package of the runtime that service code generated under {@code basePackage} imports. */
    public String runtimePackage(String basePackage) {
        return this == EMBEDDED ? basePackage + ".core" : RuntimeTypes.RUNTIME_PACKAGE;
    }

    /** The mode named {@code name}, in any case ({@code embedded}, {@code dependency}). */
    public static RuntimeMode parse(String name) {
        for (RuntimeMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("invalid runtime mode \"" + name + "\"; expected embedded or dependency");
    }
}

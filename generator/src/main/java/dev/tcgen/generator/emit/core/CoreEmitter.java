package dev.tcgen.generator.emit.core;

import com.palantir.javapoet.JavaFile;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Emits the shared {@code core} package of the generated clients: credentials and their providers (static,
 * environment, profile file, chain, caching), the TC3-HMAC-SHA256 signer, the JSON set-up, the unsigned 64-bit number
 * (de)serializers, the base exception, and the HTTP transport with its retry policy, rate limiter and scheduler.
 *
 * <p>One small emitter per file; each builds its class from named methods. The classes are exactly those named by
 * {@link CoreTypes}, which is how the service emitters refer to them. Output depends only on the core package name
 * and the generator version.
 *
 * <pre>{@code
 * List<JavaFile> core = new CoreEmitter(new CoreTypes("com.example.tencent.core"), new GeneratedFiles("1.0.0"))
 *         .emitAll();
 * }</pre>
 */
public final class CoreEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    /**
     * @param types the names of the core classes, and so their package
     * @param files the shared {@code @Generated} annotation and file settings
     */
    public CoreEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = Objects.requireNonNull(types, "types");
        this.files = Objects.requireNonNull(files, "files");
    }

    /** Every file of the core package, sorted by class name. */
    public List<JavaFile> emitAll() {
        List<JavaFile> all = new ArrayList<>(List.of(
                new ApiCallEmitter(types, files).emit(),
                new ApiTransportEmitter(types, files).emit(),
                new BoundedBodyEmitter(types, files).emit(),
                new CachingCredentialsProviderEmitter(types, files).emit(),
                new CredentialsEmitter(types, files).emit(),
                new CredentialsExceptionEmitter(types, files).emit(),
                new CredentialsProviderChainEmitter(types, files).emit(),
                new CredentialsProviderEmitter(types, files).emit(),
                new EnvironmentCredentialsProviderEmitter(types, files).emit(),
                new JsonEmitter(types, files).emit(),
                new ProfileCredentialsProviderEmitter(types, files).emit(),
                new RateLimitModeEmitter(types, files).emit(),
                new RateLimiterEmitter(types, files).emit(),
                new ResponseReaderEmitter(types, files).emit(),
                new RetryPolicyEmitter(types, files).emit(),
                new SchedulerEmitter(types, files).emit(),
                new ServiceExceptionFactoryEmitter(types, files).emit(),
                new Tc3SignerEmitter(types, files).emit(),
                new TencentCloudExceptionEmitter(types, files).emit(),
                new UnsignedLongDeserializerEmitter(types, files).emit(),
                new UnsignedLongSerializerEmitter(types, files).emit()));
        all.sort(Comparator.comparing(file -> file.typeSpec().name()));
        return List.copyOf(all);
    }
}

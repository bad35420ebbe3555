package dev.tcgen.generator.emit;

import com.palantir.javapoet.ClassName;
import dev.tcgen.runtime.AbstractRegion;
import dev.tcgen.runtime.ApiTransport;
import dev.tcgen.runtime.CallOptions;
import dev.tcgen.runtime.FakeCalls;
import dev.tcgen.runtime.Idempotency;
import dev.tcgen.runtime.Paginator;
import dev.tcgen.runtime.Paging;
import dev.tcgen.runtime.TencentCloudException;
import dev.tcgen.runtime.UnsignedLongDeserializer;
import dev.tcgen.runtime.UnsignedLongSerializer;

/**
 * The runtime classes that service code refers to, in the package where the runtime is for this output: the
 * embedded copy ({@code <basePackage>.core}) or the runtime jar ({@code dev.tcgen.runtime}).
 *
 * <p>Every name is derived from the runtime class itself, so renaming or moving a runtime class breaks the
 * generator's compile, not a user's.
 *
 * @param packageName the package of the runtime in the output, e.g. {@code dev.tcgen.client.core}
 */
public record RuntimeTypes(String packageName) {

    /** The package of the runtime module's own sources: {@code dev.tcgen.runtime}. */
    public static final String RUNTIME_PACKAGE = ApiTransport.class.getPackageName();

    /** The name of {@code runtimeClass} (top-level or nested) in this output's runtime package. */
    public ClassName get(Class<?> runtimeClass) {
        Class<?> enclosing = runtimeClass.getEnclosingClass();
        if (enclosing != null) {
            return get(enclosing).nestedClass(runtimeClass.getSimpleName());
        }
        String subpackage = runtimeClass.getPackageName().substring(RUNTIME_PACKAGE.length());
        return ClassName.get(packageName + subpackage, runtimeClass.getSimpleName());
    }


    /** Serialises, signs, sends and parses one API call over the JDK HttpClient. */
    public ClassName transport() {
        return get(ApiTransport.class);
    }


    /** The base of every service exception. */
    public ClassName baseException() {
        return get(TencentCloudException.class);
    }

    /** Writes a {@code Long} holding an unsigned 64-bit value as an unsigned JSON number. */
    public ClassName unsignedLongSerializer() {
        return get(UnsignedLongSerializer.class);
    }

    /** Reads an unsigned JSON number up to 2^64-1 into a {@code Long}. */
    public ClassName unsignedLongDeserializer() {
        return get(UnsignedLongDeserializer.class);
    }

    /** The base of every service's {@code Region} class: the id, display name, equality. */
    public ClassName regionBase() {
        return get(AbstractRegion.class);
    }



    /** The pages of a listing call. */
    public ClassName paginator() {
        return get(Paginator.class);
    }

    /** How one action pages. */
    public ClassName paging() {
        return get(Paging.class);
    }

    /** The calls and answers of a fake client. */
    public ClassName fakeCalls() {
        return get(FakeCalls.class);
    }



    /** Whether an action may be sent again after a failure that may have delivered it. */
    public ClassName idempotency() {
        return get(Idempotency.class);
    }

    /** Headers, timeouts, credentials and retry policy for some calls ({@code withOptions}). */
    public ClassName callOptions() {
        return get(CallOptions.class);
    }
}

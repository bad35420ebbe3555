package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;

/** Emits {@code RateLimitMode}: what a call does when its action's client-side rate limit is reached. */
final class RateLimitModeEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    RateLimitModeEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.enumBuilder(types.rateLimitMode())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC)
                .addEnumConstant("WAIT", constant(
                        "The call waits for its turn, then is sent: the default. A synchronous call blocks its\n"
                                + "thread while it waits; an asynchronous one holds no thread, its future simply\n"
                                + "completes later. Calls are served in the order they arrive."))
                .addEnumConstant("FAIL_FAST", constant(
                        "The call fails at once, without sending anything, with\n"
                                + "{@link TencentCloudException#CLIENT_RATE_LIMITED}; the caller decides what to do."))
                .addEnumConstant("OFF", constant(
                        "No client-side limit: every call is sent at once (for benchmarks, or when limits are\n"
                                + "enforced elsewhere). The API may then answer {@code RequestLimitExceeded}, which\n"
                                + "the retry policy retries with backoff."))
                .build();
        return files.file(types.packageName(), type);
    }

    private static TypeSpec constant(String javadoc) {
        return TypeSpec.anonymousClassBuilder("").addJavadoc("$L\n", javadoc).build();
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("What a call does when its action has reached its client-side rate limit.\n")
                .add("\n<p>Tencent Cloud documents a maximum number of requests per second for many actions and\n")
                .add("answers {@code RequestLimitExceeded} beyond it. The client keeps each action of each client\n")
                .add("under its documented limit itself (see {@link RateLimiter}), so that the limit costs a short\n")
                .add("wait instead of a failed request.\n")
                .add("\n<pre>{@code\n")
                .add("TrtcClient.builder().rateLimitMode(RateLimitMode.FAIL_FAST)...\n")
                .add("}</pre>\n")
                .build();
    }
}

package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Emits {@code RetryPolicy.Builder}: every setting has a default; invalid values fail in their setter. */
final class RetryPolicyBuilderEmitter {

    static final String BUILDER = "Builder";

    private final CoreTypes types;
    private final ClassName builder;

    RetryPolicyBuilderEmitter(CoreTypes types) {
        this.types = types;
        this.builder = types.retryPolicy().nestedClass(BUILDER);
    }

    TypeSpec builderType() {
        return TypeSpec.classBuilder(builder)
                .addJavadoc("Configures a {@link RetryPolicy}, starting from the defaults. Not thread-safe.\n")
                .addModifiers(PUBLIC, STATIC, FINAL)
                .addField(field(TypeName.INT, "maxRetries", "DEFAULT_MAX_RETRIES"))
                .addField(field(TypeName.get(Duration.class), "baseDelay", "DEFAULT_BASE_DELAY"))
                .addField(field(TypeName.get(Duration.class), "maxDelay", "DEFAULT_MAX_DELAY"))
                .addField(FieldSpec.builder(RetryPolicyEmitter.CODE_PREDICATE, "retryableCodes", PRIVATE)
                        .initializer("$T::isTransientCode", types.retryPolicy())
                        .build())
                .addField(FieldSpec.builder(DoubleSupplier.class, "jitter", PRIVATE)
                        .initializer("() -> $T.current().nextDouble()", ThreadLocalRandom.class)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
                .addMethod(maxRetries())
                .addMethod(baseDelay())
                .addMethod(maxDelay())
                .addMethod(retryableCodes())
                .addMethod(jitter())
                .addMethod(build())
                .addMethod(DurationChecks.requirePositive())
                .build();
    }

    private static FieldSpec field(TypeName type, String name, String initialValue) {
        return FieldSpec.builder(type, name, PRIVATE).initializer("$L", initialValue).build();
    }

    private MethodSpec.Builder setter(String name, TypeName type) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(PUBLIC)
                .returns(builder)
                .addParameter(type, name);
    }

    private MethodSpec maxRetries() {
        return setter("maxRetries", TypeName.INT)
                .addJavadoc("How many times a failed call is retried at most. Default 3; {@code 0} never retries.\n")
                .addJavadoc("\n@param maxRetries zero or more\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is negative\n")
                .beginControlFlow("if (maxRetries < 0)")
                .addStatement("throw new $T($S + maxRetries)", IllegalArgumentException.class,
                        "maxRetries must not be negative, not ")
                .endControlFlow()
                .addStatement("this.maxRetries = maxRetries")
                .addStatement("return this")
                .build();
    }

    private MethodSpec baseDelay() {
        return setter("baseDelay", TypeName.get(Duration.class))
                .addJavadoc("The longest wait before the first retry; it doubles for each further retry, up to\n")
                .addJavadoc("{@link #maxDelay}. Default 200 ms.\n")
                .addJavadoc("\n@param baseDelay a positive duration\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is {@code null}, zero or negative\n")
                .addStatement("this.baseDelay = requirePositive(baseDelay, $S)", "baseDelay")
                .addStatement("return this")
                .build();
    }

    private MethodSpec maxDelay() {
        return setter("maxDelay", TypeName.get(Duration.class))
                .addJavadoc("The cap on the wait before any retry. Default 5 seconds.\n")
                .addJavadoc("\n@param maxDelay a positive duration, not shorter than the base delay\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is {@code null}, zero or negative\n")
                .addStatement("this.maxDelay = requirePositive(maxDelay, $S)", "maxDelay")
                .addStatement("return this")
                .build();
    }

    private MethodSpec retryableCodes() {
        return setter("retryableCodes", RetryPolicyEmitter.CODE_PREDICATE)
                .addJavadoc("Which API error codes are retried. Default {@link RetryPolicy#isTransientCode}; to add\n")
                .addJavadoc("a code of your own, combine with it:\n")
                .addJavadoc("\n<pre>{@code\n")
                .addJavadoc("builder.retryableCodes(code -> RetryPolicy.isTransientCode(code)\n")
                .addJavadoc("        || code.equals(\"FailedOperation.ConcurrentModification\"));\n")
                .addJavadoc("}</pre>\n")
                .addJavadoc("\n<p>Failures without an API code (network, invalid responses) follow the rules of\n")
                .addJavadoc("{@link RetryPolicy}, whatever this says.\n")
                .addJavadoc("\n@param retryableCodes tells whether an API error code is transient\n")
                .addJavadoc("@return this builder\n")
                .addStatement("this.retryableCodes = $T.requireNonNull(retryableCodes, $S)", Objects.class,
                        "retryableCodes")
                .addStatement("return this")
                .build();
    }

    private MethodSpec jitter() {
        return setter("jitter", TypeName.get(DoubleSupplier.class))
                .addJavadoc("Where the random part of each delay comes from: values in {@code [0, 1]}, scaling the\n")
                .addJavadoc("backoff ceiling. Default: {@code ThreadLocalRandom}. A constant makes delays\n")
                .addJavadoc("predictable in tests.\n")
                .addJavadoc("\n@param jitter supplies values between 0 and 1; others are clamped\n")
                .addJavadoc("@return this builder\n")
                .addStatement("this.jitter = $T.requireNonNull(jitter, $S)", Objects.class, "jitter")
                .addStatement("return this")
                .build();
    }

    private MethodSpec build() {
        return MethodSpec.methodBuilder("build")
                .addJavadoc("Builds the policy.\n")
                .addJavadoc("\n@return a new policy\n")
                .addJavadoc("@throws IllegalStateException if the maximum delay is shorter than the base delay\n")
                .addModifiers(PUBLIC)
                .returns(types.retryPolicy())
                .beginControlFlow("if (maxDelay.compareTo(baseDelay) < 0)")
                .addStatement("throw new $T($S + maxDelay + $S + baseDelay)", IllegalStateException.class,
                        "maxDelay ", " is shorter than baseDelay ")
                .endControlFlow()
                .addStatement("return new $T(this)", types.retryPolicy())
                .build();
    }
}

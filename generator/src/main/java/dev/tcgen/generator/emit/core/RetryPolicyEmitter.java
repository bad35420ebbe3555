package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * Emits {@code RetryPolicy}: which failures are retried, how often, and the exponential backoff with full jitter
 * between attempts. Its {@code Builder} comes from {@link RetryPolicyBuilderEmitter}.
 */
final class RetryPolicyEmitter {

    static final TypeName CODE_PREDICATE = ParameterizedTypeName.get(Predicate.class, String.class);

    private final CoreTypes types;
    private final GeneratedFiles files;
    private final ClassName builder;

    RetryPolicyEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
        this.builder = types.retryPolicy().nestedClass(RetryPolicyBuilderEmitter.BUILDER);
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.retryPolicy())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addField(constant(int.class, "DEFAULT_MAX_RETRIES", CodeBlock.of("3"),
                        "Retries after the first attempt by default: 3, so at most 4 requests per call."))
                .addField(constant(Duration.class, "DEFAULT_BASE_DELAY",
                        CodeBlock.of("$T.ofMillis(200)", Duration.class),
                        "The longest wait before the first retry by default: 200 ms; it doubles for each\n"
                                + "further retry."))
                .addField(constant(Duration.class, "DEFAULT_MAX_DELAY", CodeBlock.of("$T.ofSeconds(5)", Duration.class),
                        "The cap on the wait before any retry by default: 5 seconds."))
                .addField(FieldSpec.builder(types.retryPolicy(), "DEFAULTS", PRIVATE, STATIC, FINAL)
                        .initializer("builder().build()")
                        .build())
                .addField(int.class, "maxRetries", PRIVATE, FINAL)
                .addField(Duration.class, "baseDelay", PRIVATE, FINAL)
                .addField(Duration.class, "maxDelay", PRIVATE, FINAL)
                .addField(CODE_PREDICATE, "retryableCodes", PRIVATE, FINAL)
                .addField(DoubleSupplier.class, "jitter", PRIVATE, FINAL)
                .addMethod(constructor())
                .addMethod(defaults())
                .addMethod(none())
                .addMethod(builder())
                .addMethod(getter(int.class, "maxRetries", "How many times a failed call is retried at most;\n"
                        + "{@code 0} means never.\n\n@return the most retries\n"))
                .addMethod(getter(Duration.class, "baseDelay", "The longest wait before the first retry.\n\n"
                        + "@return the base delay\n"))
                .addMethod(getter(Duration.class, "maxDelay", "The cap on the wait before any retry.\n\n"
                        + "@return the maximum delay\n"))
                .addMethod(isRetryable())
                .addMethod(delayBeforeRetry())
                .addMethod(isTransientCode())
                .addMethod(toStringMethod())
                .addMethod(isConnectionFailure())
                .addMethod(isTransientStatus())
                .addMethod(hasPrefix())
                .addType(new RetryPolicyBuilderEmitter(types).builderType())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("When a failed call is tried again, and how long it waits first.\n")
                .add("\n<p>Retried, by default up to {@link #DEFAULT_MAX_RETRIES} times:\n")
                .add("<ul>\n")
                .add("  <li>failures to connect or to get any response: refused or reset connections, connect\n")
                .add("      timeouts, and a pooled connection the server had already closed (the JDK reports\n")
                .add("      \"header parser received no bytes\");</li>\n")
                .add("  <li>answers that are not API answers with HTTP status 5xx or 429 (a proxy's error page);</li>\n")
                .add("  <li>the API codes {@code RequestLimitExceeded}, {@code InternalError} and\n")
                .add("      {@code ServiceUnavailable}, with their sub-codes such as\n")
                .add("      {@code RequestLimitExceeded.UinLimitExceeded} ({@link #isTransientCode}).</li>\n")
                .add("</ul>\n")
                .add("<p>Never retried: every other API code, among them {@code AuthFailure.*},\n")
                .add("{@code InvalidParameter*}, {@code MissingParameter}, {@code ResourceNotFound},\n")
                .add("{@code ResourceUnavailable} and {@code ResourceInsufficient} (they describe the request or\n")
                .add("the resource, which a retry does not change); a request timeout (the service may still be\n")
                .add("working on the call, so it may have taken effect); and the client's own failures.\n")
                .add("\n<p>Before retry <i>n</i> the call waits a random time between zero and\n")
                .add("{@code min(maxDelay, baseDelay * 2^(n-1))} (exponential backoff with \"full jitter\"), so\n")
                .add("clients that failed together do not retry together. Every attempt is signed again, with a\n")
                .add("new timestamp, and takes its own rate-limit permit. The final exception tells how many\n")
                .add("attempts were made ({@link TencentCloudException#attempts()}).\n")
                .add("\n<pre>{@code\n")
                .add("RetryPolicy patient = RetryPolicy.builder()\n")
                .add("        .maxRetries(5)\n")
                .add("        .baseDelay(Duration.ofMillis(500))\n")
                .add("        .maxDelay(Duration.ofSeconds(20))\n")
                .add("        .build();\n")
                .add("RetryPolicy never = RetryPolicy.none();\n")
                .add("}</pre>\n")
                .add("\n<p>Immutable and thread-safe.\n")
                .build();
    }

    private static FieldSpec constant(Class<?> type, String name, CodeBlock value, String javadoc) {
        return FieldSpec.builder(type, name, PUBLIC, STATIC, FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer(value)
                .build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(builder, "builder")
                .addStatement("this.maxRetries = builder.maxRetries")
                .addStatement("this.baseDelay = builder.baseDelay")
                .addStatement("this.maxDelay = builder.maxDelay")
                .addStatement("this.retryableCodes = builder.retryableCodes")
                .addStatement("this.jitter = builder.jitter")
                .build();
    }

    private MethodSpec defaults() {
        return MethodSpec.methodBuilder("defaults")
                .addJavadoc("The default policy: up to 3 retries, backoff from 200 ms capped at 5 s, the default\n")
                .addJavadoc("retryable codes.\n")
                .addJavadoc("\n@return the default policy\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.retryPolicy())
                .addStatement("return DEFAULTS")
                .build();
    }

    private MethodSpec none() {
        return MethodSpec.methodBuilder("none")
                .addJavadoc("A policy that never retries: every call makes exactly one attempt.\n")
                .addJavadoc("\n@return a policy without retries\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.retryPolicy())
                .addStatement("return builder().maxRetries(0).build()")
                .build();
    }

    private MethodSpec builder() {
        return MethodSpec.methodBuilder("builder")
                .addJavadoc("Starts a policy from the defaults.\n")
                .addJavadoc("\n@return a new builder\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(builder)
                .addStatement("return new $T()", builder)
                .build();
    }

    private static MethodSpec getter(Class<?> type, String name, String javadoc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L", javadoc)
                .addModifiers(PUBLIC)
                .returns(type)
                .addStatement("return $N", name)
                .build();
    }

    private MethodSpec isRetryable() {
        ClassName base = types.baseException();
        return MethodSpec.methodBuilder("isRetryable")
                .addJavadoc("Whether another attempt may succeed where this one failed; the number of attempts\n")
                .addJavadoc("made is not considered here.\n")
                .addJavadoc("\n@param failure the failure of one attempt\n")
                .addJavadoc("@return whether the failure is transient\n")
                .addModifiers(PUBLIC)
                .returns(boolean.class)
                .addParameter(base, "failure")
                .addStatement("String code = failure.code()")
                .beginControlFlow("if (code.equals($T.CLIENT_NETWORK_FAILURE))", base)
                .addStatement("return isConnectionFailure(failure.getCause())")
                .endControlFlow()
                .beginControlFlow("if (code.equals($T.CLIENT_INVALID_RESPONSE))", base)
                .addStatement("return isTransientStatus(failure.httpStatus())")
                .endControlFlow()
                .addStatement("return !code.startsWith($S) && retryableCodes.test(code)", "ClientError.")
                .build();
    }

    private static MethodSpec delayBeforeRetry() {
        return MethodSpec.methodBuilder("delayBeforeRetry")
                .addJavadoc("How long to wait before a retry: a random duration between zero and\n")
                .addJavadoc("{@code min(maxDelay, baseDelay * 2^(retry-1))}.\n")
                .addJavadoc("\n@param retry which retry is next: 1 for the first\n")
                .addJavadoc("@return the delay\n")
                .addJavadoc("@throws IllegalArgumentException if {@code retry} is less than 1\n")
                .addModifiers(PUBLIC)
                .returns(Duration.class)
                .addParameter(int.class, "retry")
                .beginControlFlow("if (retry < 1)")
                .addStatement("throw new $T($S + retry)", IllegalArgumentException.class,
                        "retry must be at least 1, not ")
                .endControlFlow()
                .addStatement("long cap = maxDelay.toNanos()")
                .addStatement("long ceiling = $T.min(baseDelay.toNanos(), cap)", Math.class)
                .beginControlFlow("for (int i = 1; i < retry && ceiling < cap; i++)")
                .addStatement("ceiling = ceiling > cap / 2 ? cap : ceiling * 2")
                .endControlFlow()
                .addStatement("double random = $T.min($T.max(jitter.getAsDouble(), 0.0), 1.0)", Math.class, Math.class)
                .addStatement("return $T.ofNanos((long) (random * ceiling))", Duration.class)
                .build();
    }

    private static MethodSpec isTransientCode() {
        return MethodSpec.methodBuilder("isTransientCode")
                .addJavadoc("The default test of API error codes: {@code RequestLimitExceeded},\n")
                .addJavadoc("{@code InternalError} and {@code ServiceUnavailable}, and their sub-codes (the code,\n")
                .addJavadoc("a dot and more).\n")
                .addJavadoc("\n@param code an API error code, e.g. {@code RequestLimitExceeded.IPLimitExceeded}\n")
                .addJavadoc("@return whether the default policy retries it\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(boolean.class)
                .addParameter(String.class, "code")
                .addStatement("return hasPrefix(code, $S) || hasPrefix(code, $S) || hasPrefix(code, $S)",
                        "RequestLimitExceeded", "InternalError", "ServiceUnavailable")
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Describes the policy, e.g.\n")
                .addJavadoc("{@code RetryPolicy[maxRetries=3, baseDelay=PT0.2S, maxDelay=PT5S]}.\n")
                .addJavadoc("\n@return a description\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S + maxRetries + $S + baseDelay + $S + maxDelay + ']'",
                        "RetryPolicy[maxRetries=", ", baseDelay=", ", maxDelay=")
                .build();
    }

    private static MethodSpec isConnectionFailure() {
        return MethodSpec.methodBuilder("isConnectionFailure")
                .addJavadoc("Any I/O failure before a response, except a request timeout: the service may still\n")
                .addJavadoc("be working on a call that timed out, while a connect timeout never reached it.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(boolean.class)
                .addParameter(Throwable.class, "cause")
                .beginControlFlow("if (cause instanceof $T)", HttpConnectTimeoutException.class)
                .addStatement("return true")
                .endControlFlow()
                .addStatement("return cause instanceof $T && !(cause instanceof $T)", IOException.class,
                        HttpTimeoutException.class)
                .build();
    }

    private static MethodSpec isTransientStatus() {
        return MethodSpec.methodBuilder("isTransientStatus")
                .addModifiers(PRIVATE, STATIC)
                .returns(boolean.class)
                .addParameter(int.class, "status")
                .addStatement("return status == 429 || (status >= 500 && status <= 599)")
                .build();
    }

    private static MethodSpec hasPrefix() {
        return MethodSpec.methodBuilder("hasPrefix")
                .addJavadoc("Whether {@code code} is {@code prefix} or one of its sub-codes.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(boolean.class)
                .addParameter(String.class, "code")
                .addParameter(String.class, "prefix")
                .addStatement("return code.equals(prefix)\n|| (code.startsWith(prefix) && code.charAt(prefix.length()) "
                        + "== '.')")
                .build();
    }
}

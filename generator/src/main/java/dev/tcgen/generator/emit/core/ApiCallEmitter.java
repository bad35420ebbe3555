package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Emits {@code ApiCall} (package-private): one call from start to result, as a chain of asynchronous steps, so that
 * the synchronous and the asynchronous client methods share every rule: wait for a rate-limit permit, sign afresh,
 * send, read, and on a transient failure schedule the next attempt after a backoff. It logs each attempt at DEBUG
 * and a failed call once at WARNING, and never logs a header.
 */
final class ApiCallEmitter {

    static final ClassName LOGGER = ClassName.get(System.Logger.class);
    static final ClassName LEVEL = ClassName.get(System.Logger.Level.class);

    private static final TypeVariableName T = TypeVariableName.get("T");
    private static final TypeName BYTE_RESPONSE =
            ParameterizedTypeName.get(ClassName.get(HttpResponse.class), TypeName.get(byte[].class));

    private final CoreTypes types;
    private final GeneratedFiles files;
    private final ClassName base;

    ApiCallEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
        this.base = types.baseException();
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.apiCall())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(FINAL)
                .addTypeVariable(T)
                .addField(types.transport(), "transport", PRIVATE, FINAL)
                .addField(String.class, "action", PRIVATE, FINAL)
                .addField(String.class, "region", PRIVATE, FINAL)
                .addField(byte[].class, "payload", PRIVATE, FINAL)
                .addField(ParameterizedTypeName.get(ClassName.get(Class.class), T), "responseType", PRIVATE, FINAL)
                .addField(ResponseReaderEmitter.anyFactory(types), "exceptions", PRIVATE, FINAL)
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), T),
                                "result", PRIVATE, FINAL)
                        .initializer("new $T<>()", CompletableFuture.class)
                        .build())
                .addField(long.class, "started", PRIVATE, FINAL)
                .addField(FieldSpec.builder(int.class, "attempts", PRIVATE)
                        .addJavadoc("Requests made so far. Steps run one after another, each started by the\n"
                                + "completion of the one before, which orders their reads and writes.\n")
                        .build())
                .addField(base, "lastFailure", PRIVATE)
                .addMethod(constructor())
                .addMethod(start())
                .addMethod(attempt())
                .addMethod(permitted())
                .addMethod(send())
                .addMethod(received())
                .addMethod(retryOrFail())
                .addMethod(fail())
                .addMethod(failOnClosed())
                .addMethod(networkFailure())
                .addMethod(guarded())
                .addMethod(logSuccess())
                .addMethod(logRetry())
                .addMethod(logFailure())
                .addMethod(where())
                .addMethod(millis())
                .addMethod(unwrap())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("One API call in progress: permit, sign, send, read, and retry, as asynchronous steps.\n")
                .add("\n<p>Each attempt waits for its action's rate-limit permit (or fails fast), is signed with\n")
                .add("the current credentials and time, and is sent with {@code HttpClient.sendAsync}. A transient\n")
                .add("failure ({@link RetryPolicy#isRetryable}) schedules the next attempt on the\n")
                .add("{@link Scheduler} after the policy's backoff; no thread sleeps. The result is the future\n")
                .add("{@link #start()} returns; cancelling it stops the call before its next step.\n")
                .add("\n<p>Logging: each attempt at DEBUG with action, region, attempt, latency and RequestId; a failed\n")
                .add("call once at WARNING. Nothing logged contains a header, a secret key, a token or a signature.\n")
                .add("\n@param <T> the response type\n")
                .build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addParameter(types.transport(), "transport")
                .addParameter(String.class, "action")
                .addParameter(String.class, "region")
                .addParameter(byte[].class, "payload")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), T), "responseType")
                .addParameter(ResponseReaderEmitter.anyFactory(types), "exceptions")
                .addStatement("this.transport = transport")
                .addStatement("this.action = action")
                .addStatement("this.region = region")
                .addStatement("this.payload = payload")
                .addStatement("this.responseType = responseType")
                .addStatement("this.exceptions = exceptions")
                .addStatement("this.started = transport.scheduler().nanoTime()")
                .build();
    }

    private static MethodSpec start() {
        return MethodSpec.methodBuilder("start")
                .addJavadoc("Starts the first attempt.\n")
                .addJavadoc("\n@return the call's result: the response, or the service exception\n")
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), T))
                .addStatement("guarded(this::attempt)")
                .addStatement("return result")
                .build();
    }

    private MethodSpec attempt() {
        return MethodSpec.methodBuilder("attempt")
                .addJavadoc("Gets a rate-limit permit for the next attempt, then sends it.\n")
                .addModifiers(PRIVATE)
                .beginControlFlow("if (result.isDone())")
                .addStatement("return")
                .endControlFlow()
                .beginControlFlow("if (transport.isClosed())")
                .addStatement("failOnClosed()")
                .addStatement("return")
                .endControlFlow()
                .addStatement("$T limiter = transport.rateLimiter(action)", types.rateLimiter())
                .beginControlFlow("if (limiter == null)")
                .addStatement("send()")
                .nextControlFlow("else if (transport.rateLimitMode() == $T.WAIT)", types.rateLimitMode())
                .addStatement("$T<Long> permit = limiter.acquire()", CompletableFuture.class)
                .addStatement("result.whenComplete((value, failure) -> permit.cancel(false))")
                .addStatement("permit.whenComplete((granted, failure) -> guarded(() -> permitted(failure)))")
                .nextControlFlow("else if (limiter.tryAcquire())")
                .addStatement("send()")
                .nextControlFlow("else")
                .addStatement("fail(exceptions.create($T.CLIENT_RATE_LIMITED,\n$S + limiter.permitsPerSecond()\n"
                                + "+ $S + action + $S, null, 0, null))", base,
                        "The client-side limit of ", " requests per second for ", " is reached; nothing was sent")
                .endControlFlow()
                .build();
    }

    private static MethodSpec permitted() {
        return MethodSpec.methodBuilder("permitted")
                .addJavadoc("The permit was granted (or the scheduler failed, which fails the call).\n")
                .addModifiers(PRIVATE)
                .addParameter(Throwable.class, "failure")
                .beginControlFlow("if (failure != null)")
                .addStatement("result.completeExceptionally(failure)")
                .nextControlFlow("else")
                .addStatement("send()")
                .endControlFlow()
                .build();
    }

    private MethodSpec send() {
        return MethodSpec.methodBuilder("send")
                .addJavadoc("Signs and sends one attempt; its answer arrives in {@link #received}.\n")
                .addModifiers(PRIVATE)
                .beginControlFlow("if (result.isDone())")
                .addStatement("return")
                .endControlFlow()
                .beginControlFlow("if (transport.isClosed())")
                .addStatement("failOnClosed()")
                .addStatement("return")
                .endControlFlow()
                .addStatement("$T request", HttpRequest.class)
                .beginControlFlow("try")
                .addStatement("request = transport.signedRequest(action, region, payload, exceptions)")
                .nextControlFlow("catch ($T e)", base)
                .addStatement("fail(e)")
                .addStatement("return")
                .endControlFlow()
                .addStatement("attempts++")
                .addStatement("long sent = transport.scheduler().nanoTime()")
                .addStatement("transport.httpClient()\n"
                        + ".sendAsync(request, $T.handler(transport.maxResponseBytes()))\n"
                        + ".whenComplete((response, failure) -> guarded(() -> received(response, failure, sent)))",
                        types.boundedBody())
                .build();
    }

    private MethodSpec received() {
        return MethodSpec.methodBuilder("received")
                .addJavadoc("Reads the answer to one attempt: completes the call, or retries, or fails it.\n")
                .addModifiers(PRIVATE)
                .addParameter(BYTE_RESPONSE, "response")
                .addParameter(Throwable.class, "failure")
                .addParameter(long.class, "sent")
                .addStatement("long latency = transport.scheduler().nanoTime() - sent")
                .beginControlFlow("if (failure != null)")
                .addStatement("retryOrFail(networkFailure(unwrap(failure)), latency)")
                .addStatement("return")
                .endControlFlow()
                .addStatement("$T reader = new $T(\naction, response.statusCode(), response.body(), "
                        + "transport.maxResponseBytes(), exceptions)", types.responseReader(), types.responseReader())
                .addStatement("T value")
                .beginControlFlow("try")
                .addStatement("value = reader.read(responseType)")
                .nextControlFlow("catch ($T e)", base)
                .addStatement("retryOrFail(e, latency)")
                .addStatement("return")
                .endControlFlow()
                .addStatement("logSuccess(response.statusCode(), reader.requestId(), latency)")
                .addStatement("result.complete(value)")
                .build();
    }

    private MethodSpec retryOrFail() {
        return MethodSpec.methodBuilder("retryOrFail")
                .addJavadoc("Schedules the next attempt after the backoff if the failure is transient and retries\n")
                .addJavadoc("are left; otherwise fails the call.\n")
                .addModifiers(PRIVATE)
                .addParameter(base, "failure")
                .addParameter(long.class, "latency")
                .addStatement("$T policy = transport.retryPolicy()", types.retryPolicy())
                .beginControlFlow("if (attempts > policy.maxRetries() || !policy.isRetryable(failure) "
                        + "|| transport.isClosed())")
                .addStatement("fail(failure)")
                .addStatement("return")
                .endControlFlow()
                .addStatement("lastFailure = failure")
                .addStatement("$T delay = policy.delayBeforeRetry(attempts)", Duration.class)
                .addStatement("logRetry(failure, latency, delay)")
                .addStatement("transport.scheduler().delay(delay)\n"
                        + ".whenComplete((ignored, timerFailure) -> guarded(this::attempt))")
                .build();
    }

    private MethodSpec fail() {
        return MethodSpec.methodBuilder("fail")
                .addJavadoc("Ends the call with {@code failure}, which learns how many attempts were made.\n")
                .addModifiers(PRIVATE)
                .addParameter(base, "failure")
                .addStatement("failure.recordAttempts(attempts)")
                .addStatement("logFailure(failure)")
                .addStatement("result.completeExceptionally(failure)")
                .build();
    }

    private MethodSpec failOnClosed() {
        return MethodSpec.methodBuilder("failOnClosed")
                .addModifiers(PRIVATE)
                .addStatement("String when = attempts == 0 ? $S : $S", "", " while the call waited to be retried")
                .addStatement("fail(exceptions.create($T.CLIENT_CLOSED,\n$S + action + $S + when, null, 0, lastFailure))",
                        base, "Cannot call ", ": the client was closed")
                .build();
    }

    private MethodSpec networkFailure() {
        return MethodSpec.methodBuilder("networkFailure")
                .addJavadoc("No response: the request could not be sent, or its answer not received in time.\n")
                .addModifiers(PRIVATE)
                .returns(base)
                .addParameter(Throwable.class, "failure")
                .beginControlFlow("if (!(failure instanceof $T))", IOException.class)
                .addStatement("throw new $T(failure)", CompletionException.class)
                .endControlFlow()
                .addStatement("return exceptions.create($T.CLIENT_NETWORK_FAILURE,\n$S + action + $S + "
                        + "transport.endpoint() + $S\n+ $T.describe(failure), null, 0, failure)",
                        base, "Calling ", " at ", " failed: ", types.responseReader())
                .build();
    }

    private static MethodSpec guarded() {
        return MethodSpec.methodBuilder("guarded")
                .addJavadoc("Runs a step; anything it throws unexpectedly still completes the call, so a caller\n")
                .addJavadoc("waiting on the result is never left hanging.\n")
                .addModifiers(PRIVATE)
                .addParameter(Runnable.class, "step")
                .beginControlFlow("try")
                .addStatement("step.run()")
                .nextControlFlow("catch ($T | $T unexpected)", RuntimeException.class, Error.class)
                .addStatement("result.completeExceptionally(unexpected)")
                .endControlFlow()
                .build();
    }

    private MethodSpec logSuccess() {
        return MethodSpec.methodBuilder("logSuccess")
                .addModifiers(PRIVATE)
                .addParameter(int.class, "status")
                .addParameter(String.class, "requestId")
                .addParameter(long.class, "latency")
                .addStatement("transport.logger().log($T.DEBUG, () ->\nwhere() + $S + attempts + $S + status + $S\n"
                        + "+ millis(latency) + $S + requestId)", LEVEL, " attempt ", ": HTTP ", " in ",
                        " ms, RequestId ")
                .build();
    }

    private MethodSpec logRetry() {
        return MethodSpec.methodBuilder("logRetry")
                .addModifiers(PRIVATE)
                .addParameter(base, "failure")
                .addParameter(long.class, "latency")
                .addParameter(Duration.class, "delay")
                .addStatement("transport.logger().log($T.DEBUG, () ->\nwhere() + $S + attempts + $S + millis(latency)"
                        + "\n+ $S + failure.getMessage() + $S + delay.toMillis() + $S)", LEVEL, " attempt ",
                        " failed in ", " ms: ", "; retrying in ", " ms")
                .build();
    }

    private MethodSpec logFailure() {
        return MethodSpec.methodBuilder("logFailure")
                .addModifiers(PRIVATE)
                .addParameter(base, "failure")
                .addStatement("long elapsed = transport.scheduler().nanoTime() - started")
                .addStatement("transport.logger().log($T.WARNING, () ->\nwhere() + $S + attempts\n"
                        + "+ (attempts == 1 ? $S : $S) + millis(elapsed) + $S + failure.getMessage(),\nfailure)",
                        LEVEL, " failed after ", " attempt in ", " attempts in ", " ms: ")
                .build();
    }

    private static MethodSpec where() {
        return MethodSpec.methodBuilder("where")
                .addJavadoc("The action and region, e.g. {@code StopPublishCdnStream ap-guangzhou}.\n")
                .addModifiers(PRIVATE)
                .returns(String.class)
                .addStatement("return action + ' ' + (region == null ? $S : region)", "(no region)")
                .build();
    }

    private static MethodSpec millis() {
        return MethodSpec.methodBuilder("millis")
                .addModifiers(PRIVATE, STATIC)
                .returns(long.class)
                .addParameter(long.class, "nanos")
                .addStatement("return $T.NANOSECONDS.toMillis(nanos)", TimeUnit.class)
                .build();
    }

    private static MethodSpec unwrap() {
        return MethodSpec.methodBuilder("unwrap")
                .addJavadoc("The failure inside the wrappers that futures add.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(Throwable.class)
                .addParameter(Throwable.class, "failure")
                .addStatement("Throwable cause = failure")
                .beginControlFlow("while ((cause instanceof $T || cause instanceof $T)\n&& cause.getCause() != null)",
                        CompletionException.class, ExecutionException.class)
                .addStatement("cause = cause.getCause()")
                .endControlFlow()
                .addStatement("return cause")
                .build();
    }
}

package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;
import static javax.lang.model.element.Modifier.SYNCHRONIZED;

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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Emits {@code RateLimiter}: a sliding-window limiter that remembers the times of its last N permits, so that no
 * one-second window ever holds more than N. Waiters queue in order and are released by a scheduled drain, so an
 * asynchronous caller never blocks a thread.
 */
final class RateLimiterEmitter {

    private static final TypeName PERMIT = ParameterizedTypeName.get(CompletableFuture.class, Long.class);

    private final CoreTypes types;
    private final GeneratedFiles files;

    RateLimiterEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.rateLimiter())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addField(FieldSpec.builder(long.class, "WINDOW_NANOS", PRIVATE, STATIC, FINAL)
                        .initializer("1_000_000_000L")
                        .build())
                .addField(int.class, "permitsPerSecond", PRIVATE, FINAL)
                .addField(types.scheduler(), "scheduler", PRIVATE, FINAL)
                .addField(FieldSpec.builder(long[].class, "granted", PRIVATE, FINAL)
                        .addJavadoc("The monotonic times of the last permits, a ring; {@code oldest} is the next "
                                + "slot.\n")
                        .build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(ArrayDeque.class), PERMIT), "waiting",
                                PRIVATE, FINAL)
                        .initializer("new $T<>()", ArrayDeque.class)
                        .build())
                .addField(int.class, "oldest", PRIVATE)
                .addField(int.class, "count", PRIVATE)
                .addField(boolean.class, "drainScheduled", PRIVATE)
                .addMethod(constructor())
                .addMethod(perSecond())
                .addMethod(perSecondOnSystemTime())
                .addMethod(permitsPerSecond())
                .addMethod(tryAcquire())
                .addMethod(acquire())
                .addMethod(queued())
                .addMethod(toStringMethod())
                .addMethod(scheduleDrain())
                .addMethod(drain())
                .addMethod(failWaiting())
                .addMethod(available())
                .addMethod(availableAt())
                .addMethod(grant())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Keeps calls under a number of permits per second: in no one-second window, wherever it\n")
                .add("starts, does it grant more than {@link #permitsPerSecond()} permits.\n")
                .add("\n<p>It remembers when it granted its last N permits; the next one is granted only once the\n")
                .add("oldest of those is more than a second old. (A token bucket of N tokens refilled at N per\n")
                .add("second would let 2N calls through in one second: a full bucket, then a refill.) Callers\n")
                .add("that must wait queue in arrival order; one scheduled task releases them as permits free up,\n")
                .add("so waiting holds no thread.\n")
                .add("\n<pre>{@code\n")
                .add("RateLimiter limiter = RateLimiter.perSecond(20);\n")
                .add("limiter.acquire().join();          // blocks this thread until a permit is free\n")
                .add("limiter.acquire().thenRun(send);   // or: runs send when it is, holding no thread\n")
                .add("if (limiter.tryAcquire()) { ... }  // or: only if a permit is free now\n")
                .add("}</pre>\n")
                .add("\n<p>Thread-safe. The transport keeps one limiter per limited action of a client.\n")
                .build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(int.class, "permitsPerSecond")
                .addParameter(types.scheduler(), "scheduler")
                .beginControlFlow("if (permitsPerSecond < 1)")
                .addStatement("throw new $T($S + permitsPerSecond)", IllegalArgumentException.class,
                        "permitsPerSecond must be at least 1, not ")
                .endControlFlow()
                .addStatement("this.permitsPerSecond = permitsPerSecond")
                .addStatement("this.scheduler = $T.requireNonNull(scheduler, $S)", Objects.class, "scheduler")
                .addStatement("this.granted = new long[permitsPerSecond]")
                .build();
    }

    private MethodSpec perSecond() {
        return MethodSpec.methodBuilder("perSecond")
                .addJavadoc("A limiter of {@code permitsPerSecond} permits in any one-second window, on the given\n")
                .addJavadoc("scheduler's clock.\n")
                .addJavadoc("\n@param permitsPerSecond the most permits in any one second, at least 1\n")
                .addJavadoc("@param scheduler the clock and timer to use\n")
                .addJavadoc("@return a new limiter\n")
                .addJavadoc("@throws IllegalArgumentException if {@code permitsPerSecond} is less than 1\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.rateLimiter())
                .addParameter(int.class, "permitsPerSecond")
                .addParameter(types.scheduler(), "scheduler")
                .addStatement("return new $T(permitsPerSecond, scheduler)", types.rateLimiter())
                .build();
    }

    private MethodSpec perSecondOnSystemTime() {
        return MethodSpec.methodBuilder("perSecond")
                .addJavadoc("A limiter of {@code permitsPerSecond} permits in any one-second window, on\n")
                .addJavadoc("{@link Scheduler#system()}.\n")
                .addJavadoc("\n@param permitsPerSecond the most permits in any one second, at least 1\n")
                .addJavadoc("@return a new limiter\n")
                .addJavadoc("@throws IllegalArgumentException if {@code permitsPerSecond} is less than 1\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.rateLimiter())
                .addParameter(int.class, "permitsPerSecond")
                .addStatement("return new $T(permitsPerSecond, $T.system())", types.rateLimiter(), types.scheduler())
                .build();
    }

    private static MethodSpec permitsPerSecond() {
        return MethodSpec.methodBuilder("permitsPerSecond")
                .addJavadoc("The most permits this limiter grants in any one-second window.\n")
                .addJavadoc("\n@return the limit, at least 1\n")
                .addModifiers(PUBLIC)
                .returns(int.class)
                .addStatement("return permitsPerSecond")
                .build();
    }

    private static MethodSpec tryAcquire() {
        return MethodSpec.methodBuilder("tryAcquire")
                .addJavadoc("Takes a permit if one is free now and nobody is queued before the caller.\n")
                .addJavadoc("\n@return whether a permit was taken\n")
                .addModifiers(PUBLIC, SYNCHRONIZED)
                .returns(boolean.class)
                .addStatement("long now = scheduler.nanoTime()")
                .beginControlFlow("if (!waiting.isEmpty() || !available(now))")
                .addStatement("return false")
                .endControlFlow()
                .addStatement("grant(now)")
                .addStatement("return true")
                .build();
    }

    private static MethodSpec acquire() {
        return MethodSpec.methodBuilder("acquire")
                .addJavadoc("A permit: a future that completes when the caller may go, at once if a permit is free.\n")
                .addJavadoc("Callers are served in the order they asked. Cancelling the future gives up the place\n")
                .addJavadoc("in the queue without using a permit.\n")
                .addJavadoc("\n@return a future completed with the scheduler's {@link Scheduler#nanoTime()} at which\n")
                .addJavadoc("    the permit was granted\n")
                .addModifiers(PUBLIC)
                .returns(PERMIT)
                .addStatement("$T permit = new $T<>()", PERMIT, CompletableFuture.class)
                .addStatement("long wait")
                .beginControlFlow("synchronized (this)")
                .addStatement("long now = scheduler.nanoTime()")
                .beginControlFlow("if (waiting.isEmpty() && available(now))")
                .addStatement("grant(now)")
                .addStatement("return $T.completedFuture(now)", CompletableFuture.class)
                .endControlFlow()
                .addStatement("waiting.add(permit)")
                .beginControlFlow("if (drainScheduled)")
                .addStatement("return permit")
                .endControlFlow()
                .addStatement("drainScheduled = true")
                .addStatement("wait = availableAt() - now")
                .endControlFlow()
                .addStatement("scheduleDrain(wait)")
                .addStatement("return permit")
                .build();
    }

    private static MethodSpec queued() {
        return MethodSpec.methodBuilder("queued")
                .addJavadoc("How many callers are waiting for a permit now.\n")
                .addJavadoc("\n@return the length of the queue\n")
                .addModifiers(PUBLIC, SYNCHRONIZED)
                .returns(int.class)
                .addStatement("return waiting.size()")
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Describes the limit, e.g. {@code RateLimiter[20/s]}.\n")
                .addJavadoc("\n@return a description\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S + permitsPerSecond + $S", "RateLimiter[", "/s]")
                .build();
    }

    private static MethodSpec scheduleDrain() {
        return MethodSpec.methodBuilder("scheduleDrain")
                .addJavadoc("Runs {@link #drain()} after {@code nanos}; called without the lock held, because a\n")
                .addJavadoc("scheduler may run the drain at once on this thread.\n")
                .addModifiers(PRIVATE)
                .addParameter(long.class, "nanos")
                .beginControlFlow("try")
                .addStatement("scheduler.delay($T.ofNanos(nanos)).whenComplete((ignored, failure) -> drain())",
                        Duration.class)
                .nextControlFlow("catch ($T e)", RuntimeException.class)
                .addStatement("failWaiting(e)")
                .endControlFlow()
                .build();
    }

    private static MethodSpec drain() {
        return MethodSpec.methodBuilder("drain")
                .addJavadoc("Grants permits to the queue's head while they are free, then schedules itself again if\n")
                .addJavadoc("anyone is still waiting. Futures are completed outside the lock.\n")
                .addModifiers(PRIVATE)
                .addStatement("$T<$T> ready = new $T<>()", List.class, PERMIT, ArrayList.class)
                .addStatement("long now")
                .addStatement("long wait = -1")
                .beginControlFlow("synchronized (this)")
                .addStatement("now = scheduler.nanoTime()")
                .beginControlFlow("while (!waiting.isEmpty() && available(now))")
                .addStatement("$T next = waiting.poll()", PERMIT)
                .beginControlFlow("if (!next.isDone())")
                .addStatement("grant(now)")
                .addStatement("ready.add(next)")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("if (waiting.isEmpty())")
                .addStatement("drainScheduled = false")
                .nextControlFlow("else")
                .addStatement("wait = availableAt() - now")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for ($T permit : ready)", PERMIT)
                .addStatement("permit.complete(now)")
                .endControlFlow()
                .beginControlFlow("if (wait >= 0)")
                .addStatement("scheduleDrain(wait)")
                .endControlFlow()
                .build();
    }

    private static MethodSpec failWaiting() {
        return MethodSpec.methodBuilder("failWaiting")
                .addJavadoc("The scheduler failed: nobody queued can be released, so all of them fail.\n")
                .addModifiers(PRIVATE)
                .addParameter(RuntimeException.class, "failure")
                .addStatement("$T<$T> failed", List.class, PERMIT)
                .beginControlFlow("synchronized (this)")
                .addStatement("failed = new $T<>(waiting)", ArrayList.class)
                .addStatement("waiting.clear()")
                .addStatement("drainScheduled = false")
                .endControlFlow()
                .addStatement("failed.forEach(permit -> permit.completeExceptionally(failure))")
                .build();
    }

    private static MethodSpec available() {
        return MethodSpec.methodBuilder("available")
                .addJavadoc("Whether a permit granted at {@code now} keeps every one-second window within the\n")
                .addJavadoc("limit: fewer than N permits so far, or the oldest of the last N more than a second ago.\n")
                .addModifiers(PRIVATE)
                .returns(boolean.class)
                .addParameter(long.class, "now")
                .addStatement("return count < permitsPerSecond || now - granted[oldest] > WINDOW_NANOS")
                .build();
    }

    private static MethodSpec availableAt() {
        return MethodSpec.methodBuilder("availableAt")
                .addJavadoc("When the next permit frees up: just over a second after the oldest remembered one.\n")
                .addModifiers(PRIVATE)
                .returns(long.class)
                .addStatement("return granted[oldest] + WINDOW_NANOS + 1")
                .build();
    }

    private static MethodSpec grant() {
        return MethodSpec.methodBuilder("grant")
                .addModifiers(PRIVATE)
                .addParameter(long.class, "now")
                .addStatement("granted[oldest] = now")
                .addStatement("oldest = (oldest + 1) % permitsPerSecond")
                .beginControlFlow("if (count < permitsPerSecond)")
                .addStatement("count++")
                .endControlFlow()
                .build();
    }
}

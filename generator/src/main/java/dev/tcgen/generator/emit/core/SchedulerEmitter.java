package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.DEFAULT;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Emits {@code Scheduler}: every source of time the transport uses (the monotonic clock for rate limits and latency,
 * the wall clock for signatures, and non-blocking delays for backoff and waiting), behind one interface so tests can
 * replace it with a virtual clock.
 */
final class SchedulerEmitter {

    static final TypeName FUTURE_OF_VOID =
            ParameterizedTypeName.get(CompletableFuture.class, Void.class);

    private final CoreTypes types;
    private final GeneratedFiles files;

    SchedulerEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.interfaceBuilder(types.scheduler())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC)
                .addMethod(system())
                .addMethod(nanoTime())
                .addMethod(now())
                .addMethod(delay())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Where the transport gets the time and waits: the only source of time it uses.\n")
                .add("\n<ul>\n")
                .add("  <li>{@link #nanoTime()}, a monotonic clock, spaces calls for rate limits and measures\n")
                .add("      latency;</li>\n")
                .add("  <li>{@link #now()}, the wall clock, dates each signature ({@code X-TC-Timestamp});</li>\n")
                .add("  <li>{@link #delay(Duration)} waits before a retry or a rate-limited call without blocking a\n")
                .add("      thread: it returns a future that completes later.</li>\n")
                .add("</ul>\n")
                .add("\n<p>Every method has a default that uses the system clocks, so {@link #system()} is all most\n")
                .add("programs need. Tests replace it with a virtual clock, which makes retries and rate limits\n")
                .add("deterministic and instant:\n")
                .add("\n<pre>{@code\n")
                .add("final class VirtualTime implements Scheduler {\n")
                .add("    private final AtomicLong nanos = new AtomicLong();\n")
                .add("    public long nanoTime() { return nanos.get(); }\n")
                .add("    public Instant now() { return Instant.ofEpochSecond(1_700_000_000L).plusNanos(nanos.get()); }\n")
                .add("    public CompletableFuture<Void> delay(Duration delay) {\n")
                .add("        nanos.addAndGet(delay.toNanos());   // time passes at once\n")
                .add("        return CompletableFuture.completedFuture(null);\n")
                .add("    }\n")
                .add("}\n")
                .add("}</pre>\n")
                .add("\n<p>Implementations must be thread-safe. A future returned by {@link #delay(Duration)} may\n")
                .add("already be complete; what depends on it then runs on the calling thread.\n")
                .build();
    }

    private MethodSpec system() {
        TypeSpec systemScheduler = TypeSpec.anonymousClassBuilder("")
                .addSuperinterface(types.scheduler())
                .addMethod(MethodSpec.methodBuilder("toString")
                        .addAnnotation(Override.class)
                        .addModifiers(PUBLIC)
                        .returns(String.class)
                        .addStatement("return $S", "Scheduler.system()")
                        .build())
                .build();
        return MethodSpec.methodBuilder("system")
                .addJavadoc("The system clocks, and delays on the JDK's shared delay scheduler.\n")
                .addJavadoc("\n@return a scheduler that uses the system clocks\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.scheduler())
                .addStatement("return $L", systemScheduler)
                .build();
    }

    private static MethodSpec nanoTime() {
        return MethodSpec.methodBuilder("nanoTime")
                .addJavadoc("A monotonic time in nanoseconds, for measuring intervals only: like\n")
                .addJavadoc("{@link System#nanoTime()}, it has no relation to the time of day and never goes back.\n")
                .addJavadoc("\n@return the current value of the monotonic clock, in nanoseconds\n")
                .addModifiers(PUBLIC, DEFAULT)
                .returns(long.class)
                .addStatement("return $T.nanoTime()", System.class)
                .build();
    }

    private static MethodSpec now() {
        return MethodSpec.methodBuilder("now")
                .addJavadoc("The current time of day, which each request's signature is dated with. Tencent Cloud\n")
                .addJavadoc("refuses a signature more than five minutes away from its own clock.\n")
                .addJavadoc("\n@return the current instant\n")
                .addModifiers(PUBLIC, DEFAULT)
                .returns(Instant.class)
                .addStatement("return $T.now()", Instant.class)
                .build();
    }

    private static MethodSpec delay() {
        return MethodSpec.methodBuilder("delay")
                .addJavadoc("A future that completes once {@code delay} has passed on this scheduler's clocks. It\n")
                .addJavadoc("never blocks the caller; a zero or negative delay gives a completed future.\n")
                .addJavadoc("\n@param delay how long to wait\n")
                .addJavadoc("@return a future completed (with {@code null}) after the delay\n")
                .addModifiers(PUBLIC, DEFAULT)
                .returns(FUTURE_OF_VOID)
                .addParameter(Duration.class, "delay")
                .beginControlFlow("if (delay.isZero() || delay.isNegative())")
                .addStatement("return $T.completedFuture(null)", CompletableFuture.class)
                .endControlFlow()
                .addStatement("return $T.runAsync(() -> { },\n$T.delayedExecutor(delay.toNanos(), $T.NANOSECONDS))",
                        CompletableFuture.class, CompletableFuture.class, TimeUnit.class)
                .build();
    }
}

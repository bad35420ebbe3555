package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;
import static javax.lang.model.element.Modifier.VOLATILE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Emits {@code CachingCredentialsProvider}: keeps expiring credentials from a slow source (an STS or role endpoint)
 * and refreshes them ahead of their expiry, one refresh at a time.
 */
final class CachingCredentialsProviderEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    CachingCredentialsProviderEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.cachingCredentials())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(types.credentialsProvider())
                .addField(FieldSpec.builder(Duration.class, "DEFAULT_REFRESH_BEFORE", PUBLIC, STATIC, FINAL)
                        .addJavadoc("How long before their expiry credentials are refreshed by default: 5 minutes.\n")
                        .initializer("$T.ofMinutes(5)", Duration.class)
                        .build())
                .addField(types.credentialsProvider(), "source", PRIVATE, FINAL)
                .addField(Duration.class, "refreshBefore", PRIVATE, FINAL)
                .addField(Clock.class, "clock", PRIVATE, FINAL)
                .addField(FieldSpec.builder(ReentrantLock.class, "refreshing", PRIVATE, FINAL)
                        .initializer("new $T()", ReentrantLock.class)
                        .build())
                .addField(FieldSpec.builder(types.credentials(), "cached", PRIVATE, VOLATILE).build())
                .addMethod(constructor())
                .addMethod(of())
                .addMethod(ofWithSettings())
                .addMethod(credentials())
                .addMethod(toStringMethod())
                .addMethod(refreshWhileValid())
                .addMethod(fetch())
                .addMethod(isStale())
                .addMethod(isExpired())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Keeps the credentials of a slow source, such as a call to a security token service for a\n")
                .add("role's temporary keys, and fetches new ones before they expire.\n")
                .add("\n<p>The source is asked only when needed: at the first call, and when the cached\n")
                .add("credentials' {@link Credentials#expiration() expiration} is less than {@code refreshBefore}\n")
                .add("away. While they are still valid, one caller refreshes and the others go on with the cached\n")
                .add("credentials without waiting; if that refresh fails, the cached ones are kept and the next call\n")
                .add("tries again. Once they have expired, callers wait for a single refresh, whose failure they\n")
                .add("all see. Credentials without an expiration are kept for good.\n")
                .add("\n<pre>{@code\n")
                .add("CredentialsProvider role = CachingCredentialsProvider.of(() -> {\n")
                .add("    AssumeRoleResponse r = sts.assumeRole(...);   // your call to STS\n")
                .add("    return Credentials.of(r.tmpSecretId(), r.tmpSecretKey(), r.token(),\n")
                .add("            Instant.ofEpochSecond(r.expiredTime()));\n")
                .add("});\n")
                .add("}</pre>\n")
                .add("\n<p>Thread-safe: at most one refresh runs at a time.\n")
                .build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(types.credentialsProvider(), "source")
                .addParameter(Duration.class, "refreshBefore")
                .addParameter(Clock.class, "clock")
                .addStatement("this.source = $T.requireNonNull(source, $S)", Objects.class, "source")
                .addStatement("this.refreshBefore = $T.requireNonNull(refreshBefore, $S)", Objects.class,
                        "refreshBefore")
                .addStatement("this.clock = $T.requireNonNull(clock, $S)", Objects.class, "clock")
                .beginControlFlow("if (refreshBefore.isNegative())")
                .addStatement("throw new $T($S + refreshBefore)", IllegalArgumentException.class,
                        "refreshBefore must not be negative, not ")
                .endControlFlow()
                .build();
    }

    private MethodSpec of() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("Caches the source's credentials, refreshing them 5 minutes before they expire.\n")
                .addJavadoc("\n@param source where fresh credentials come from; asked on one thread at a time\n")
                .addJavadoc("@return the caching provider\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.cachingCredentials())
                .addParameter(types.credentialsProvider(), "source")
                .addStatement("return new $T(source, DEFAULT_REFRESH_BEFORE, $T.systemUTC())",
                        types.cachingCredentials(), Clock.class)
                .build();
    }

    private MethodSpec ofWithSettings() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("Caches the source's credentials with a chosen refresh margin and clock.\n")
                .addJavadoc("\n@param source where fresh credentials come from; asked on one thread at a time\n")
                .addJavadoc("@param refreshBefore how long before the expiration to refresh; zero or more\n")
                .addJavadoc("@param clock the clock expirations are compared with\n")
                .addJavadoc("@return the caching provider\n")
                .addJavadoc("@throws IllegalArgumentException if {@code refreshBefore} is negative\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.cachingCredentials())
                .addParameter(types.credentialsProvider(), "source")
                .addParameter(Duration.class, "refreshBefore")
                .addParameter(Clock.class, "clock")
                .addStatement("return new $T(source, refreshBefore, clock)", types.cachingCredentials())
                .build();
    }

    private MethodSpec credentials() {
        return MethodSpec.methodBuilder("credentials")
                .addJavadoc("The cached credentials, refreshed first if they are about to expire.\n")
                .addJavadoc("\n@return valid credentials\n")
                .addJavadoc("@throws CredentialsException if there are no valid credentials and the source fails to\n")
                .addJavadoc("    give any (its own exceptions pass through)\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(types.credentials())
                .addStatement("$T current = cached", types.credentials())
                .addStatement("$T now = clock.instant()", Instant.class)
                .beginControlFlow("if (current != null && !isStale(current, now))")
                .addStatement("return current")
                .endControlFlow()
                .beginControlFlow("if (current != null && !isExpired(current, now))")
                .addStatement("return refreshWhileValid(current)")
                .endControlFlow()
                .addStatement("refreshing.lock()")
                .beginControlFlow("try")
                .addStatement("current = cached")
                .beginControlFlow("if (current == null || isExpired(current, clock.instant()))")
                .addStatement("current = fetch()")
                .endControlFlow()
                .addStatement("return current")
                .nextControlFlow("finally")
                .addStatement("refreshing.unlock()")
                .endControlFlow()
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Names the source and the margin, never the credentials.\n")
                .addJavadoc("\n@return a description\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S + source + $S + refreshBefore + ']'", "CachingCredentialsProvider[source=",
                        ", refreshBefore=")
                .build();
    }

    private MethodSpec refreshWhileValid() {
        return MethodSpec.methodBuilder("refreshWhileValid")
                .addJavadoc("Still valid but due: refresh unless another caller already is; keep {@code current}\n")
                .addJavadoc("if the refresh fails.\n")
                .addModifiers(PRIVATE)
                .returns(types.credentials())
                .addParameter(types.credentials(), "current")
                .beginControlFlow("if (!refreshing.tryLock())")
                .addStatement("return current")
                .endControlFlow()
                .beginControlFlow("try")
                .beginControlFlow("if (cached != current)")
                .addStatement("return cached")
                .endControlFlow()
                .addStatement("return fetch()")
                .nextControlFlow("catch ($T e)", RuntimeException.class)
                .addComment("The cached credentials still work; the next call tries again.")
                .addStatement("return current")
                .nextControlFlow("finally")
                .addStatement("refreshing.unlock()")
                .endControlFlow()
                .build();
    }

    private MethodSpec fetch() {
        return MethodSpec.methodBuilder("fetch")
                .addJavadoc("Asks the source, with the refresh lock held, and caches the answer.\n")
                .addModifiers(PRIVATE)
                .returns(types.credentials())
                .addStatement("$T fresh = source.credentials()", types.credentials())
                .beginControlFlow("if (fresh == null)")
                .addStatement("throw new $T(source + $S)", types.credentialsException(), " returned null")
                .endControlFlow()
                .beginControlFlow("if (isExpired(fresh, clock.instant()))")
                .addStatement("throw new $T(source + $S + fresh.expiration().orElseThrow())",
                        types.credentialsException(), " returned credentials that expired at ")
                .endControlFlow()
                .addStatement("cached = fresh")
                .addStatement("return fresh")
                .build();
    }

    private MethodSpec isStale() {
        return MethodSpec.methodBuilder("isStale")
                .addModifiers(PRIVATE)
                .returns(boolean.class)
                .addParameter(types.credentials(), "credentials")
                .addParameter(Instant.class, "now")
                .addStatement("return credentials.expiration()\n.map(expiration -> !now.isBefore("
                        + "expiration.minus(refreshBefore)))\n.orElse(false)")
                .build();
    }

    private MethodSpec isExpired() {
        return MethodSpec.methodBuilder("isExpired")
                .addModifiers(PRIVATE, STATIC)
                .returns(boolean.class)
                .addParameter(types.credentials(), "credentials")
                .addParameter(Instant.class, "now")
                .addStatement("return credentials.expiration().map(expiration -> !now.isBefore(expiration))"
                        + ".orElse(false)")
                .build();
    }
}

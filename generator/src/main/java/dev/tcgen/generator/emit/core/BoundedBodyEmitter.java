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
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Emits {@code BoundedBody} (package-private): the response body subscriber that keeps at most one byte more than
 * the limit and then stops reading, so a runaway proxy or server cannot make the client buffer without bound.
 */
final class BoundedBodyEmitter {

    static final TypeName HANDLER = ParameterizedTypeName.get(
            ClassName.get(HttpResponse.BodyHandler.class), TypeName.get(byte[].class));

    private final CoreTypes types;
    private final GeneratedFiles files;

    BoundedBodyEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.boundedBody())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(FINAL)
                .addSuperinterface(ParameterizedTypeName.get(
                        ClassName.get(HttpResponse.BodySubscriber.class), TypeName.get(byte[].class)))
                .addField(int.class, "limit", PRIVATE, FINAL)
                .addField(FieldSpec.builder(ByteArrayOutputStream.class, "bytes", PRIVATE, FINAL)
                        .initializer("new $T()", ByteArrayOutputStream.class)
                        .build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(CompletableFuture.class, byte[].class), "body",
                                PRIVATE, FINAL)
                        .initializer("new $T<>()", CompletableFuture.class)
                        .build())
                .addField(Flow.Subscription.class, "subscription", PRIVATE)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(int.class, "limit")
                        .addStatement("this.limit = limit")
                        .build())
                .addMethod(handler())
                .addMethod(getBody())
                .addMethod(onSubscribe())
                .addMethod(onNext())
                .addMethod(onError())
                .addMethod(onComplete())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Collects a response body of at most {@code limit} bytes. Past the limit it keeps one byte\n")
                .add("more, cancels the rest of the body and completes, so the reader can see that the body was\n")
                .add("too large ({@code length > limit}) and report it with the start of the body. Flow signals\n")
                .add("arrive one at a time, so the fields need no lock.\n")
                .build();
    }

    private MethodSpec handler() {
        return MethodSpec.methodBuilder("handler")
                .addJavadoc("A body handler that collects at most {@code limit} bytes (plus one, to tell).\n")
                .addModifiers(STATIC)
                .returns(HANDLER)
                .addParameter(int.class, "limit")
                .addStatement("return info -> new $T(limit)", types.boundedBody())
                .build();
    }

    private static MethodSpec getBody() {
        return MethodSpec.methodBuilder("getBody")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(ParameterizedTypeName.get(CompletionStage.class, byte[].class))
                .addStatement("return body")
                .build();
    }

    private static MethodSpec onSubscribe() {
        return MethodSpec.methodBuilder("onSubscribe")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(Flow.Subscription.class, "subscription")
                .addStatement("this.subscription = subscription")
                .addStatement("subscription.request($T.MAX_VALUE)", Long.class)
                .build();
    }

    private static MethodSpec onNext() {
        return MethodSpec.methodBuilder("onNext")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(ParameterizedTypeName.get(List.class, ByteBuffer.class), "buffers")
                .beginControlFlow("if (body.isDone())")
                .addStatement("return")
                .endControlFlow()
                .beginControlFlow("for ($T buffer : buffers)", ByteBuffer.class)
                .addStatement("int take = $T.min(buffer.remaining(), limit + 1 - bytes.size())", Math.class)
                .addStatement("byte[] chunk = new byte[take]")
                .addStatement("buffer.get(chunk)")
                .addStatement("bytes.writeBytes(chunk)")
                .beginControlFlow("if (bytes.size() > limit)")
                .addStatement("subscription.cancel()")
                .addStatement("body.complete(bytes.toByteArray())")
                .addStatement("return")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec onError() {
        return MethodSpec.methodBuilder("onError")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(Throwable.class, "failure")
                .addStatement("body.completeExceptionally(failure)")
                .build();
    }

    private static MethodSpec onComplete() {
        return MethodSpec.methodBuilder("onComplete")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addStatement("body.complete(bytes.toByteArray())")
                .build();
    }
}

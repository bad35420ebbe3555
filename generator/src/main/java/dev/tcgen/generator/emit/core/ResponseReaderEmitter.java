package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_NODE;
import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_PROCESSING_EXCEPTION;
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
import com.palantir.javapoet.WildcardTypeName;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Emits {@code ResponseReader} (package-private): turns one HTTP response into the response object, or into the
 * service's exception for an API error or anything that is not an API answer (HTML error pages, truncated, empty or
 * oversized bodies), quoting the status and the start of the body.
 */
final class ResponseReaderEmitter {

    /** The most characters of a response body an error message quotes. */
    static final int SNIPPET_LENGTH = 200;

    private static final TypeVariableName T = TypeVariableName.get("T");

    private final CoreTypes types;
    private final GeneratedFiles files;
    private final TypeName factory;

    ResponseReaderEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
        this.factory = anyFactory(types);
    }

    /** {@code ServiceExceptionFactory<? extends TencentCloudException>}. */
    static TypeName anyFactory(CoreTypes types) {
        return ParameterizedTypeName.get(types.exceptionFactory(), WildcardTypeName.subtypeOf(types.baseException()));
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.responseReader())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(FINAL)
                .addField(FieldSpec.builder(int.class, "SNIPPET_LENGTH", PRIVATE, STATIC, FINAL)
                        .initializer("$L", SNIPPET_LENGTH)
                        .build())
                .addField(String.class, "action", PRIVATE, FINAL)
                .addField(int.class, "status", PRIVATE, FINAL)
                .addField(byte[].class, "body", PRIVATE, FINAL)
                .addField(int.class, "maxBytes", PRIVATE, FINAL)
                .addField(factory, "exceptions", PRIVATE, FINAL)
                .addField(String.class, "requestId", PRIVATE)
                .addMethod(constructor())
                .addMethod(MethodSpec.methodBuilder("requestId")
                        .addJavadoc("The {@code RequestId} of the response, once read; {@code null} if it had none.\n")
                        .returns(String.class)
                        .addStatement("return requestId")
                        .build())
                .addMethod(read())
                .addMethod(responseObject())
                .addMethod(apiError())
                .addMethod(invalidResponse())
                .addMethod(snippet())
                .addMethod(describe())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Reads one HTTP response of the API: {@code {\"Response\": {..., \"RequestId\": \"...\"}}}, with\n")
                .add("an {@code \"Error\": {\"Code\", \"Message\"}} inside {@code Response} when the call failed\n")
                .add("(usually with HTTP status 200).\n")
                .add("\n<p>Anything else (an HTML error page from a proxy, an empty, truncated or oversized body, a\n")
                .add("{@code Response} of the wrong shape) becomes\n")
                .add("{@link TencentCloudException#CLIENT_INVALID_RESPONSE} with the HTTP status and the start of\n")
                .add("the body, never a {@code NullPointerException} or a Jackson exception. One reader per\n")
                .add("response; not thread-safe.\n")
                .build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addParameter(String.class, "action")
                .addParameter(int.class, "status")
                .addParameter(byte[].class, "body")
                .addParameter(int.class, "maxBytes")
                .addParameter(factory, "exceptions")
                .addStatement("this.action = action")
                .addStatement("this.status = status")
                .addStatement("this.body = body == null ? new byte[0] : body")
                .addStatement("this.maxBytes = maxBytes")
                .addStatement("this.exceptions = exceptions")
                .build();
    }

    private MethodSpec read() {
        return MethodSpec.methodBuilder("read")
                .addJavadoc("The response object, or the exception to fail the attempt with.\n")
                .addTypeVariable(T)
                .returns(T)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), T), "responseType")
                .beginControlFlow("if (body.length > maxBytes)")
                .addStatement("throw invalidResponse($S + maxBytes + $S, null)", "is larger than ",
                        " bytes, the most this client reads")
                .endControlFlow()
                .addStatement("$T envelope = responseObject()", JSON_NODE)
                .addStatement("requestId = envelope.path($S).textValue()", "RequestId")
                .addStatement("$T error = envelope.get($S)", JSON_NODE, "Error")
                .beginControlFlow("if (error != null && !error.isNull())")
                .addStatement("throw apiError(error)")
                .endControlFlow()
                .beginControlFlow("if (status < 200 || status > 299)")
                .addStatement("throw invalidResponse($S, null)", "has no Error although its HTTP status is not a success")
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("return $T.mapper().treeToValue(envelope, responseType)", types.json())
                .nextControlFlow("catch ($T | $T e)", JSON_PROCESSING_EXCEPTION, IllegalArgumentException.class)
                .addStatement("throw invalidResponse($S + responseType.getSimpleName() + $S + describe(e), e)",
                        "cannot be read as ", ": ")
                .endControlFlow()
                .build();
    }

    private MethodSpec responseObject() {
        return MethodSpec.methodBuilder("responseObject")
                .addJavadoc("The {@code Response} object of the body; anything else is an invalid response.\n")
                .addModifiers(PRIVATE)
                .returns(JSON_NODE)
                .addStatement("$T root", JSON_NODE)
                .beginControlFlow("try")
                .addStatement("root = $T.mapper().readTree(body)", types.json())
                .nextControlFlow("catch ($T e)", IOException.class)
                .addStatement("throw invalidResponse($S, e)", "is not valid JSON")
                .endControlFlow()
                .addStatement("$T envelope = root == null ? null : root.get($S)", JSON_NODE, "Response")
                .beginControlFlow("if (envelope == null || !envelope.isObject())")
                .addStatement("throw invalidResponse($S, null)", "has no Response object")
                .endControlFlow()
                .addStatement("return envelope")
                .build();
    }

    private MethodSpec apiError() {
        return MethodSpec.methodBuilder("apiError")
                .addModifiers(PRIVATE)
                .returns(types.baseException())
                .addParameter(JSON_NODE, "error")
                .addStatement("String code = error.path($S).textValue()", "Code")
                .beginControlFlow("if (code == null || code.isBlank())")
                .addStatement("return invalidResponse($S, null)", "has an Error without a Code")
                .endControlFlow()
                .addStatement("String message = error.path($S).textValue()", "Message")
                .addStatement("return exceptions.create(code, message == null ? $S : message, requestId, status, null)",
                        "")
                .build();
    }

    private MethodSpec invalidResponse() {
        return MethodSpec.methodBuilder("invalidResponse")
                .addModifiers(PRIVATE)
                .returns(types.baseException())
                .addParameter(String.class, "problem")
                .addParameter(Throwable.class, "cause")
                .addStatement("String message =\n$S + action + $S + status + $S + problem + $S + snippet(body)",
                        "The response to ", " (HTTP ", ") ", "; body: ")
                .addStatement("return exceptions.create(\n$T.CLIENT_INVALID_RESPONSE, message, requestId, status, cause)",
                        types.baseException())
                .build();
    }

    private static MethodSpec snippet() {
        return MethodSpec.methodBuilder("snippet")
                .addJavadoc("The start of a body for an error message: one line, at most {@code SNIPPET_LENGTH}\n")
                .addJavadoc("characters.\n")
                .addModifiers(STATIC)
                .returns(String.class)
                .addParameter(byte[].class, "body")
                .addStatement("int length = $T.min(body.length, SNIPPET_LENGTH * 4)", Math.class)
                .addStatement("String text = length == 0 ? $S\n: new String(body, 0, length, $T.UTF_8)"
                        + ".replaceAll($S, $S).strip()", "", StandardCharsets.class, "[\\s\\p{Cntrl}]+", " ")
                .beginControlFlow("if (text.isEmpty())")
                .addStatement("return $S", "(empty)")
                .endControlFlow()
                .beginControlFlow("if (text.length() <= SNIPPET_LENGTH && length == body.length)")
                .addStatement("return text")
                .endControlFlow()
                .addStatement("int end = $T.min(text.length(), SNIPPET_LENGTH - 3)", Math.class)
                .beginControlFlow("if ($T.isHighSurrogate(text.charAt(end - 1)))", Character.class)
                .addStatement("end--")
                .endControlFlow()
                .addStatement("return text.substring(0, end) + $S", "...")
                .build();
    }

    private static MethodSpec describe() {
        return MethodSpec.methodBuilder("describe")
                .addJavadoc("A failure's type and message, for an error message.\n")
                .addModifiers(STATIC)
                .returns(String.class)
                .addParameter(Throwable.class, "failure")
                .addStatement("String message = failure.getMessage()")
                .addStatement("String type = failure.getClass().getSimpleName()")
                .addStatement("return message == null || message.isBlank() ? type : type + $S + message", ": ")
                .build();
    }
}

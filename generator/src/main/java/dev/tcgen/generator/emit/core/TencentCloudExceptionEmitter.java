package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.util.Objects;
import java.util.StringJoiner;

/** Emits {@code TencentCloudException}: the base of every service exception, for API and client errors alike. */
final class TencentCloudExceptionEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    TencentCloudExceptionEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.baseException())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC)
                .superclass(RuntimeException.class)
                .addField(UnsignedLongSerializerEmitter.serialVersionUid())
                .addField(clientCode("CLIENT_NETWORK_FAILURE", "ClientError.NetworkFailure",
                        "The request could not be sent or its response not received: DNS, connection, TLS or a\n"
                                + "timeout. The cause is the {@code IOException}; the call may or may not have taken\n"
                                + "effect."))
                .addField(clientCode("CLIENT_INVALID_RESPONSE", "ClientError.InvalidResponse",
                        "A response arrived but is not a Tencent Cloud API answer: not JSON, truncated, without a\n"
                                + "{@code Response} object, or not of the expected shape. The message quotes the\n"
                                + "HTTP status and the start of the body."))
                .addField(clientCode("CLIENT_INTERRUPTED", "ClientError.Interrupted",
                        "The calling thread was interrupted while waiting for the response; its interrupt flag\n"
                                + "is set again."))
                .addField(clientCode("CLIENT_CLOSED", "ClientError.Closed",
                        "The client was closed before the call, or while the call waited to be retried."))
                .addField(clientCode("CLIENT_RATE_LIMITED", "ClientError.RateLimited",
                        "The action's client-side rate limit was reached and the client is set to fail fast\n"
                                + "({@link RateLimitMode#FAIL_FAST}); nothing was sent."))
                .addField(clientCode("CLIENT_CREDENTIALS", "ClientError.Credentials",
                        "The credentials provider had no credentials to give (for example, none of the\n"
                                + "default chain's sources is set up) or failed; nothing was sent. The cause says why."))
                .addField(clientCode("CLIENT_REQUEST_TOO_LARGE", "ClientError.RequestTooLarge",
                        "The request's JSON is larger than the API accepts\n"
                                + "({@link ApiTransport#MAX_REQUEST_BYTES}); nothing was sent."))
                .addField(privateField(String.class, "code", "The error code, never {@code null}."))
                .addField(privateField(String.class, "errorMessage", "The error message alone, never {@code null}."))
                .addField(privateField(String.class, "requestId", "The request id, or {@code null}."))
                .addField(privateField(int.class, "httpStatus", "The HTTP status, or {@code 0} without a response."))
                .addField(FieldSpec.builder(int.class, "attempts", PRIVATE)
                        .addJavadoc("How many requests the call made; set by the transport.\n")
                        .build())
                .addMethod(constructor())
                .addMethod(code())
                .addMethod(errorMessage())
                .addMethod(requestId())
                .addMethod(httpStatus())
                .addMethod(attempts())
                .addMethod(recordAttempts())
                .addMethod(getMessage())
                .addMethod(describe())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("A failed Tencent Cloud API call: the base of each service's own exception.\n")
                .add("\n<p>Two kinds of failure share this type, told apart by {@link #code()}:\n")
                .add("<ul>\n")
                .add("  <li>The API answered with an error. The code is Tencent Cloud's, such as\n")
                .add("      {@code ResourceNotFound} or {@code AuthFailure.SignatureExpire}, the message is the\n")
                .add("      API's, and {@link #requestId()} identifies the call for Tencent Cloud support.</li>\n")
                .add("  <li>The client could not complete the call. The code is one of the {@code CLIENT_*}\n")
                .add("      constants here, which start with {@code ClientError.} and are never sent by the API.</li>\n")
                .add("</ul>\n")
                .add("\n<pre>{@code\n")
                .add("try {\n")
                .add("    client.describeSomething(request);\n")
                .add("} catch (TencentCloudException e) {\n")
                .add("    if (e.code().equals(\"ResourceNotFound\")) {\n")
                .add("        return Optional.empty();\n")
                .add("    }\n")
                .add("    throw e;\n")
                .add("}\n")
                .add("}</pre>\n")
                .add("\n<p>Each service's subclass adds its error codes as an enum. The message never contains\n")
                .add("credentials.\n")
                .build();
    }

    private static FieldSpec clientCode(String name, String value, String javadoc) {
        return FieldSpec.builder(String.class, name, PUBLIC, STATIC, FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer("$S", value)
                .build();
    }

    private static FieldSpec privateField(Class<?> type, String name, String javadoc) {
        return FieldSpec.builder(type, name, PRIVATE, FINAL).addJavadoc("$L\n", javadoc).build();
    }

    private static MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addJavadoc("Creates the exception for one failed call; its message reads like\n")
                .addJavadoc("{@code ResourceNotFound: The task does not exist. (RequestId 7199..., HTTP 200)}.\n")
                .addJavadoc("\n@param code the error code, from the API or a {@code CLIENT_*} constant\n")
                .addJavadoc("@param message what went wrong; {@code null} is taken as empty\n")
                .addJavadoc("@param requestId the id of the request, or {@code null} when no response carried one\n")
                .addJavadoc("@param httpStatus the HTTP status of the response, or {@code 0} when none was received\n")
                .addJavadoc("@param cause the underlying exception, or {@code null}\n")
                .addModifiers(PUBLIC)
                .addParameter(String.class, "code")
                .addParameter(String.class, "message")
                .addParameter(String.class, "requestId")
                .addParameter(int.class, "httpStatus")
                .addParameter(Throwable.class, "cause")
                .addStatement("super(describe(code, message, requestId, httpStatus, 0), cause)")
                .addStatement("this.code = $T.requireNonNull(code, $S)", Objects.class, "code")
                .addStatement("this.errorMessage = message == null ? $S : message", "")
                .addStatement("this.requestId = requestId")
                .addStatement("this.httpStatus = httpStatus")
                .build();
    }

    private static MethodSpec code() {
        return MethodSpec.methodBuilder("code")
                .addJavadoc("The error code as received, e.g. {@code ResourceNotFound} or\n")
                .addJavadoc("{@code FailedOperation.TaskNotExist}, or a {@code CLIENT_*} constant. Codes the client\n")
                .addJavadoc("was generated without are kept as they are.\n")
                .addJavadoc("\n@return the code, never {@code null}\n")
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return code")
                .build();
    }

    private static MethodSpec errorMessage() {
        return MethodSpec.methodBuilder("errorMessage")
                .addJavadoc("The error message alone, as the API (or the client) wrote it; {@link #getMessage()}\n")
                .addJavadoc("adds the code, request id and HTTP status.\n")
                .addJavadoc("\n@return the message, possibly empty, never {@code null}\n")
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return errorMessage")
                .build();
    }

    private static MethodSpec requestId() {
        return MethodSpec.methodBuilder("requestId")
                .addJavadoc("The id Tencent Cloud gave the request: quote it when asking Tencent Cloud support about\n")
                .addJavadoc("a call.\n")
                .addJavadoc("\n@return the request id, or {@code null} when no API response carried one\n")
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return requestId")
                .build();
    }

    private static MethodSpec httpStatus() {
        return MethodSpec.methodBuilder("httpStatus")
                .addJavadoc("The HTTP status of the response. Tencent Cloud reports most API errors with status\n")
                .addJavadoc("200, so look at {@link #code()} first.\n")
                .addJavadoc("\n@return the status, or {@code 0} when no response was received\n")
                .addModifiers(PUBLIC)
                .returns(int.class)
                .addStatement("return httpStatus")
                .build();
    }

    private static MethodSpec attempts() {
        return MethodSpec.methodBuilder("attempts")
                .addJavadoc("How many requests the call made before it gave up: 1 when it failed at the first\n")
                .addJavadoc("attempt, more when failures were retried ({@link RetryPolicy}), 0 when nothing was\n")
                .addJavadoc("sent.\n")
                .addJavadoc("\n@return the number of attempts\n")
                .addModifiers(PUBLIC)
                .returns(int.class)
                .addStatement("return attempts")
                .build();
    }

    private static MethodSpec recordAttempts() {
        return MethodSpec.methodBuilder("recordAttempts")
                .addJavadoc("Records how many requests the call made; the transport calls it before it throws.\n")
                .addParameter(int.class, "attempts")
                .addStatement("this.attempts = attempts")
                .build();
    }

    private static MethodSpec getMessage() {
        return MethodSpec.methodBuilder("getMessage")
                .addJavadoc("The code, message, request id and HTTP status, and the number of attempts if there\n")
                .addJavadoc("were several, e.g.\n")
                .addJavadoc("{@code InternalError: Internal error. (RequestId 7199..., HTTP 200, after 4 attempts)}.\n")
                .addJavadoc("\n@return the description of the failure\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return describe(code, errorMessage, requestId, httpStatus, attempts)")
                .build();
    }

    private static MethodSpec describe() {
        return MethodSpec.methodBuilder("describe")
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(String.class, "code")
                .addParameter(String.class, "message")
                .addParameter(String.class, "requestId")
                .addParameter(int.class, "httpStatus")
                .addParameter(int.class, "attempts")
                .addStatement("$T text = new $T(String.valueOf(code))", StringBuilder.class, StringBuilder.class)
                .beginControlFlow("if (message != null && !message.isEmpty())")
                .addStatement("text.append($S).append(message)", ": ")
                .endControlFlow()
                .addStatement("$T details = new $T($S, $S, $S)", StringJoiner.class, StringJoiner.class, ", ", " (", ")")
                .addStatement("details.setEmptyValue($S)", "")
                .beginControlFlow("if (requestId != null)")
                .addStatement("details.add($S + requestId)", "RequestId ")
                .endControlFlow()
                .beginControlFlow("if (httpStatus != 0)")
                .addStatement("details.add($S + httpStatus)", "HTTP ")
                .endControlFlow()
                .beginControlFlow("if (attempts > 1)")
                .addStatement("details.add($S + attempts + $S)", "after ", " attempts")
                .endControlFlow()
                .addStatement("return text.append(details).toString()")
                .build();
    }
}

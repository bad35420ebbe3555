package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_NODE;
import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_PROCESSING_EXCEPTION;
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
import com.palantir.javapoet.TypeVariableName;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Emits {@code ApiTransport}: one API call as serialise, sign, send and parse, each a private method of its own so
 * that retries, rate limiting and logging can later wrap the steps without rewriting them. Its {@code Builder} comes
 * from {@link ApiTransportBuilderEmitter}.
 */
final class ApiTransportEmitter {

    /** The most characters of a response body an error message quotes. */
    static final int SNIPPET_LENGTH = 200;

    private static final TypeVariableName T = TypeVariableName.get("T");
    private static final TypeName BYTE_RESPONSE =
            ParameterizedTypeName.get(ClassName.get(HttpResponse.class), TypeName.get(byte[].class));

    private final CoreTypes types;
    private final GeneratedFiles files;
    private final TypeVariableName e;
    private final TypeName factoryOfE;

    ApiTransportEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
        this.e = TypeVariableName.get("E", types.baseException());
        this.factoryOfE = ParameterizedTypeName.get(types.exceptionFactory(), TypeVariableName.get("E"));
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.transport())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addField(publicConstant(String.class, "CONTENT_TYPE",
                        CodeBlock.of("$S", "application/json; charset=utf-8"),
                        "The {@code Content-Type} of every request; it is signed, so it is sent exactly so."))
                .addField(publicConstant(Duration.class, "DEFAULT_CONNECT_TIMEOUT",
                        CodeBlock.of("$T.ofSeconds(5)", Duration.class),
                        "How long the default HTTP client waits to connect: 5 seconds."))
                .addField(publicConstant(Duration.class, "DEFAULT_REQUEST_TIMEOUT",
                        CodeBlock.of("$T.ofSeconds(30)", Duration.class),
                        "How long a call waits for its response: 30 seconds."))
                .addField(publicConstant(String.class, "DEFAULT_USER_AGENT",
                        CodeBlock.of("$S", "tcgen/" + files.generatorVersion()),
                        "The {@code User-Agent}: the generator and its version."))
                .addField(FieldSpec.builder(int.class, "SNIPPET_LENGTH", PRIVATE, STATIC, FINAL)
                        .initializer("$L", SNIPPET_LENGTH)
                        .build())
                .addField(privateField(String.class, "service"))
                .addField(privateField(String.class, "version"))
                .addField(privateField(URI.class, "endpoint"))
                .addField(privateField(String.class, "host"))
                .addField(privateField(types.credentialsProvider(), "credentials"))
                .addField(privateField(String.class, "language"))
                .addField(privateField(HttpClient.class, "httpClient"))
                .addField(privateField(boolean.class, "ownsHttpClient"))
                .addField(privateField(Duration.class, "requestTimeout"))
                .addField(privateField(String.class, "userAgent"))
                .addField(FieldSpec.builder(AtomicBoolean.class, "closed", PRIVATE, FINAL)
                        .initializer("new $T()", AtomicBoolean.class)
                        .build())
                .addMethod(constructor())
                .addMethod(builder())
                .addMethod(accessor(String.class, "service", "The service name that requests are signed for, e.g.\n"
                        + "{@code trtc}.\n\n@return the service name\n"))
                .addMethod(accessor(String.class, "version", "The API version sent as {@code X-TC-Version}, e.g.\n"
                        + "{@code 2019-07-22}.\n\n@return the API version\n"))
                .addMethod(accessor(URI.class, "endpoint", "The URI requests are posted to, normalised to\n"
                        + "{@code scheme://host[:port]/} with a lowercase host and no default port.\n\n"
                        + "@return the endpoint\n"))
                .addMethod(accessor(String.class, "host", "The {@code Host} header the JDK sends for the endpoint,\n"
                        + "which the signature covers: the host, plus {@code :port} when the port is not the\n"
                        + "scheme's default.\n\n@return the signed host\n"))
                .addMethod(call())
                .addMethod(close())
                .addMethod(toStringMethod())
                .addMethod(serialize())
                .addMethod(signedRequest())
                .addMethod(currentCredentials())
                .addMethod(send())
                .addMethod(parse())
                .addMethod(responseObject())
                .addMethod(apiError())
                .addMethod(invalidResponse())
                .addMethod(snippet())
                .addMethod(describe())
                .addMethod(defaultHttpClient())
                .addMethod(normalizeEndpoint())
                .addMethod(hostHeader())
                .addMethod(requireText())
                .addType(new ApiTransportBuilderEmitter(types).builderType())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Sends Tencent Cloud API 3.0 calls: the one piece of HTTP the generated clients share.\n")
                .add("\n<p>Every call is an HTTPS {@code POST} of a JSON body to the service's endpoint. The action,\n")
                .add("API version, time and region travel in {@code X-TC-*} headers and a TC3-HMAC-SHA256\n")
                .add("signature ({@link Tc3Signer}) in {@code Authorization}. The answer is always\n")
                .add("{@code {\"Response\": {..., \"RequestId\": \"...\"}}}; a failed call has an\n")
                .add("{@code \"Error\": {\"Code\": ..., \"Message\": ...}} inside {@code Response}, usually with\n")
                .add("HTTP status 200. {@link #call} turns that into the response object or the service's\n")
                .add("exception.\n")
                .add("\n<pre>{@code\n")
                .add("ApiTransport transport = ApiTransport.builder()\n")
                .add("        .service(\"cvm\")\n")
                .add("        .version(\"2017-03-12\")\n")
                .add("        .endpoint(URI.create(\"https://cvm.tencentcloudapi.com\"))\n")
                .add("        .credentials(Credentials.of(secretId, secretKey))\n")
                .add("        .build();\n")
                .add("}</pre>\n")
                .add("\n<p>Generated clients build and own their transport; use it directly only for an action the\n")
                .add("client does not have. A transport is thread-safe and meant to be shared: create one per\n")
                .add("client, not per call, and {@link #close()} it when done. Failures are always a\n")
                .add("{@link TencentCloudException} (as the service's subclass): API errors with Tencent Cloud's\n")
                .add("code, and client-side failures with one of its {@code CLIENT_*} codes. Neither messages nor\n")
                .add("{@link #toString()} ever contain the secret key, the token or the signature.\n")
                .build();
    }

    private static FieldSpec publicConstant(Class<?> type, String name, CodeBlock value, String javadoc) {
        return FieldSpec.builder(type, name, PUBLIC, STATIC, FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer(value)
                .build();
    }

    private static FieldSpec privateField(TypeName type, String name) {
        return FieldSpec.builder(type, name, PRIVATE, FINAL).build();
    }

    private static FieldSpec privateField(Class<?> type, String name) {
        return privateField(TypeName.get(type), name);
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(builderClass(), "builder")
                .addStatement("this.service = builder.service")
                .addStatement("this.version = builder.version")
                .addStatement("this.endpoint = builder.endpoint")
                .addStatement("this.host = hostHeader(builder.endpoint)")
                .addStatement("this.credentials = builder.credentials")
                .addStatement("this.language = builder.language")
                .addStatement("this.ownsHttpClient = builder.httpClient == null")
                .addStatement("this.httpClient = ownsHttpClient ? defaultHttpClient(builder.connectTimeout) "
                        + ": builder.httpClient")
                .addStatement("this.requestTimeout = builder.requestTimeout")
                .addStatement("this.userAgent = builder.userAgent")
                .build();
    }

    private ClassName builderClass() {
        return types.transport().nestedClass(ApiTransportBuilderEmitter.BUILDER);
    }

    private MethodSpec builder() {
        return MethodSpec.methodBuilder("builder")
                .addJavadoc("Starts a transport. The service, version, endpoint and credentials are required.\n")
                .addJavadoc("\n@return a new builder\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(builderClass())
                .addStatement("return new $T()", builderClass())
                .build();
    }

    private static MethodSpec accessor(Class<?> type, String name, String javadoc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L", javadoc)
                .addModifiers(PUBLIC)
                .returns(type)
                .addStatement("return $N", name)
                .build();
    }

    private MethodSpec call() {
        return MethodSpec.methodBuilder("call")
                .addJavadoc("Calls one API action and returns its response.\n")
                .addJavadoc("\n<p>Blocks until the response arrives or the request timeout passes. The call is\n")
                .addJavadoc("signed with the provider's current credentials and the current time.\n")
                .addJavadoc("\n@param <T> the response type\n")
                .addJavadoc("@param <E> the service's exception type\n")
                .addJavadoc("@param action the action, e.g. {@code DescribeInstances}, sent as {@code X-TC-Action}\n")
                .addJavadoc("@param region the region, e.g. {@code ap-guangzhou}, sent as {@code X-TC-Region}; or\n")
                .addJavadoc("    {@code null} for actions that take none\n")
                .addJavadoc("@param request the request object, serialised with {@link Json#mapper()}\n")
                .addJavadoc("@param responseType the class the {@code Response} object is read into\n")
                .addJavadoc("@param exceptions makes the service's exception, e.g. {@code TrtcException::new}\n")
                .addJavadoc("@return the response\n")
                .addJavadoc("@throws TencentCloudException as made by {@code exceptions}: with the API's code when\n")
                .addJavadoc("    the API answered with an error, or with {@code CLIENT_NETWORK_FAILURE},\n")
                .addJavadoc("    {@code CLIENT_INVALID_RESPONSE}, {@code CLIENT_INTERRUPTED} or\n")
                .addJavadoc("    {@code CLIENT_CLOSED} when the call could not be completed\n")
                .addJavadoc("@throws IllegalArgumentException if the request cannot be serialised\n")
                .addModifiers(PUBLIC)
                .addTypeVariable(T)
                .addTypeVariable(e)
                .returns(T)
                .addParameter(String.class, "action")
                .addParameter(String.class, "region")
                .addParameter(Object.class, "request")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), T), "responseType")
                .addParameter(factoryOfE, "exceptions")
                .addCode(requireNonNull("action", "request", "responseType", "exceptions"))
                .beginControlFlow("if (closed.get())")
                .addStatement("throw exceptions.create($T.CLIENT_CLOSED,\n$S + action + $S, null, 0, null)",
                        types.baseException(), "Cannot call ", ": the client is closed")
                .endControlFlow()
                .addStatement("byte[] payload = serialize(action, request)")
                .addStatement("$T httpRequest = signedRequest(action, region, payload)", HttpRequest.class)
                .addStatement("$T response = send(action, httpRequest, exceptions)", BYTE_RESPONSE)
                .addStatement("return parse(action, response, responseType, exceptions)")
                .build();
    }

    private static CodeBlock requireNonNull(String... names) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (String name : names) {
            code.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name);
        }
        return code.build();
    }

    private static MethodSpec close() {
        return MethodSpec.methodBuilder("close")
                .addJavadoc("Closes the transport: later calls fail with {@code CLIENT_CLOSED}; calls already under\n")
                .addJavadoc("way finish. A default HTTP client is closed too where the JDK supports it (Java 21 and\n")
                .addJavadoc("later); one passed to the builder is left open for its owner. Closing twice is harmless.\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .beginControlFlow("if (!closed.compareAndSet(false, true) || !ownsHttpClient)")
                .addStatement("return")
                .endControlFlow()
                .addComment("HttpClient implements AutoCloseable from Java 21 on; on older JDKs it is freed when unused.")
                .addStatement("$T client = httpClient", Object.class)
                .beginControlFlow("if (client instanceof $T)", AutoCloseable.class)
                .beginControlFlow("try")
                .addStatement("(($T) client).close()", AutoCloseable.class)
                .nextControlFlow("catch ($T ignored)", Exception.class)
                .addComment("HttpClient.close() throws no checked exception; there is nothing more to release.")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Describes the transport by service, version and endpoint; never shows credentials.\n")
                .addJavadoc("\n@return a description\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S + service + $S + version + $S + endpoint\n+ (closed.get() ? $S : $S)",
                        "ApiTransport[service=", ", version=", ", endpoint=", ", closed]", "]")
                .build();
    }

    private MethodSpec serialize() {
        return MethodSpec.methodBuilder("serialize")
                .addModifiers(PRIVATE)
                .returns(byte[].class)
                .addParameter(String.class, "action")
                .addParameter(Object.class, "request")
                .beginControlFlow("try")
                .addStatement("return $T.mapper().writeValueAsBytes(request)", types.json())
                .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
                .addStatement("throw new $T(\n$S + action + $S + e.getOriginalMessage(), e)",
                        IllegalArgumentException.class, "Cannot serialise the ", " request: ")
                .endControlFlow()
                .build();
    }

    private MethodSpec signedRequest() {
        return MethodSpec.methodBuilder("signedRequest")
                .addJavadoc("Builds the signed HTTP request; the timestamp is taken now, per call.\n")
                .addModifiers(PRIVATE)
                .returns(HttpRequest.class)
                .addParameter(String.class, "action")
                .addParameter(String.class, "region")
                .addParameter(byte[].class, "payload")
                .addStatement("$T current = currentCredentials()", types.credentials())
                .addStatement("long timestamp = $T.now().getEpochSecond()", Instant.class)
                .addStatement("String authorization =\n$T.authorization(current, service, host, CONTENT_TYPE, payload, "
                        + "timestamp)", types.signer())
                .addStatement("$T.Builder request = $T.newBuilder(endpoint)\n"
                        + ".timeout(requestTimeout)\n"
                        + ".POST($T.BodyPublishers.ofByteArray(payload))\n"
                        + ".header($S, authorization)\n"
                        + ".header($S, CONTENT_TYPE)\n"
                        + ".header($S, action)\n"
                        + ".header($S, version)\n"
                        + ".header($S, $T.toString(timestamp))\n"
                        + ".header($S, userAgent)",
                        HttpRequest.class, HttpRequest.class, HttpRequest.class, "Authorization", "Content-Type",
                        "X-TC-Action", "X-TC-Version", "X-TC-Timestamp", Long.class, "User-Agent")
                .beginControlFlow("if (region != null)")
                .addStatement("request.header($S, region)", "X-TC-Region")
                .endControlFlow()
                .addStatement("current.token().ifPresent(token -> request.header($S, token))", "X-TC-Token")
                .beginControlFlow("if (language != null)")
                .addStatement("request.header($S, language)", "X-TC-Language")
                .endControlFlow()
                .addStatement("return request.build()")
                .build();
    }

    private MethodSpec currentCredentials() {
        return MethodSpec.methodBuilder("currentCredentials")
                .addModifiers(PRIVATE)
                .returns(types.credentials())
                .addStatement("$T current = credentials.credentials()", types.credentials())
                .beginControlFlow("if (current == null)")
                .addStatement("throw new $T($S)", IllegalStateException.class,
                        "The credentials provider returned null")
                .endControlFlow()
                .addStatement("return current")
                .build();
    }

    private MethodSpec send() {
        return MethodSpec.methodBuilder("send")
                .addModifiers(PRIVATE)
                .addTypeVariable(e)
                .returns(BYTE_RESPONSE)
                .addParameter(String.class, "action")
                .addParameter(HttpRequest.class, "request")
                .addParameter(factoryOfE, "exceptions")
                .beginControlFlow("try")
                .addStatement("return httpClient.send(request, $T.BodyHandlers.ofByteArray())", HttpResponse.class)
                .nextControlFlow("catch ($T e)", IOException.class)
                .addStatement("throw exceptions.create($T.CLIENT_NETWORK_FAILURE,\n$S + action + $S + endpoint + $S "
                        + "+ describe(e), null, 0, e)", types.baseException(), "Calling ", " at ", " failed: ")
                .nextControlFlow("catch ($T e)", InterruptedException.class)
                .addStatement("$T.currentThread().interrupt()", Thread.class)
                .addStatement("throw exceptions.create($T.CLIENT_INTERRUPTED,\n$S + action, null, 0, e)",
                        types.baseException(), "Interrupted while waiting for the response to ")
                .endControlFlow()
                .build();
    }

    private MethodSpec parse() {
        return MethodSpec.methodBuilder("parse")
                .addJavadoc("Reads {@code Response}: the API's error as an exception, or the response object.\n")
                .addModifiers(PRIVATE)
                .addTypeVariable(T)
                .addTypeVariable(e)
                .returns(T)
                .addParameter(String.class, "action")
                .addParameter(BYTE_RESPONSE, "response")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), T), "responseType")
                .addParameter(factoryOfE, "exceptions")
                .addStatement("int status = response.statusCode()")
                .addStatement("byte[] body = response.body()")
                .addStatement("$T envelope = responseObject(action, status, body, exceptions)", JSON_NODE)
                .addStatement("String requestId = envelope.path($S).textValue()", "RequestId")
                .addStatement("$T error = envelope.get($S)", JSON_NODE, "Error")
                .beginControlFlow("if (error != null && !error.isNull())")
                .addStatement("throw apiError(action, status, body, requestId, error, exceptions)")
                .endControlFlow()
                .beginControlFlow("if (status < 200 || status > 299)")
                .addStatement("throw invalidResponse(action, status, body, requestId,\n$S, null, exceptions)",
                        "has no Error although its HTTP status is not a success")
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("return $T.mapper().treeToValue(envelope, responseType)", types.json())
                .nextControlFlow("catch ($T | $T e)", JSON_PROCESSING_EXCEPTION, IllegalArgumentException.class)
                .addStatement("throw invalidResponse(action, status, body, requestId,\n$S + responseType.getSimpleName() "
                        + "+ $S + describe(e), e, exceptions)", "cannot be read as ", ": ")
                .endControlFlow()
                .build();
    }

    private MethodSpec responseObject() {
        return MethodSpec.methodBuilder("responseObject")
                .addJavadoc("The {@code Response} object of the body; anything else is an invalid response.\n")
                .addModifiers(PRIVATE)
                .addTypeVariable(e)
                .returns(JSON_NODE)
                .addParameter(String.class, "action")
                .addParameter(int.class, "status")
                .addParameter(byte[].class, "body")
                .addParameter(factoryOfE, "exceptions")
                .addStatement("$T root", JSON_NODE)
                .beginControlFlow("try")
                .addStatement("root = $T.mapper().readTree(body)", types.json())
                .nextControlFlow("catch ($T e)", IOException.class)
                .addStatement("throw invalidResponse(action, status, body, null, $S, e, exceptions)",
                        "is not valid JSON")
                .endControlFlow()
                .addStatement("$T envelope = root == null ? null : root.get($S)", JSON_NODE, "Response")
                .beginControlFlow("if (envelope == null || !envelope.isObject())")
                .addStatement("throw invalidResponse(action, status, body, null, $S, null, exceptions)",
                        "has no Response object")
                .endControlFlow()
                .addStatement("return envelope")
                .build();
    }

    private MethodSpec apiError() {
        return MethodSpec.methodBuilder("apiError")
                .addModifiers(PRIVATE)
                .addTypeVariable(e)
                .returns(TypeVariableName.get("E"))
                .addParameter(String.class, "action")
                .addParameter(int.class, "status")
                .addParameter(byte[].class, "body")
                .addParameter(String.class, "requestId")
                .addParameter(JSON_NODE, "error")
                .addParameter(factoryOfE, "exceptions")
                .addStatement("String code = error.path($S).textValue()", "Code")
                .beginControlFlow("if (code == null || code.isBlank())")
                .addStatement("return invalidResponse(action, status, body, requestId,\n$S, null, exceptions)",
                        "has an Error without a Code")
                .endControlFlow()
                .addStatement("String message = error.path($S).textValue()", "Message")
                .addStatement("return exceptions.create(code, message == null ? $S : message, requestId, status, null)",
                        "")
                .build();
    }

    private MethodSpec invalidResponse() {
        return MethodSpec.methodBuilder("invalidResponse")
                .addModifiers(PRIVATE)
                .addTypeVariable(e)
                .returns(TypeVariableName.get("E"))
                .addParameter(String.class, "action")
                .addParameter(int.class, "status")
                .addParameter(byte[].class, "body")
                .addParameter(String.class, "requestId")
                .addParameter(String.class, "problem")
                .addParameter(Throwable.class, "cause")
                .addParameter(factoryOfE, "exceptions")
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
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(byte[].class, "body")
                .addStatement("int length = body == null ? 0 : $T.min(body.length, SNIPPET_LENGTH * 4)", Math.class)
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
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(Throwable.class, "failure")
                .addStatement("String message = failure.getMessage()")
                .addStatement("String type = failure.getClass().getSimpleName()")
                .addStatement("return message == null || message.isBlank() ? type : type + $S + message", ": ")
                .build();
    }

    private static MethodSpec defaultHttpClient() {
        return MethodSpec.methodBuilder("defaultHttpClient")
                .addModifiers(PRIVATE, STATIC)
                .returns(HttpClient.class)
                .addParameter(Duration.class, "connectTimeout")
                .addStatement("return $T.newBuilder()\n"
                        + ".connectTimeout(connectTimeout)\n"
                        + ".followRedirects($T.Redirect.NEVER)\n"
                        + ".version($T.Version.HTTP_1_1)\n"
                        + ".build()", HttpClient.class, HttpClient.class, HttpClient.class)
                .build();
    }

    private static MethodSpec normalizeEndpoint() {
        return MethodSpec.methodBuilder("normalizeEndpoint")
                .addJavadoc("Checks that the endpoint is {@code http(s)://host[:port][/]} and returns it as\n")
                .addJavadoc("{@code scheme://host[:port]/}, lowercase, without a default port, so the request's\n")
                .addJavadoc("{@code Host} header and the signed host are the same text.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(URI.class)
                .addParameter(URI.class, "endpoint")
                .addStatement("$T.requireNonNull(endpoint, $S)", Objects.class, "endpoint")
                .addStatement("String scheme =\n"
                        + "endpoint.getScheme() == null ? $S : endpoint.getScheme().toLowerCase($T.ROOT)",
                        "", Locale.class)
                .beginControlFlow("if (!scheme.equals($S) && !scheme.equals($S))", "https", "http")
                .addStatement("throw new $T(\n$S + endpoint)", IllegalArgumentException.class,
                        "endpoint must be an absolute http or https URI, not ")
                .endControlFlow()
                .beginControlFlow("if (endpoint.getRawUserInfo() != null)")
                .addStatement("throw new $T($S)", IllegalArgumentException.class,
                        "endpoint must not contain user information")
                .endControlFlow()
                .addStatement("String path = endpoint.getRawPath()")
                .addStatement("boolean hostOnly = endpoint.getHost() != null && endpoint.getRawQuery() == null\n"
                        + "&& endpoint.getRawFragment() == null && (path == null || path.isEmpty() || path.equals($S))",
                        "/")
                .beginControlFlow("if (!hostOnly)")
                .addStatement("throw new $T(\n$S + endpoint)", IllegalArgumentException.class,
                        "endpoint must be scheme://host[:port], e.g. https://cvm.tencentcloudapi.com, not ")
                .endControlFlow()
                .addStatement("int defaultPort = scheme.equals($S) ? 443 : 80", "https")
                .addStatement("int port = endpoint.getPort() == defaultPort ? -1 : endpoint.getPort()")
                .addStatement("String host = endpoint.getHost().toLowerCase($T.ROOT)", Locale.class)
                .addStatement("return $T.create(scheme + $S + host + (port == -1 ? $S : $S + port) + '/')", URI.class,
                        "://", "", ":")
                .build();
    }

    private static MethodSpec hostHeader() {
        return MethodSpec.methodBuilder("hostHeader")
                .addJavadoc("What the JDK HttpClient sends as {@code Host} for a normalised endpoint.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(URI.class, "endpoint")
                .addStatement("return endpoint.getPort() == -1 ? endpoint.getHost() "
                        + ": endpoint.getHost() + ':' + endpoint.getPort()")
                .build();
    }

    private static MethodSpec requireText() {
        return MethodSpec.methodBuilder("requireText")
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(String.class, "value")
                .addParameter(String.class, "name")
                .beginControlFlow("if (value == null || value.isBlank())")
                .addStatement("throw new $T(name + $S)", IllegalArgumentException.class, " must not be null or blank")
                .endControlFlow()
                .addStatement("return value")
                .build();
    }
}

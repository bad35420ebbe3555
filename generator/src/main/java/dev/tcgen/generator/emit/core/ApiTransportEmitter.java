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
import com.palantir.javapoet.TypeVariableName;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code ApiTransport}: the configuration every call of a client shares and the two entry points,
 * {@code call} and {@code callAsync}, which hand each call to an {@code ApiCall}. How a request is built and signed
 * comes from {@link ApiTransportRequestEmitter}, the {@code Builder} from {@link ApiTransportBuilderEmitter}.
 */
final class ApiTransportEmitter {

    private static final TypeVariableName T = TypeVariableName.get("T");

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
        ApiTransportRequestEmitter requests = new ApiTransportRequestEmitter(types);
        TypeSpec type = TypeSpec.classBuilder(types.transport())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addFields(constants())
                .addFields(fields())
                .addMethod(constructor())
                .addMethod(builder())
                .addMethod(accessor(TypeName.get(String.class), "service", PUBLIC, "The service name that requests "
                        + "are signed for, e.g.\n{@code trtc}.\n\n@return the service name\n"))
                .addMethod(accessor(TypeName.get(String.class), "version", PUBLIC, "The API version sent as "
                        + "{@code X-TC-Version}, e.g.\n{@code 2019-07-22}.\n\n@return the API version\n"))
                .addMethod(accessor(TypeName.get(URI.class), "endpoint", PUBLIC, "The URI requests are posted to, "
                        + "normalised to\n{@code scheme://host[:port]/} with a lowercase host and no default port.\n\n"
                        + "@return the endpoint\n"))
                .addMethod(accessor(TypeName.get(String.class), "host", PUBLIC, "The {@code Host} header the JDK "
                        + "sends for the endpoint,\nwhich the signature covers: the host, plus {@code :port} when the "
                        + "port is not the\nscheme's default.\n\n@return the signed host\n"))
                .addMethod(accessor(types.retryPolicy(), "retryPolicy", PUBLIC, "Which failures are retried, and "
                        + "how.\n\n@return the retry policy\n"))
                .addMethod(accessor(types.rateLimitMode(), "rateLimitMode", PUBLIC, "What a call does when its "
                        + "action's rate limit is reached.\n\n@return the mode\n"))
                .addMethod(rateLimits())
                .addMethod(call())
                .addMethod(callAsync())
                .addMethod(close())
                .addMethod(toStringMethod())
                .addMethod(isClosed())
                .addMethod(accessor(types.scheduler(), "scheduler", null, "The clocks and timer.\n"))
                .addMethod(accessor(ApiCallEmitter.LOGGER, "logger", null, "Where calls are logged.\n"))
                .addMethod(accessor(TypeName.get(HttpClient.class), "httpClient", null, "The HTTP client.\n"))
                .addMethod(accessor(TypeName.INT, "maxResponseBytes", null, "The largest body read.\n"))
                .addMethod(rateLimiter())
                .addMethods(requests.methods())
                .addMethod(rethrown())
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
                .add("exception; {@link #callAsync} does the same without blocking.\n")
                .add("\n<p>Around each call the transport applies, in this order:\n")
                .add("<ol>\n")
                .add("  <li>the action's client-side rate limit ({@link RateLimiter}, {@link RateLimitMode});</li>\n")
                .add("  <li>signing with the provider's current credentials and the current time, afresh for\n")
                .add("      every attempt;</li>\n")
                .add("  <li>the request timeout, for each attempt;</li>\n")
                .add("  <li>retries of transient failures with exponential backoff and jitter\n")
                .add("      ({@link RetryPolicy});</li>\n")
                .add("  <li>logging through {@code System.Logger}: each attempt at DEBUG, a failed call once at\n")
                .add("      WARNING.</li>\n")
                .add("</ol>\n")
                .add("\n<pre>{@code\n")
                .add("ApiTransport transport = ApiTransport.builder()\n")
                .add("        .service(\"cvm\")\n")
                .add("        .version(\"2017-03-12\")\n")
                .add("        .endpoint(URI.create(\"https://cvm.tencentcloudapi.com\"))\n")
                .add("        .credentials(Credentials.of(secretId, secretKey))\n")
                .add("        .rateLimit(\"DescribeInstances\", 40)\n")
                .add("        .build();\n")
                .add("}</pre>\n")
                .add("\n<p>Generated clients build and own their transport; use it directly only for an action the\n")
                .add("client does not have. A transport is thread-safe and meant to be shared: create one per\n")
                .add("client, not per call, and {@link #close()} it when done. Failures are always a\n")
                .add("{@link TencentCloudException} (as the service's subclass): API errors with Tencent Cloud's\n")
                .add("code, and client-side failures with one of its {@code CLIENT_*} codes. Neither messages,\n")
                .add("logs nor {@link #toString()} ever contain the secret key, the token or the signature.\n")
                .build();
    }

    private static FieldSpec publicConstant(Class<?> type, String name, CodeBlock value, String javadoc) {
        return FieldSpec.builder(type, name, PUBLIC, STATIC, FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer(value)
                .build();
    }

    private List<FieldSpec> constants() {
        return List.of(
                publicConstant(String.class, "CONTENT_TYPE", CodeBlock.of("$S", "application/json; charset=utf-8"),
                        "The {@code Content-Type} of every request; it is signed, so it is sent exactly so."),
                publicConstant(Duration.class, "DEFAULT_CONNECT_TIMEOUT", CodeBlock.of("$T.ofSeconds(5)", Duration.class),
                        "How long the default HTTP client waits to connect: 5 seconds."),
                publicConstant(Duration.class, "DEFAULT_REQUEST_TIMEOUT",
                        CodeBlock.of("$T.ofSeconds(30)", Duration.class),
                        "How long each attempt of a call waits for its response: 30 seconds."),
                publicConstant(String.class, "DEFAULT_USER_AGENT", CodeBlock.of("$S", "tcgen/" + files.generatorVersion()),
                        "The {@code User-Agent}: the generator and its version."),
                publicConstant(int.class, "DEFAULT_MAX_RESPONSE_BYTES", CodeBlock.of("16 * 1024 * 1024"),
                        "The largest response body read by default: 16 MiB. A larger one is an invalid response."),
                publicConstant(int.class, "MAX_REQUEST_BYTES", CodeBlock.of("10 * 1024 * 1024"),
                        "The largest request body Tencent Cloud API 3.0 accepts: 10 MB of JSON. A larger request\n"
                                + "fails with {@code ClientError.RequestTooLarge} before anything is sent."));
    }

    private List<FieldSpec> fields() {
        return List.of(
                privateField(String.class, "service"),
                privateField(String.class, "version"),
                privateField(URI.class, "endpoint"),
                privateField(String.class, "host"),
                privateField(types.credentialsProvider(), "credentials"),
                privateField(String.class, "language"),
                privateField(HttpClient.class, "httpClient"),
                privateField(boolean.class, "ownsHttpClient"),
                privateField(Duration.class, "requestTimeout"),
                privateField(String.class, "userAgent"),
                privateField(int.class, "maxResponseBytes"),
                privateField(types.scheduler(), "scheduler"),
                privateField(types.retryPolicy(), "retryPolicy"),
                privateField(types.rateLimitMode(), "rateLimitMode"),
                privateField(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
                        types.rateLimiter()), "rateLimiters"),
                privateField(ApiCallEmitter.LOGGER, "logger"),
                FieldSpec.builder(AtomicBoolean.class, "closed", PRIVATE, FINAL)
                        .initializer("new $T()", AtomicBoolean.class)
                        .build());
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
                .addStatement("this.credentials = builder.credentials != null ? builder.credentials\n"
                        + ": $T.defaultChain()", types.credentialsChain())
                .addStatement("this.language = builder.language")
                .addStatement("this.ownsHttpClient = builder.httpClient == null")
                .addStatement("this.httpClient = ownsHttpClient ? defaultHttpClient(builder) : builder.httpClient")
                .addStatement("this.requestTimeout = builder.requestTimeout")
                .addStatement("this.userAgent = builder.userAgent")
                .addStatement("this.maxResponseBytes = builder.maxResponseBytes")
                .addStatement("this.scheduler = builder.scheduler")
                .addStatement("this.retryPolicy = builder.retryPolicy")
                .addStatement("this.rateLimitMode = builder.rateLimitMode")
                .addStatement("this.rateLimiters = rateLimiters(builder)")
                .addStatement("this.logger = builder.logger != null ? builder.logger\n"
                        + ": $T.getLogger($T.class.getName())", System.class, types.transport())
                .build();
    }

    private ClassName builderClass() {
        return types.transport().nestedClass(ApiTransportBuilderEmitter.BUILDER);
    }

    private MethodSpec builder() {
        return MethodSpec.methodBuilder("builder")
                .addJavadoc("Starts a transport. The service, version and endpoint are required.\n")
                .addJavadoc("\n@return a new builder\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(builderClass())
                .addStatement("return new $T()", builderClass())
                .build();
    }

    private static MethodSpec accessor(TypeName type, String name, Modifier visibility,
            String javadoc) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addJavadoc("$L", javadoc)
                .returns(type)
                .addStatement("return $N", name);
        if (visibility != null) {
            method.addModifiers(visibility);
        }
        return method.build();
    }

    private MethodSpec rateLimits() {
        TypeName limits = ParameterizedTypeName.get(Map.class, String.class, Integer.class);
        return MethodSpec.methodBuilder("rateLimits")
                .addJavadoc("The client-side rate limits in force, in requests per second by action; empty when\n")
                .addJavadoc("the mode is {@link RateLimitMode#OFF}.\n")
                .addJavadoc("\n@return an immutable map, sorted by action\n")
                .addModifiers(PUBLIC)
                .returns(limits)
                .addStatement("$T limits = new $T<>()", limits, TreeMap.class)
                .addStatement("rateLimiters.forEach((action, limiter) -> limits.put(action, "
                        + "limiter.permitsPerSecond()))")
                .addStatement("return $T.unmodifiableMap(limits)", Collections.class)
                .build();
    }

    private MethodSpec call() {
        return MethodSpec.methodBuilder("call")
                .addJavadoc("Calls one API action and returns its response.\n")
                .addJavadoc("\n<p>Blocks until the response arrives or the call fails: after its retries, or when\n")
                .addJavadoc("the thread is interrupted. A failure is thrown as it would complete\n")
                .addJavadoc("{@link #callAsync}'s future, created again on this thread so that its stack trace\n")
                .addJavadoc("shows the caller.\n")
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
                .addJavadoc("    the API answered with an error, or with one of the {@code CLIENT_*} codes when the\n")
                .addJavadoc("    call could not be completed ({@code CLIENT_INTERRUPTED} if the thread was\n")
                .addJavadoc("    interrupted, its interrupt flag set again)\n")
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
                .beginControlFlow("if ($T.currentThread().isInterrupted())", Thread.class)
                .addStatement("throw exceptions.create($T.CLIENT_INTERRUPTED,\n$S + action + $S, null, 0, null)",
                        types.baseException(), "The thread was interrupted before calling ", "; nothing was sent")
                .endControlFlow()
                .addStatement("$T<T> future = callAsync(action, region, request, responseType, exceptions)",
                        CompletableFuture.class)
                .beginControlFlow("try")
                .addStatement("return future.get()")
                .nextControlFlow("catch ($T interrupted)", InterruptedException.class)
                .addStatement("future.cancel(false)")
                .addStatement("$T.currentThread().interrupt()", Thread.class)
                .addStatement("throw exceptions.create($T.CLIENT_INTERRUPTED,\n$S + action, null, 0, interrupted)",
                        types.baseException(), "Interrupted while waiting for the response to ")
                .nextControlFlow("catch ($T failed)", ExecutionException.class)
                .addStatement("throw rethrown(failed.getCause(), exceptions)")
                .endControlFlow()
                .build();
    }

    private MethodSpec callAsync() {
        return MethodSpec.methodBuilder("callAsync")
                .addJavadoc("Calls one API action without blocking: the future completes with the response, or\n")
                .addJavadoc("exceptionally with the service's exception.\n")
                .addJavadoc("\n<p>No thread waits on the caller's behalf: the request goes out through\n")
                .addJavadoc("{@code HttpClient.sendAsync}, and a wait for a rate-limit permit or before a retry is\n")
                .addJavadoc("a timer of the {@link Scheduler}. The future's dependent actions run on the HTTP\n")
                .addJavadoc("client's executor or the scheduler's thread: keep them short, or use the\n")
                .addJavadoc("{@code ...Async} variants with an executor of your own. Cancelling the future stops\n")
                .addJavadoc("the call before its next step; a request already sent may still take effect.\n")
                .addJavadoc("\n<pre>{@code\n")
                .addJavadoc("transport.callAsync(\"DescribeInstances\", \"ap-guangzhou\", request,\n")
                .addJavadoc("                DescribeInstancesResponse.class, CvmException::new)\n")
                .addJavadoc("        .thenAccept(response -> ...)\n")
                .addJavadoc("        .exceptionally(failure -> ...);   // failure is the CvmException\n")
                .addJavadoc("}</pre>\n")
                .addJavadoc("\n@param <T> the response type\n")
                .addJavadoc("@param <E> the service's exception type\n")
                .addJavadoc("@param action the action, sent as {@code X-TC-Action}\n")
                .addJavadoc("@param region the region, sent as {@code X-TC-Region}; or {@code null}\n")
                .addJavadoc("@param request the request object, serialised with {@link Json#mapper()}\n")
                .addJavadoc("@param responseType the class the {@code Response} object is read into\n")
                .addJavadoc("@param exceptions makes the service's exception\n")
                .addJavadoc("@return the future response\n")
                .addJavadoc("@throws IllegalArgumentException if the request cannot be serialised\n")
                .addModifiers(PUBLIC)
                .addTypeVariable(T)
                .addTypeVariable(e)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), T))
                .addParameter(String.class, "action")
                .addParameter(String.class, "region")
                .addParameter(Object.class, "request")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), T), "responseType")
                .addParameter(factoryOfE, "exceptions")
                .addCode(requireNonNull("action", "request", "responseType", "exceptions"))
                .addStatement("byte[] payload = serialize(action, request)")
                .beginControlFlow("if (payload.length > MAX_REQUEST_BYTES)")
                .addStatement("return $T.failedFuture(exceptions.create($T.CLIENT_REQUEST_TOO_LARGE,\n"
                                + "action + $S + payload.length + $S + MAX_REQUEST_BYTES + $S,\nnull, 0, null))",
                        CompletableFuture.class, types.baseException(), " request is ",
                        " bytes of JSON; the API accepts at most ", "; nothing was sent")
                .endControlFlow()
                .addStatement("return new $T<>(this, action, region, payload, responseType, exceptions).start()",
                        types.apiCall())
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
                .addJavadoc("Closes the transport: later calls fail with {@code CLIENT_CLOSED}, and so do calls\n")
                .addJavadoc("waiting to be retried; requests already sent finish. A default HTTP client is closed\n")
                .addJavadoc("too where the JDK supports it (Java 21 and later); one passed to the builder is left\n")
                .addJavadoc("open for its owner. Closing twice is harmless.\n")
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

    private static MethodSpec isClosed() {
        return MethodSpec.methodBuilder("isClosed")
                .addJavadoc("Whether {@link #close()} was called.\n")
                .returns(boolean.class)
                .addStatement("return closed.get()")
                .build();
    }

    private MethodSpec rateLimiter() {
        return MethodSpec.methodBuilder("rateLimiter")
                .addJavadoc("The limiter of an action, or {@code null} when its calls are not limited.\n")
                .returns(types.rateLimiter())
                .addParameter(String.class, "action")
                .addStatement("return rateLimiters.get(action)")
                .build();
    }

    private MethodSpec rethrown() {
        return MethodSpec.methodBuilder("rethrown")
                .addJavadoc("What a synchronous call throws for the failure of its future: a service exception\n")
                .addJavadoc("made again on the calling thread (same code, message, ids, cause and attempts), or\n")
                .addJavadoc("an unexpected failure as it is.\n")
                .addModifiers(PRIVATE, STATIC)
                .addTypeVariable(e)
                .returns(RuntimeException.class)
                .addParameter(Throwable.class, "failure")
                .addParameter(factoryOfE, "exceptions")
                .beginControlFlow("if (failure instanceof $T)", types.baseException())
                .addStatement("$T known = ($T) failure", types.baseException(), types.baseException())
                .addStatement("E copy = exceptions.create(known.code(), known.errorMessage(), known.requestId(),\n"
                        + "known.httpStatus(), known.getCause())")
                .addStatement("copy.recordAttempts(known.attempts())")
                .addStatement("return copy")
                .endControlFlow()
                .beginControlFlow("if (failure instanceof $T)", RuntimeException.class)
                .addStatement("return ($T) failure", RuntimeException.class)
                .endControlFlow()
                .beginControlFlow("if (failure instanceof $T)", Error.class)
                .addStatement("throw ($T) failure", Error.class)
                .endControlFlow()
                .addStatement("return new $T(failure)", IllegalStateException.class)
                .build();
    }
}

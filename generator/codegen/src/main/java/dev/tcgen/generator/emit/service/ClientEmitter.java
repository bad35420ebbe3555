package dev.tcgen.generator.emit.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.ExampleModel;
import dev.tcgen.generator.model.Naming;
import dev.tcgen.generator.model.RegionModel;
import dev.tcgen.generator.model.ServiceModel;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the service client, e.g. {@code TrtcClient}: per action a blocking method and an {@code ...Async} method,
 * the documented rate limits, and a region check that fails before anything is sent. Its builder comes from
 * {@link ClientBuilderEmitter}.
 */
final class ClientEmitter {

    static final String RATE_LIMITS = "RATE_LIMITS";
    static final String ACTIONS = "ACTIONS";
    /** The client's and its builder's flag that turns the check of an action's documented regions on or off. */
    static final String CHECK_REGIONS = "checkRegions";

    private final ServiceModel service;
    private final RuntimeTypes runtime;
    private final GeneratedFiles files;
    private final ClassName builder;
    /** The spec lists regions, so the builder requires one and the client always has one. */
    private final boolean regionRequired;

    ClientEmitter(ServiceModel service, RuntimeTypes runtime, GeneratedFiles files) {
        this.service = service;
        this.runtime = runtime;
        this.files = files;
        this.builder = service.client().nestedClass("Builder");
        this.regionRequired = !service.regions().isEmpty();
    }

    TypeSpec emit() {
        TypeSpec.Builder client = TypeSpec.classBuilder(service.client())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addAnnotation(files.generatedAnnotation())
                .addJavadoc(new ClientJavadoc(service).classJavadoc())
                .addField(constant(TypeName.get(String.class), "SERVICE", CodeBlock.of("$S", service.service()),
                        "The service name, used in signing."))
                .addField(constant(TypeName.get(String.class), "VERSION", CodeBlock.of("$S", service.version()),
                        "The API version this client calls."))
                .addField(constant(TypeName.get(URI.class), "DEFAULT_ENDPOINT",
                        CodeBlock.of("$T.create($S)", URI.class, "https://" + service.chinaEndpoint()),
                        "The China site endpoint, the default."))
                .addField(constant(TypeName.get(URI.class), "INTERNATIONAL_ENDPOINT",
                        CodeBlock.of("$T.create($S)", URI.class, "https://" + service.internationalEndpoint()),
                        "The international site endpoint."))
                .addField(constant(ParameterizedTypeName.get(Set.class, String.class), ACTIONS, actionNames(),
                        "The name of every action of this client, as sent in {@code X-TC-Action}."))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(Map.class, String.class, Integer.class),
                                RATE_LIMITS, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The documented rate limit of each action that has one, in requests per second: "
                                + "the client-side\nlimits a new client applies (see {@link $T#rateLimit($T, int)}).\n",
                                builder, String.class)
                        .initializer("documentedRateLimits()")
                        .build());
        service.actions().stream()
                .filter(action -> !action.supportedRegions().isEmpty())
                .forEach(action -> client.addField(regionList(action)));
        client.addField(FieldSpec.builder(runtime.transport(), "transport", Modifier.PRIVATE, Modifier.FINAL).build());
        client.addField(FieldSpec.builder(service.regionClass(), "region", Modifier.PRIVATE, Modifier.FINAL).build());
        if (service.checksActionRegions()) {
            client.addField(FieldSpec.builder(TypeName.BOOLEAN, CHECK_REGIONS, Modifier.PRIVATE, Modifier.FINAL)
                    .build());
        }
        client.addMethod(documentedRateLimits());
        client.addMethod(constructor());
        client.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A new builder, with the documented rate limits and the default credentials chain.\n\n"
                        + "@return the builder\n")
                .addStatement("return new $T()", builder)
                .build());
        client.addMethod(MethodSpec.methodBuilder("region")
                .addModifiers(Modifier.PUBLIC)
                .returns(service.regionClass())
                .addJavadoc("The region of this client's calls, sent as {@code X-TC-Region}.\n\n@return the region$L\n",
                        regionRequired ? "" : ", or {@code null} if none was set (no {@code X-TC-Region} is sent)")
                .addStatement("return region")
                .build());
        client.addMethod(withRegion());
        client.addMethod(MethodSpec.methodBuilder("transport")
                .addModifiers(Modifier.PUBLIC)
                .returns(runtime.transport())
                .addJavadoc("The transport the client sends with, and its settings ({@code endpoint()},\n"
                        + "{@code retryPolicy()}, {@code rateLimits()}, ...).\n\n@return the transport\n")
                .addStatement("return transport")
                .build());
        StreamingMethodEmitter streaming = new StreamingMethodEmitter(service, runtime, regionId());
        for (ActionModel action : service.actions()) {
            client.addMethod(actionMethod(action));
            client.addMethod(asyncActionMethod(action));
            if (action.streaming()) {
                client.addMethods(streaming.emit(action));
            }
        }
        client.addMethod(genericCall());
        client.addMethod(genericCallAsync());
        if (!regionRequired) {
            client.addMethod(MethodSpec.methodBuilder("regionId")
                    .addModifiers(Modifier.PRIVATE)
                    .returns(String.class)
                    .addJavadoc("The {@code X-TC-Region} of this client's calls, or {@code null} for none.\n")
                    .addStatement("return region == null ? null : region.id()")
                    .build());
        }
        if (service.checksActionRegions()) {
            client.addMethod(unsupportedRegion());
        }
        client.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Closes the client: later calls, and calls waiting to be retried, fail with\n"
                        + "{@code ClientError.Closed}. Idempotent.\n")
                .addStatement("transport.close()")
                .build());
        client.addType(new ClientBuilderEmitter(service, runtime, builder).emit());
        return client.build();
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock value, String javadoc) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer(value)
                .build();
    }

    private CodeBlock actionNames() {
        CodeBlock names = service.actions().stream()
                .map(action -> CodeBlock.of("$S", action.wireName()))
                .collect(CodeBlock.joining(",\n"));
        return service.actions().isEmpty() ? CodeBlock.of("$T.of()", Set.class)
                : CodeBlock.of("$T.of(\n$>$>$L$<$<)", Set.class, names);
    }

    /**
     * The table behind {@code RATE_LIMITS}, filled by one {@code put} a line: a {@code Map.ofEntries} of hundreds of
     * {@code Map.entry} calls makes javac's type inference take minutes.
     */
    private MethodSpec documentedRateLimits() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("documentedRateLimits")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(Map.class, String.class, Integer.class))
                .addStatement("$T<$T, $T> limits = new $T<>()", Map.class, String.class, Integer.class, HashMap.class);
        service.actions().stream()
                .filter(action -> action.rateLimitPerSecond().isPresent())
                .forEach(action -> method.addStatement("limits.put($S, $L)", action.wireName(),
                        action.rateLimitPerSecond().getAsInt()));
        return method.addStatement("return $T.copyOf(limits)", Map.class).build();
    }

    private FieldSpec regionList(ActionModel action) {
        CodeBlock regions = action.supportedRegions().stream()
                .map(region -> CodeBlock.of("$T.$N", service.regionClass(), region.constantName()))
                .collect(CodeBlock.joining(", "));
        TypeName listOfRegions = ParameterizedTypeName.get(ClassName.get(List.class), service.regionClass());
        return FieldSpec.builder(listOfRegions, regionListName(action), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", List.class, regions)
                .build();
    }

    static String regionListName(ActionModel action) {
        return Naming.constantName(action.wireName()) + "_REGIONS";
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(runtime.transport(), "transport")
                .addParameter(service.regionClass(), "region")
                .addStatement("this.transport = transport")
                .addStatement("this.region = region");
        if (service.checksActionRegions()) {
            constructor.addParameter(TypeName.BOOLEAN, CHECK_REGIONS).addStatement("this.$N = $N", CHECK_REGIONS,
                    CHECK_REGIONS);
        }
        return constructor.build();
    }

    /** The constructor's last argument, {@code ", checkRegions"}, for a client that checks regions; else empty. */
    static String checkRegionsArgument(ServiceModel service) {
        return service.checksActionRegions() ? ", " + CHECK_REGIONS : "";
    }

    private MethodSpec withRegion() {
        return MethodSpec.methodBuilder("withRegion")
                .addModifiers(Modifier.PUBLIC)
                .returns(service.client())
                .addParameter(service.regionClass(), "region")
                .addJavadoc("This client in another region, for calls there without building another client: the same\n"
                        + "transport (connections, credentials, endpoint, rate limits, retries), so it costs one small\n"
                        + "object, and it is closed with this client.\n\n"
                        + "<pre>{@code\n"
                        + "client.withRegion(Region.of(\"ap-jakarta\")).$L(request);\n"
                        + "}</pre>\n\n"
                        + "@param region the region of its calls, sent as {@code X-TC-Region}\n"
                        + "@return a client in that region\n", exampleMethod())
                .addStatement("return new $T(transport, $T.requireNonNull(region, $S)$L)", service.client(),
                        Objects.class, "region", checkRegionsArgument(service))
                .build();
    }

    private String exampleMethod() {
        return service.actions().isEmpty() ? "someAction" : service.actions().get(0).methodName();
    }

    /** The client's region as the transport takes it: its id, or {@code null} for none. */
    private String regionId() {
        return regionRequired ? "region.id()" : "regionId()";
    }

    private MethodSpec actionMethod(ActionModel action) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(action.methodName())
                .addModifiers(Modifier.PUBLIC)
                .returns(action.response())
                .addParameter(action.request(), "request")
                .addJavadoc(actionJavadoc(action))
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
        if (action.deprecated()) {
            method.addAnnotation(Deprecated.class);
        }
        if (!action.supportedRegions().isEmpty()) {
            method.addStatement("$T unsupported = unsupportedRegion($S, $N)", service.exception(), action.wireName(),
                            regionListName(action))
                    .beginControlFlow("if (unsupported != null)")
                    .addStatement("throw unsupported")
                    .endControlFlow();
        }
        return method.addStatement("return transport.call($S, $L, request, $T.class, $T::new)", action.wireName(),
                        regionId(), action.response(), service.exception())
                .build();
    }

    /** The action's method name with {@code Async} appended, e.g. {@code stopPublishCdnStreamAsync}. */
    static String asyncMethodName(ActionModel action) {
        return action.methodName() + "Async";
    }

    private MethodSpec asyncActionMethod(ActionModel action) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(asyncMethodName(action))
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), action.response()))
                .addParameter(action.request(), "request")
                .addJavadoc(asyncJavadoc(action))
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
        if (action.deprecated()) {
            method.addAnnotation(Deprecated.class);
        }
        if (!action.supportedRegions().isEmpty()) {
            method.addStatement("$T unsupported = unsupportedRegion($S, $N)", service.exception(), action.wireName(),
                            regionListName(action))
                    .beginControlFlow("if (unsupported != null)")
                    .addStatement("return $T.failedFuture(unsupported)", CompletableFuture.class)
                    .endControlFlow();
        }
        return method.addStatement("return transport.callAsync($S, $L, request, $T.class, $T::new)",
                        action.wireName(), regionId(), action.response(), service.exception())
                .build();
    }

    private CodeBlock actionJavadoc(ActionModel action) {
        CodeBlock.Builder doc = CodeBlock.builder().add("$L\n", JavadocText.html(action.description()));
        doc.add("\n<p>Action {@code $L}. ", action.wireName());
        if (action.supportedRegions().isEmpty()) {
            doc.add("Supported in every region of the service.");
        } else {
            doc.add("Supported regions: $L.", action.supportedRegions().stream()
                    .map(RegionModel::id).map(id -> "{@code " + id + "}").collect(Collectors.joining(", ")));
        }
        action.rateLimitPerSecond().ifPresent(limit ->
                doc.add(" The API accepts at most $L requests per second; by default the client spaces its calls to "
                        + "stay within that.", limit));
        doc.add(" Transient failures are retried. Blocks until the answer; {@link #$L} does not.\n",
                asyncMethodName(action));
        if (!action.errorCodes().isEmpty()) {
            doc.add("\n<p>Documented error codes: $L.\n", action.errorCodes().stream()
                    .map(code -> "{@link " + service.errorCodeEnum().simpleName() + "#" + code.constantName() + " "
                            + code.code() + "}")
                    .collect(Collectors.joining(", ")));
        }
        action.examples().forEach(example -> addExample(doc, example));
        doc.add("\n@param request the request\n@return the response\n");
        doc.add("@throws $T if the API answers with an error (after retries, if it is transient), the call fails "
                + "before an answer", service.exception());
        doc.add(action.supportedRegions().isEmpty() ? ""
                : ", or the client's region is not supported by this action (nothing is sent then)");
        doc.add("\n");
        if (action.deprecated()) {
            doc.add("@deprecated the API marks {@code $L} as deprecated\n", action.wireName());
        }
        return doc.build();
    }

    private CodeBlock asyncJavadoc(ActionModel action) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("{@link #$L} without blocking: the same request, rate limit and retries, but no\n",
                        action.methodName())
                .add("thread waits; the future completes with the response, or exceptionally with a\n")
                .add("{@link $T}.\n", service.exception())
                .add("\n<pre>{@code\n")
                .add("client.$L(request)\n", asyncMethodName(action))
                .add("        .thenAccept(response -> ...)\n")
                .add("        .exceptionally(failure -> ...);\n")
                .add("}</pre>\n")
                .add("\n@param request the request\n")
                .add("@return the future response\n");
        if (action.deprecated()) {
            doc.add("@deprecated the API marks {@code $L} as deprecated\n", action.wireName());
        }
        return doc.build();
    }

    private static void addExample(CodeBlock.Builder doc, ExampleModel example) {
        doc.add("\n<p>Example: $L\n", example.title().isBlank() ? "" : JavadocText.escape(example.title()));
        if (!example.request().isEmpty()) {
            doc.add("<pre>\n$L\n</pre>\n", JavadocText.escape(example.request()));
        }
        if (!example.response().isEmpty()) {
            doc.add("answered with\n<pre>\n$L\n</pre>\n", JavadocText.escape(example.response()));
        }
    }

    /** {@code call(action, request)}: an action by name, JSON in and out, for one the spec does not have yet. */
    private MethodSpec genericCall() {
        return genericCall("call", TypeName.get(JsonNode.class), CodeBlock.of(
                "Calls an action by its name, e.g. one Tencent added after this client was generated: the\n"
                        + "request body and the answer's {@code Response} object as JSON. Signed, rate-limited (by the\n"
                        + "action's limit, if it has one), retried and logged like every other call, in this client's\n"
                        + "region; no region check applies.\n\n"
                        + "<pre>{@code\n"
                        + "JsonNode response = client.call(\"DescribeSomethingNew\",\n"
                        + "        Json.mapper().createObjectNode().put(\"Limit\", 10));\n"
                        + "long total = response.path(\"TotalCount\").asLong();\n"
                        + "}</pre>\n\n"), CodeBlock.of(
                "@return the {@code Response} object of the answer, with its {@code RequestId}\n"
                        + "@throws $T if the API answers with an error (after retries, if it is transient) or the call\n"
                        + "    fails before an answer\n", service.exception()));
    }

    private MethodSpec genericCallAsync() {
        return genericCall("callAsync", ParameterizedTypeName.get(CompletableFuture.class, JsonNode.class),
                CodeBlock.of("{@link #call($T, $T)} without blocking: the future completes with the\n"
                        + "{@code Response} object, or exceptionally with a {@link $T}.\n\n", String.class,
                        JsonNode.class, service.exception()),
                CodeBlock.of("@return the future {@code Response} object\n"));
    }

    /** {@code name(String action, JsonNode request)}, which calls the transport's method of that name. */
    private MethodSpec genericCall(String name, TypeName returns, CodeBlock description, CodeBlock returnsAndThrows) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameter(String.class, "action")
                .addParameter(JsonNode.class, "request")
                .addJavadoc(description)
                .addJavadoc("@param action the action, sent as {@code X-TC-Action}\n"
                        + "@param request the request body, a JSON object\n")
                .addJavadoc(returnsAndThrows)
                .addStatement("return transport.$N(action, $L, request, $T.class, $T::new)", name, regionId(),
                        JsonNode.class, service.exception())
                .build();
    }

    private MethodSpec unsupportedRegion() {
        TypeName listOfRegions = ParameterizedTypeName.get(ClassName.get(List.class), service.regionClass());
        return MethodSpec.methodBuilder("unsupportedRegion")
                .addJavadoc("The exception for calling {@code action} in this client's region, or {@code null} if\n"
                        + "the action supports it or the check is off.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(service.exception())
                .addParameter(String.class, "action")
                .addParameter(listOfRegions, "supported")
                .beginControlFlow("if (!$N || supported.contains(region))", CHECK_REGIONS)
                .addStatement("return null")
                .endControlFlow()
                .addStatement("$T ids = supported.stream().map($T::id).collect($T.joining($S))", String.class,
                        service.regionClass(), Collectors.class, ", ")
                .addStatement("return new $T($S, action + $S + ids + $S + region.id() + $S, null, 0, null)",
                        service.exception(), "UnsupportedRegion", " supports ", "; this client is configured for ",
                        " (nothing was sent)")
                .build();
    }
}

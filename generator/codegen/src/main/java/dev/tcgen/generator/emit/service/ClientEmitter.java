package dev.tcgen.generator.emit.service;

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
import dev.tcgen.generator.model.RegionModel;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.runtime.Idempotency;
import dev.tcgen.runtime.Json;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the service client, e.g. {@code TrtcClient}: per action a blocking method and an {@code ...Async} method,
 * the documented rate limits, and the regions of the actions that list them (the runtime's transport checks a call's
 * region against them before anything is sent). Its builder comes from {@link ClientBuilderEmitter}.
 */
final class ClientEmitter {

    static final String RATE_LIMITS = "RATE_LIMITS";
    static final String ACTIONS = "ACTIONS";
    /** The regions of each action that lists them; only in a client of a service where some action does. */
    static final String SUPPORTED_REGIONS = "SUPPORTED_REGIONS";

    /** What an action's Javadoc says about its retries. */
    private static final Map<Idempotency, String> RETRIES = Map.of(
            Idempotency.IDEMPOTENT, "It is idempotent: transient failures are retried.",
            Idempotency.CLIENT_TOKEN, "Its {@code ClientToken}, a fresh UUID for each call unless you set one, makes it "
                    + "idempotent: transient failures are retried with the same token.",
            Idempotency.NOT_IDEMPOTENT, "It is not idempotent: transient failures are retried only when the request "
                    + "cannot have been delivered; otherwise the call fails with a {@code ClientError} that says it "
                    + "may have run.");

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

    /** The client interface, with its builder. */
    TypeSpec clientInterface() {
        TypeSpec.Builder client = TypeSpec.interfaceBuilder(service.client())
                .addModifiers(Modifier.PUBLIC)
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
        client.addMethod(documentedRateLimits());
        if (service.checksActionRegions()) {
            client.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Map.class),
                                    TypeName.get(String.class), ParameterizedTypeName.get(List.class, String.class)),
                            SUPPORTED_REGIONS, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The regions of each action whose documentation lists them, by id: a call of such an "
                            + "action\nin another region fails with {@code ClientError.UnsupportedRegion} before "
                            + "anything is sent\n(see {@link $T#checkRegions(boolean)}).\n", builder)
                    .initializer("documentedRegions()")
                    .build());
            client.addMethod(documentedRegions());
        }
        client.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A new builder, with the documented rate limits and the default credentials chain.\n\n"
                        + "@return the builder\n")
                .addStatement("return new $T()", builder)
                .build());
        client.addMethod(abstractMethod("region", service.regionClass(), CodeBlock.of(
                "The region of this client's calls, sent as {@code X-TC-Region}.\n\n@return the region$L\n",
                regionRequired ? "" : ", or {@code null} if none was set (no {@code X-TC-Region} is sent)")));
        client.addMethod(withRegion().toBuilder().addModifiers(Modifier.ABSTRACT).build());
        client.addMethod(withOptions().toBuilder().addModifiers(Modifier.ABSTRACT).build());
        client.addMethod(abstractMethod("transport", runtime.transport(), CodeBlock.of(
                "The transport the client sends with, and its settings ({@code endpoint()},\n"
                        + "{@code retryPolicy()}, {@code rateLimits()}, ...).\n\n@return the transport\n"
                        + "@throws $T if this is a fake, which sends nothing\n", UnsupportedOperationException.class)));
        for (ActionModel action : service.actions()) {
            client.addMethod(actionSignature(action).addModifiers(Modifier.ABSTRACT).addJavadoc(actionJavadoc(action))
                    .build());
            client.addMethod(asyncSignature(action).addModifiers(Modifier.ABSTRACT).addJavadoc(asyncJavadoc(action))
                    .build());
            action.paging().ifPresent(paging -> client.addMethod(new PaginatorEmitter(service, runtime)
                    .paginator(action, paging)));
            if (action.streaming()) {
                client.addMethods(new StreamingMethodEmitter(service, runtime, regionId()).declarations(action));
            }
        }
        client.addMethod(genericCall("call").addModifiers(Modifier.ABSTRACT).addJavadoc(genericCallJavadoc()).build());
        client.addMethod(genericCall("callAsync").addModifiers(Modifier.ABSTRACT).addJavadoc(genericCallAsyncJavadoc())
                .build());
        client.addMethod(abstractMethod("close", TypeName.VOID, CodeBlock.of(
                "Closes the client: later calls, and calls waiting to be retried, fail with\n"
                        + "{@code ClientError.Closed}. Idempotent.\n")).toBuilder().addAnnotation(Override.class).build());
        client.addType(new ClientBuilderEmitter(service, runtime, builder).emit());
        return client.build();
    }

    private static MethodSpec abstractMethod(String name, TypeName returns, CodeBlock javadoc) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(returns)
                .addJavadoc(javadoc)
                .build();
    }

    /** The implementation: package-private, built by the builder; the public API is the interface. */
    TypeSpec implementation() {
        TypeSpec.Builder client = TypeSpec.classBuilder(service.clientImplementation())
                .addModifiers(Modifier.FINAL)
                .addSuperinterface(service.client())
                .addAnnotation(files.generatedAnnotation())
                .addJavadoc("The {@link $T} that calls the service over HTTP; built by {@link $T#build()}.\n",
                        service.client(), builder);
        client.addField(FieldSpec.builder(runtime.transport(), "transport", Modifier.PRIVATE, Modifier.FINAL).build());
        client.addField(FieldSpec.builder(service.regionClass(), "region", Modifier.PRIVATE, Modifier.FINAL).build());
        client.addMethod(constructor());
        client.addMethod(override("region", service.regionClass()).addStatement("return region").build());
        client.addMethod(override("withRegion", service.client())
                .addParameter(service.regionClass(), "region")
                .addStatement("return new $T(transport, $T.requireNonNull(region, $S))",
                        service.clientImplementation(), Objects.class, "region")
                .build());
        client.addMethod(override("withOptions", service.client())
                .addParameter(runtime.callOptions(), "options")
                .addStatement("return new $T(transport.with(options), region)", service.clientImplementation())
                .build());
        client.addMethod(override("transport", runtime.transport()).addStatement("return transport").build());
        StreamingMethodEmitter streaming = new StreamingMethodEmitter(service, runtime, regionId());
        for (ActionModel action : service.actions()) {
            client.addMethod(actionMethod(action));
            client.addMethod(asyncActionMethod(action));
            if (action.streaming()) {
                client.addMethods(streaming.implementations(action));
            }
        }
        client.addMethod(genericCallBody(genericCall("call")));
        client.addMethod(genericCallBody(genericCall("callAsync")));
        if (!regionRequired) {
            client.addMethod(MethodSpec.methodBuilder("regionId")
                    .addModifiers(Modifier.PRIVATE)
                    .returns(String.class)
                    .addJavadoc("The {@code X-TC-Region} of this client's calls, or {@code null} for none.\n")
                    .addStatement("return region == null ? null : region.id()")
                    .build());
        }
        client.addMethod(override("close", TypeName.VOID).addStatement("transport.close()").build());
        return client.build();
    }

    static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
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

    /** The table behind {@code RATE_LIMITS} ({@link #actionTable}). */
    private MethodSpec documentedRateLimits() {
        Map<String, CodeBlock> limits = new LinkedHashMap<>();
        service.actions().stream()
                .filter(action -> action.rateLimitPerSecond().isPresent())
                .forEach(action -> limits.put(action.wireName(),
                        CodeBlock.of("$L", action.rateLimitPerSecond().getAsInt())));
        return actionTable("documentedRateLimits", "limits", TypeName.get(Integer.class), limits);
    }

    /**
     * The table behind {@code SUPPORTED_REGIONS} ({@link #actionTable}): the ids of each action in the
     * documentation's order, which the message of a refused call keeps.
     */
    private MethodSpec documentedRegions() {
        Map<String, CodeBlock> regions = new LinkedHashMap<>();
        service.actions().stream()
                .filter(action -> !action.supportedRegions().isEmpty())
                .forEach(action -> regions.put(action.wireName(), CodeBlock.of("$T.of($L)", List.class,
                        action.supportedRegions().stream().map(region -> CodeBlock.of("$S", region.id()))
                                .collect(CodeBlock.joining(", ")))));
        return actionTable("documentedRegions", "regions", ParameterizedTypeName.get(List.class, String.class),
                regions);
    }

    /**
     * A static method returning an immutable map of action names to {@code values}, filled by one {@code put} a
     * line: a {@code Map.ofEntries} of hundreds of {@code Map.entry} calls makes javac's type inference take minutes.
     */
    private static MethodSpec actionTable(String name, String variable, TypeName valueType,
            Map<String, CodeBlock> values) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Map.class), TypeName.get(String.class), valueType))
                .addStatement("$T<$T, $T> $N = new $T<>()", Map.class, String.class, valueType, variable,
                        HashMap.class);
        values.forEach((action, value) -> method.addStatement("$N.put($S, $L)", variable, action, value));
        return method.addStatement("return $T.copyOf($N)", Map.class, variable).build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addParameter(runtime.transport(), "transport")
                .addParameter(service.regionClass(), "region")
                .addStatement("this.transport = transport")
                .addStatement("this.region = region")
                .build();
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
                .build();
    }

    private MethodSpec withOptions() {
        return MethodSpec.methodBuilder("withOptions")
                .addModifiers(Modifier.PUBLIC)
                .returns(service.client())
                .addParameter(runtime.callOptions(), "options")
                .addJavadoc("This client with other settings for some calls, blocking or async, without building another\n"
                        + "client: extra headers, request and call timeouts, credentials and retry policy. Everything else\n"
                        + "is shared (connections, endpoint, rate limits, region); it is closed with this client. Combine\n"
                        + "it with {@link #withRegion} for another region.\n\n"
                        + "<pre>{@code\n"
                        + "client.withOptions(CallOptions.builder().header(\"X-Trace\", id).requestTimeout(Duration.ofSeconds(5)).build())\n"
                        + "        .$L(request);\n"
                        + "}</pre>\n\n"
                        + "@param options the settings of its calls\n"
                        + "@return a client making its calls with those settings\n", exampleMethod())
                .build();
    }

    private String exampleMethod() {
        return service.actions().isEmpty() ? "someAction" : service.actions().get(0).methodName();
    }

    /** The client's region as the transport takes it: its id, or {@code null} for none. */
    private String regionId() {
        return regionRequired ? "region.id()" : "regionId()";
    }

    /** The blocking method of an action, without body or Javadoc: abstract in the interface. */
    static MethodSpec.Builder actionSignature(ActionModel action) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(action.methodName())
                .addModifiers(Modifier.PUBLIC)
                .returns(action.response())
                .addParameter(action.request(), "request");
        return action.deprecated() ? method.addAnnotation(Deprecated.class) : method;
    }

    /** The asynchronous method of an action, without body or Javadoc. */
    static MethodSpec.Builder asyncSignature(ActionModel action) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(asyncMethodName(action))
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), action.response()))
                .addParameter(action.request(), "request");
        return action.deprecated() ? method.addAnnotation(Deprecated.class) : method;
    }

    /** {@code signature} implemented: {@code @Override}, the request checked for null. */
    static MethodSpec.Builder implementing(MethodSpec.Builder signature) {
        return signature.addAnnotation(Override.class)
                .addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
    }

    private MethodSpec actionMethod(ActionModel action) {
        return implementing(actionSignature(action))
                .addStatement("return transport.call($S, $T.$L, $L, request, $T::writeJson, $T::readJson, $T::new)",
                        action.wireName(), runtime.idempotency(), action.idempotency(), regionId(), action.request(),
                        action.response(), service.exception())
                .build();
    }

    /** The action's method name with {@code Async} appended, e.g. {@code stopPublishCdnStreamAsync}. */
    static String asyncMethodName(ActionModel action) {
        return action.methodName() + "Async";
    }

    private MethodSpec asyncActionMethod(ActionModel action) {
        return implementing(asyncSignature(action))
                .addStatement("return transport.callAsync($S, $T.$L, $L, request, $T::writeJson, $T::readJson, "
                        + "$T::new)", action.wireName(), runtime.idempotency(), action.idempotency(), regionId(),
                        action.request(), action.response(), service.exception())
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
        doc.add(" $L Blocks until the answer; {@link #$L} does not.\n", RETRIES.get(action.idempotency()),
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

    private CodeBlock genericCallJavadoc() {
        return CodeBlock.of("Calls an action by its name, e.g. one Tencent added after this client was generated: the\n"
                + "request body and the answer's {@code Response} object as JSON text (numbers as sent, whitespace\n"
                + "left out), for any JSON library. Signed, rate-limited (by the action's limit, if it has one),\n"
                + "retried and logged like every other call, in this client's region$L.\n"
                + "After a failure that may have delivered it, it is sent again only if its name says it is\n"
                + "read-only ({@code Describe...}, {@code Get...}, ...).\n\n"
                + "<pre>{@code\n"
                + "String response = client.call(\"DescribeSomethingNew\", \"{\\\"Limit\\\": 10}\");\n"
                + "// {\"TotalCount\":3,\"Items\":[...],\"RequestId\":\"...\"}\n"
                + "}</pre>\n\n"
                + "@param action the action, sent as {@code X-TC-Action}\n"
                + "@param request the request body: the text of one JSON object\n"
                + "@return the {@code Response} object of the answer, with its {@code RequestId}, as JSON text\n"
                + "@throws $T if the API answers with an error (after retries, if it is transient) or the call\n"
                + "    fails before an answer\n"
                + "@throws $T if {@code request} is not the text of one JSON object (nothing is sent)\n",
                service.checksActionRegions() ? " (an action that lists\nregions is refused in another, as by "
                        + "its method, unless the builder's {@code checkRegions(false)})" : "",
                service.exception(), IllegalArgumentException.class);
    }

    private CodeBlock genericCallAsyncJavadoc() {
        return CodeBlock.of("{@link #call($T, $T)} without blocking: the future completes with the\n"
                + "{@code Response} object, or exceptionally with a {@link $T}.\n\n"
                + "@param action the action, sent as {@code X-TC-Action}\n"
                + "@param request the request body, a JSON object\n"
                + "@return the future {@code Response} object, as JSON text\n"
                + "@throws $T if {@code request} is not the text of one JSON object (nothing is sent)\n",
                String.class, String.class, service.exception(), IllegalArgumentException.class);
    }

    /** {@code call} or {@code callAsync}: {@code (String action, String request)}, without body or Javadoc. */
    static MethodSpec.Builder genericCall(String name) {
        TypeName returns = name.equals("call") ? TypeName.get(String.class)
                : ParameterizedTypeName.get(CompletableFuture.class, String.class);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameter(String.class, "action")
                .addParameter(String.class, "request");
    }

    /** The implementation's generic call: the transport's method of that name. */
    private MethodSpec genericCallBody(MethodSpec.Builder signature) {
        MethodSpec method = signature.build();
        return method.toBuilder()
                .addAnnotation(Override.class)
                .addStatement("return transport.$N(action, $T.byName(action), $L, request, $T::writeText, $T::readText, "
                        + "$T::new)", method.name(), runtime.idempotency(), regionId(), runtime.get(Json.class),
                        runtime.get(Json.class), service.exception())
                .build();
    }
}

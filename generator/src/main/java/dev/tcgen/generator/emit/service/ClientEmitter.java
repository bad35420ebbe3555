package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.ExampleModel;
import dev.tcgen.generator.model.Naming;
import dev.tcgen.generator.model.RegionModel;
import dev.tcgen.generator.model.ServiceModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the service client, e.g. {@code TrtcClient}: one method per action, a builder for credentials, region,
 * endpoint and transport options, and a region check that fails before anything is sent.
 */
final class ClientEmitter {

    private final ServiceModel service;
    private final CoreTypes core;
    private final GeneratedFiles files;
    private final ClassName builder;
    private final boolean hasRegions;

    ClientEmitter(ServiceModel service, CoreTypes core, GeneratedFiles files) {
        this.service = service;
        this.core = core;
        this.files = files;
        this.builder = service.client().nestedClass("Builder");
        this.hasRegions = !service.regions().isEmpty();
    }

    TypeSpec emit() {
        TypeSpec.Builder client = TypeSpec.classBuilder(service.client())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addAnnotation(files.generatedAnnotation())
                .addJavadoc(classJavadoc())
                .addField(constant(String.class, "SERVICE", CodeBlock.of("$S", service.service()),
                        "The service name, used in signing."))
                .addField(constant(String.class, "VERSION", CodeBlock.of("$S", service.version()),
                        "The API version this client calls."))
                .addField(constant(URI.class, "DEFAULT_ENDPOINT",
                        CodeBlock.of("$T.create($S)", URI.class, "https://" + service.chinaEndpoint()),
                        "The China site endpoint, the default."))
                .addField(constant(URI.class, "INTERNATIONAL_ENDPOINT",
                        CodeBlock.of("$T.create($S)", URI.class, "https://" + service.internationalEndpoint()),
                        "The international site endpoint."));
        service.actions().stream()
                .filter(action -> !action.supportedRegions().isEmpty())
                .forEach(action -> client.addField(regionList(action)));
        client.addField(FieldSpec.builder(core.transport(), "transport", Modifier.PRIVATE, Modifier.FINAL).build());
        if (hasRegions) {
            client.addField(FieldSpec.builder(service.regionEnum(), "region", Modifier.PRIVATE, Modifier.FINAL).build());
        }
        client.addMethod(constructor());
        client.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A new builder.\n\n@return the builder\n")
                .addStatement("return new $T()", builder)
                .build());
        if (hasRegions) {
            client.addMethod(MethodSpec.methodBuilder("region")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(service.regionEnum())
                    .addJavadoc("The region every call of this client goes to.\n\n@return the region\n")
                    .addStatement("return region")
                    .build());
        }
        service.actions().forEach(action -> client.addMethod(actionMethod(action)));
        if (hasRegions) {
            client.addMethod(checkRegion());
        }
        client.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Closes the client; later calls fail. Idempotent.\n")
                .addStatement("transport.close()")
                .build());
        client.addType(new ClientBuilderEmitter(service, core, builder).emit());
        return client.build();
    }

    private CodeBlock classJavadoc() {
        String title = service.title().isBlank() ? service.service() : JavadocText.escape(service.title());
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("The client of $L ({@code $L} API version {@code $L}): one method per action.\n\n",
                        title, service.service(), service.version())
                .add("<pre>{@code\n")
                .add("try ($T client = $T.builder()\n", service.client(), service.client())
                .add("        .credentials(Credentials.of(secretId, secretKey))\n");
        if (hasRegions) {
            doc.add("        .region(Region.$L)\n", service.regions().get(0).constantName());
        }
        return doc.add("        .build()) {\n")
                .add("    // client.someAction(SomeActionRequest.builder()...build());\n")
                .add("}\n")
                .add("}</pre>\n\n")
                .add("<p>A client is immutable and safe for concurrent use by any number of threads; create one and "
                        + "share it. Every call is signed with TC3-HMAC-SHA256. Failures throw {@link $T}.\n",
                        service.exception())
                .build();
    }

    private static FieldSpec constant(Class<?> type, String name, CodeBlock value, String javadoc) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer(value)
                .build();
    }

    private FieldSpec regionList(ActionModel action) {
        CodeBlock regions = action.supportedRegions().stream()
                .map(region -> CodeBlock.of("$T.$N", service.regionEnum(), region.constantName()))
                .collect(CodeBlock.joining(", "));
        TypeName listOfRegions = ParameterizedTypeName.get(ClassName.get(List.class), service.regionEnum());
        return FieldSpec.builder(listOfRegions, regionListName(action), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", List.class, regions)
                .build();
    }

    private static String regionListName(ActionModel action) {
        return Naming.constantName(action.wireName()) + "_REGIONS";
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(core.transport(), "transport")
                .addStatement("this.transport = transport");
        if (hasRegions) {
            constructor.addParameter(service.regionEnum(), "region").addStatement("this.region = region");
        }
        return constructor.build();
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
            method.addStatement("checkRegion($S, $N)", action.wireName(), regionListName(action));
        }
        return method.addStatement("return transport.call($S, $L, request, $T.class, $T::new)", action.wireName(),
                        hasRegions ? "region.id()" : "null", action.response(), service.exception())
                .build();
    }

    private CodeBlock actionJavadoc(ActionModel action) {
        CodeBlock.Builder doc = CodeBlock.builder().add("$L\n", JavadocText.escape(action.description()));
        doc.add("\n<p>Action {@code $L}. ", action.wireName());
        if (action.supportedRegions().isEmpty()) {
            doc.add("Supported in every region of the service.");
        } else {
            doc.add("Supported regions: $L.", action.supportedRegions().stream()
                    .map(RegionModel::id).map(id -> "{@code " + id + "}").collect(Collectors.joining(", ")));
        }
        action.rateLimitPerSecond().ifPresent(limit ->
                doc.add(" The API accepts at most $L requests per second.", limit));
        doc.add("\n");
        if (!action.errorCodes().isEmpty()) {
            doc.add("\n<p>Documented error codes: $L.\n", action.errorCodes().stream()
                    .map(code -> "{@link " + service.errorCodeEnum().simpleName() + "#" + code.constantName() + " "
                            + code.code() + "}")
                    .collect(Collectors.joining(", ")));
        }
        action.examples().forEach(example -> addExample(doc, example));
        doc.add("\n@param request the request\n@return the response\n");
        doc.add("@throws $T if the API answers with an error, the call fails before an answer", service.exception());
        doc.add(action.supportedRegions().isEmpty() ? ""
                : ", or the client's region is not supported by this action (nothing is sent then)");
        doc.add("\n");
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

    private MethodSpec checkRegion() {
        TypeName listOfRegions = ParameterizedTypeName.get(ClassName.get(List.class), service.regionEnum());
        return MethodSpec.methodBuilder("checkRegion")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "action")
                .addParameter(listOfRegions, "supported")
                .beginControlFlow("if (!supported.contains(region))")
                .addStatement("$T ids = supported.stream().map($T::id).collect($T.joining($S))", String.class,
                        service.regionEnum(), Collectors.class, ", ")
                .addStatement("throw new $T($S, action + $S + ids + $S + region.id() + $S, null, 0, null)",
                        service.exception(), "UnsupportedRegion", " supports ", "; this client is configured for ",
                        " (nothing was sent)")
                .endControlFlow()
                .build();
    }

    /** The client's nested builder. */
    private static final class ClientBuilderEmitter {

        private final ServiceModel service;
        private final CoreTypes core;
        private final ClassName builder;

        ClientBuilderEmitter(ServiceModel service, CoreTypes core, ClassName builder) {
            this.service = service;
            this.core = core;
            this.builder = builder;
        }

        TypeSpec emit() {
            boolean hasRegions = !service.regions().isEmpty();
            TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Configures a {@link $T}. Credentials$L are required; everything else has a "
                            + "default.\n", service.client(), hasRegions ? " and region" : "")
                    .addField(core.credentialsProvider(), "credentials", Modifier.PRIVATE);
            if (hasRegions) {
                type.addField(service.regionEnum(), "region", Modifier.PRIVATE);
            }
            type.addField(FieldSpec.builder(URI.class, "endpoint", Modifier.PRIVATE)
                            .initializer("DEFAULT_ENDPOINT").build())
                    .addField(String.class, "language", Modifier.PRIVATE)
                    .addField(HttpClient.class, "httpClient", Modifier.PRIVATE)
                    .addField(Duration.class, "connectTimeout", Modifier.PRIVATE)
                    .addField(Duration.class, "requestTimeout", Modifier.PRIVATE)
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                    .addMethod(setter("credentials", core.credentialsProvider(),
                            "The credentials, or a provider asked for them on every call, e.g. "
                                    + "{@code Credentials.of(secretId, secretKey)}."));
            if (hasRegions) {
                type.addMethod(setter("region", service.regionEnum(), "The region every call goes to."));
            }
            return type.addMethod(setter("endpoint", ClassName.get(URI.class),
                            "The endpoint, default {@link " + service.client().simpleName() + "#DEFAULT_ENDPOINT}; e.g. a local test server. Requests are "
                                    + "still signed for service {@code " + service.service() + "}."))
                    .addMethod(MethodSpec.methodBuilder("internationalEndpoint")
                            .addModifiers(Modifier.PUBLIC)
                            .returns(builder)
                            .addJavadoc("Uses the international site, {@link $T#INTERNATIONAL_ENDPOINT}.\n\n"
                                    + "@return this builder\n", service.client())
                            .addStatement("return endpoint(INTERNATIONAL_ENDPOINT)")
                            .build())
                    .addMethod(setter("language", ClassName.get(String.class),
                            "The language of error messages, sent as {@code X-TC-Language}: {@code en-US} or "
                                    + "{@code zh-CN}. Default: the API's own."))
                    .addMethod(setter("httpClient", ClassName.get(HttpClient.class),
                            "The HTTP client to send with, for a proxy or TLS settings. It should not follow "
                                    + "redirects. Default: a new one."))
                    .addMethod(setter("connectTimeout", ClassName.get(Duration.class),
                            "How long to wait for a connection. Default: 5 seconds."))
                    .addMethod(setter("requestTimeout", ClassName.get(Duration.class),
                            "How long to wait for each response. Default: 30 seconds."))
                    .addMethod(buildMethod(hasRegions))
                    .build();
        }

        private MethodSpec setter(String name, TypeName type, String javadoc) {
            return MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(type, name)
                    .addJavadoc("$L\n\n@param $L the $L\n@return this builder\n", javadoc, name, name)
                    .addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, name)
                    .addStatement("return this")
                    .build();
        }

        private MethodSpec buildMethod(boolean hasRegions) {
            MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(service.client())
                    .addJavadoc("Builds the client.\n\n@return the client\n"
                            + "@throws IllegalStateException if credentials$L are missing\n",
                            hasRegions ? " or region" : "")
                    .beginControlFlow("if (credentials == null)")
                    .addStatement("throw new $T($S)", IllegalStateException.class,
                            "credentials are required: call credentials(Credentials.of(secretId, secretKey))")
                    .endControlFlow();
            if (hasRegions) {
                build.beginControlFlow("if (region == null)")
                        .addStatement("throw new $T($S)", IllegalStateException.class,
                                "region is required: call region(Region." + service.regions().get(0).constantName()
                                        + ") or another Region")
                        .endControlFlow();
            }
            build.addStatement("$T.Builder transport = $T.builder()\n.service(SERVICE)\n.version(VERSION)\n"
                            + ".endpoint(endpoint)\n.credentials(credentials)", core.transport(), core.transport());
            for (String option : List.of("language", "httpClient", "connectTimeout", "requestTimeout")) {
                build.beginControlFlow("if ($N != null)", option)
                        .addStatement("transport.$N($N)", option, option)
                        .endControlFlow();
            }
            return build.addStatement(hasRegions ? "return new $T(transport.build(), region)"
                            : "return new $T(transport.build())", service.client())
                    .build();
        }
    }
}

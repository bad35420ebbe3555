package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.runtime.ServiceClientBuilder;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits the client's nested {@code Builder}: a {@code ServiceClientBuilder} of the runtime, which holds every option
 * common to all clients, preset with this service's name, version, endpoints, actions and documented rate limits.
 * What the builder adds is what depends on the service: {@code checkRegions(boolean)} made public, if some action
 * lists regions, and {@code build()}.
 */
final class ClientBuilderEmitter {

    private final ServiceModel service;
    private final RuntimeTypes runtime;
    private final ClassName builder;

    ClientBuilderEmitter(ServiceModel service, RuntimeTypes runtime, ClassName builder) {
        this.service = service;
        this.runtime = runtime;
        this.builder = builder;
    }

    TypeSpec emit() {
        ClassName base = runtime.get(ServiceClientBuilder.class);
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(base, builder, service.regionClass()))
                .addJavadoc("Configures a {@link $T}. $L; everything else has a default. Not thread-safe; the\n"
                        + "client it builds is.\n", service.client(),
                        service.regions().isEmpty() ? "Nothing is required" : "The region is required");
        type.addMethod(constructor(base));
        if (service.checksActionRegions()) {
            type.addMethod(checkRegions());
        }
        return type.addMethod(build()).build();
    }

    private MethodSpec constructor(ClassName base) {
        String host = service.chinaEndpoint();
        int firstDot = host.indexOf('.');
        String regionalEndpoint = firstDot < 0
                ? "https://" + host + "." + ServiceClientBuilder.REGION_PLACEHOLDER
                : "https://" + host.substring(0, firstDot + 1) + ServiceClientBuilder.REGION_PLACEHOLDER
                        + host.substring(firstDot);
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addStatement("super(new $T($S, SERVICE, VERSION,\nDEFAULT_ENDPOINT, INTERNATIONAL_ENDPOINT, $S,\n$N, $N, $L, $L))",
                        base.nestedClass("Service"), service.client().simpleName(), regionalEndpoint,
                        ClientEmitter.ACTIONS, ClientEmitter.RATE_LIMITS, service.checksActionRegions()
                                ? ClientEmitter.SUPPORTED_REGIONS : CodeBlock.of("$T.of()", Map.class),
                        !service.regions().isEmpty())
                .build();
    }

    /** The base's protected {@code checkRegions}, made public: here some action lists regions to check. */
    private MethodSpec checkRegions() {
        String flag = "checkRegions";
        return MethodSpec.methodBuilder(flag)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(TypeName.BOOLEAN, flag)
                .addJavadoc("Whether calling an action in a region its documentation does not list fails before anything\n"
                        + "is sent, with {@code ClientError.UnsupportedRegion}: {@code true} by default. Pass {@code false} to call\n"
                        + "an action in a region Tencent opened for it after this client was generated.\n\n"
                        + "@param $N whether to check\n@return this builder\n", flag)
                .addStatement("return super.$N($N)", flag, flag)
                .build();
    }

    private MethodSpec build() {
        return MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(service.client())
                .addJavadoc("Builds the client.\n\n@return the client\n"
                        + "@throws $T if $L, or if an HTTP client was given\n"
                        + "    together with a proxy or TLS context\n", IllegalStateException.class,
                        service.regions().isEmpty() ? "the regional endpoint was chosen without a region"
                                : "the region is missing")
                .addStatement("return new $T(buildTransport(), configuredRegion())", service.clientImplementation())
                .build();
    }
}

package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.model.ServiceModel;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.net.ssl.SSLContext;

/**
 * Emits the client's nested {@code Builder}. It holds an {@code ApiTransport.Builder} preset with the service,
 * version, default endpoint and documented rate limits, and forwards every transport option to it, so defaults and
 * validation live in one place, the runtime.
 */
final class ClientBuilderEmitter {

    private final ServiceModel service;
    private final RuntimeTypes runtime;
    private final ClassName builder;
    private final ClassName transportBuilder;
    private final boolean hasRegions;

    ClientBuilderEmitter(ServiceModel service, RuntimeTypes runtime, ClassName builder) {
        this.service = service;
        this.runtime = runtime;
        this.builder = builder;
        this.transportBuilder = runtime.transportBuilder();
        this.hasRegions = !service.regions().isEmpty();
    }

    TypeSpec emit() {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Configures a {@link $T}. $L; everything else has a default. Not thread-safe; the\n"
                        + "client it builds is.\n", service.client(),
                        hasRegions ? "The region is required" : "Nothing is required")
                .addField(FieldSpec.builder(transportBuilder, "transport", Modifier.PRIVATE, Modifier.FINAL).build());
        if (hasRegions) {
            type.addField(service.regionEnum(), "region", Modifier.PRIVATE);
        }
        type.addMethod(constructor())
                .addMethod(forward("credentials", runtime.credentialsProvider(),
                        "Where each request's credentials come from, e.g. {@code Credentials.of(secretId, secretKey)},",
                        "{@code ProfileCredentialsProvider.create(\"staging\")} or a {@code CachingCredentialsProvider}",
                        "over your STS call. Default: {@code CredentialsProviderChain.defaultChain()}, the",
                        "environment variables, then {@code ~/.tencentcloud/credentials}."));
        if (hasRegions) {
            type.addMethod(region());
        }
        return type.addMethod(forward("endpoint", TypeName.get(URI.class),
                        "The endpoint, default {@link " + service.client().simpleName() + "#DEFAULT_ENDPOINT}; e.g. a "
                                + "regional endpoint or a local test server.",
                        "Requests are still signed for service {@code " + service.service() + "}."))
                .addMethod(MethodSpec.methodBuilder("internationalEndpoint")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(builder)
                        .addJavadoc("Uses the international site, {@link $T#INTERNATIONAL_ENDPOINT}.\n\n"
                                + "@return this builder\n", service.client())
                        .addStatement("return endpoint(INTERNATIONAL_ENDPOINT)")
                        .build())
                .addMethod(forward("language", TypeName.get(String.class),
                        "The language of error messages, sent as {@code X-TC-Language}: {@code en-US} or",
                        "{@code zh-CN}; {@code null} for the API's default (the default)."))
                .addMethod(forward("connectTimeout", TypeName.get(Duration.class),
                        "How long the default HTTP client waits to connect. Default 5 seconds."))
                .addMethod(forward("requestTimeout", TypeName.get(Duration.class),
                        "How long each attempt waits for its whole answer. Default 30 seconds; never infinite. The",
                        "service may still carry out a timed-out attempt, so only idempotent actions retry it."))
                .addMethod(forward("callTimeout", TypeName.get(Duration.class),
                        "The deadline of a whole call: its attempts, backoff and rate-limit waits together.",
                        "Default: none."))
                .addMethod(forward("httpClient", TypeName.get(HttpClient.class),
                        "An HTTP client of your own (proxy with authentication, custom executor, ...). It should",
                        "not follow redirects; the client does not close it. Default: one per client."))
                .addMethod(forward("proxy", TypeName.get(ProxySelector.class),
                        "The proxy of the default HTTP client, e.g.",
                        "{@code ProxySelector.of(new InetSocketAddress(\"proxy.example.com\", 3128))}."))
                .addMethod(forward("sslContext", TypeName.get(SSLContext.class),
                        "The TLS context of the default HTTP client, e.g. one trusting a corporate CA."))
                .addMethod(forward("userAgent", TypeName.get(String.class),
                        "The {@code User-Agent} header. Default {@code tcgen/<version>}."))
                .addMethod(forward("maxResponseBytes", TypeName.INT,
                        "The largest response body read; a larger one is an invalid response. Default 16 MiB."))
                .addMethod(forward("retryPolicy", runtime.retryPolicy(),
                        "Which failures are retried and how: {@code RetryPolicy.defaults()} (up to 3 retries,",
                        "backoff from 200 ms to 5 s with full jitter), {@code RetryPolicy.none()}, or",
                        "{@code RetryPolicy.builder()...build()}."))
                .addMethod(forward("rateLimitMode", runtime.rateLimitMode(),
                        "What a call does when its action's rate limit is reached: {@code WAIT} its turn (the",
                        "default; an async call holds no thread meanwhile), {@code FAIL_FAST} with",
                        "{@code ClientError.RateLimited}, or {@code OFF}: no client-side limit."))
                .addMethod(rateLimit(TypeName.INT, "perSecond",
                        "@param perSecond the most calls in any one second, at least 1\n"))
                .addMethod(rateLimit(runtime.rateLimiter(), "limiter",
                        "@param limiter a limiter that other clients, or other actions of one quota, may share\n"))
                .addMethod(forward("logger", TypeName.get(System.Logger.class),
                        "Where calls are logged. Default: {@code System.getLogger} of the core's",
                        "{@code ApiTransport}."))
                .addMethod(forward("scheduler", runtime.scheduler(),
                        "The clocks and timer of rate limits, backoff and signatures. Default",
                        "{@code Scheduler.system()}; tests pass a virtual clock."))
                .addMethod(build())
                .build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addStatement("transport = $T.builder().service(SERVICE).version(VERSION).endpoint(DEFAULT_ENDPOINT)",
                        runtime.transport())
                .addStatement("$N.forEach(transport::rateLimit)", ClientEmitter.RATE_LIMITS)
                .build();
    }

    private MethodSpec forward(String name, TypeName type, String... javadoc) {
        MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(type, name);
        for (String line : javadoc) {
            setter.addJavadoc("$L\n", line);
        }
        return setter.addJavadoc("\n@param $L the $L\n@return this builder\n", name, name)
                .addJavadoc("@throws $T if the value is invalid (see {@code ApiTransport.Builder})\n",
                        IllegalArgumentException.class)
                .addStatement("transport.$N($N)", name, name)
                .addStatement("return this")
                .build();
    }

    private MethodSpec region() {
        return MethodSpec.methodBuilder("region")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(service.regionEnum(), "region")
                .addJavadoc("The region every call goes to, sent as {@code X-TC-Region}. Required.\n\n"
                        + "@param region the region\n@return this builder\n")
                .addStatement("this.region = $T.requireNonNull(region, $S)", Objects.class, "region")
                .addStatement("return this")
                .build();
    }

    private MethodSpec rateLimit(TypeName limit, String name, String javadoc) {
        return MethodSpec.methodBuilder("rateLimit")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(String.class, "action")
                .addParameter(limit, name)
                .addJavadoc("Sets the client-side rate limit of one action, instead of its documented one (see\n"
                        + "{@link $T#RATE_LIMITS}), e.g. lower when several processes share the account's quota.\n\n"
                        + "@param action the action's name, e.g. {@code $L}\n"
                        + javadoc
                        + "@return this builder\n"
                        + "@throws $T if this client has no such action, or the limit is less than 1\n",
                        service.client(), exampleAction(), IllegalArgumentException.class)
                .beginControlFlow("if (!$N.contains(action))", ClientEmitter.ACTIONS)
                .addStatement("throw new $T($S + action)", IllegalArgumentException.class,
                        service.client().simpleName() + " has no action ")
                .endControlFlow()
                .addStatement("transport.rateLimit(action, $N)", name)
                .addStatement("return this")
                .build();
    }

    private String exampleAction() {
        return service.actions().isEmpty() ? "SomeAction" : service.actions().get(0).wireName();
    }

    private MethodSpec build() {
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(service.client())
                .addJavadoc("Builds the client.\n\n@return the client\n"
                        + "@throws $T $L\n", IllegalStateException.class, hasRegions
                                ? "if the region is missing, or an HTTP client was given together with a proxy or "
                                        + "TLS context"
                                : "if an HTTP client was given together with a proxy or TLS context");
        if (hasRegions) {
            build.beginControlFlow("if (region == null)")
                    .addStatement("throw new $T($S)", IllegalStateException.class,
                            "region is required: call region(Region." + service.regions().get(0).constantName()
                                    + ") or another Region")
                    .endControlFlow()
                    .addStatement("return new $T(transport.build(), region)", service.client());
        } else {
            build.addStatement("return new $T(transport.build())", service.client());
        }
        return build.build();
    }
}

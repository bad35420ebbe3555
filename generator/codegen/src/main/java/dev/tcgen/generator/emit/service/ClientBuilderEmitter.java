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
    private static final String REGIONAL_ENDPOINT = "regionalEndpoint";

    private final ClassName builder;
    private final ClassName transportBuilder;
    /** The spec lists regions, so {@code build()} requires one. */
    private final boolean regionRequired;

    ClientBuilderEmitter(ServiceModel service, RuntimeTypes runtime, ClassName builder) {
        this.service = service;
        this.runtime = runtime;
        this.builder = builder;
        this.transportBuilder = runtime.transportBuilder();
        this.regionRequired = !service.regions().isEmpty();
    }

    TypeSpec emit() {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Configures a {@link $T}. $L; everything else has a default. Not thread-safe; the\n"
                        + "client it builds is.\n", service.client(),
                        regionRequired ? "The region is required" : "Nothing is required")
                .addField(FieldSpec.builder(transportBuilder, "transport", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(service.regionClass(), "region", Modifier.PRIVATE)
                .addField(TypeName.BOOLEAN, REGIONAL_ENDPOINT, Modifier.PRIVATE);
        if (service.checksActionRegions()) {
            type.addField(FieldSpec.builder(TypeName.BOOLEAN, ClientEmitter.CHECK_REGIONS, Modifier.PRIVATE)
                    .initializer("true")
                    .build());
        }
        type.addMethod(constructor())
                .addMethod(forward("credentials", runtime.credentialsProvider(),
                        "Where each request's credentials come from, e.g. {@code Credentials.of(secretId, secretKey)},",
                        "{@code ProfileCredentialsProvider.create(\"staging\")} or a {@code CachingCredentialsProvider}",
                        "over your STS call. Default: {@code CredentialsProviderChain.defaultChain()}: the",
                        "environment variables, the profile files, the CVM instance role, TKE's OIDC token."));
        type.addMethod(region());
        if (service.checksActionRegions()) {
            type.addMethod(checkRegions());
        }
        return type.addMethod(endpoint())
                .addMethod(MethodSpec.methodBuilder("internationalEndpoint")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(builder)
                        .addJavadoc("Uses the international site, {@link $T#INTERNATIONAL_ENDPOINT}.\n\n"
                                + "@return this builder\n", service.client())
                        .addStatement("return endpoint(INTERNATIONAL_ENDPOINT)")
                        .build())
                .addMethod(regionalEndpoint())
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
                .addMethod(forward("streamIdleTimeout", TypeName.get(Duration.class),
                        "How long an event stream may send nothing before it fails and its connection is closed.",
                        "Default 60 seconds; the request timeout does not cut a stream that keeps sending."))
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
                .addParameter(service.regionClass(), "region")
                .addJavadoc("The region of every call, sent as {@code X-TC-Region}: $L.$L\n\n"
                        + "@param region the region\n@return this builder\n",
                        regionRequired ? "a constant such as {@code Region." + service.regions().get(0).constantName()
                                + "}, or\n{@code Region.of(\"ap-jakarta\")} for any other"
                                : "{@code Region.of(\"ap-guangzhou\")}, say",
                        regionRequired ? " Required."
                                : "\nOptional: without it no {@code X-TC-Region} is sent, which only actions that take no\n"
                                        + "region accept.")
                .addStatement("this.region = $T.requireNonNull(region, $S)", Objects.class, "region")
                .addStatement("return this")
                .build();
    }

    private MethodSpec checkRegions() {
        String flag = ClientEmitter.CHECK_REGIONS;
        return MethodSpec.methodBuilder(flag)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(TypeName.BOOLEAN, flag)
                .addJavadoc("Whether calling an action in a region its documentation does not list fails before anything\n"
                        + "is sent, with {@code ClientError.UnsupportedRegion}: {@code true} by default. Pass {@code false} to call\n"
                        + "an action in a region Tencent opened for it after this client was generated.\n\n"
                        + "@param $N whether to check\n@return this builder\n", flag)
                .addStatement("this.$N = $N", flag, flag)
                .addStatement("return this")
                .build();
    }

    private MethodSpec endpoint() {
        return MethodSpec.methodBuilder("endpoint")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(URI.class, "endpoint")
                .addJavadoc("The endpoint, default {@link $T#DEFAULT_ENDPOINT}; e.g. a local test server. Requests are\n"
                        + "still signed for service {@code $L}.\n\n"
                        + "@param endpoint {@code http(s)://host[:port]}\n@return this builder\n"
                        + "@throws $T if the value is invalid (see {@code ApiTransport.Builder})\n", service.client(),
                        service.service(), IllegalArgumentException.class)
                .addStatement("transport.endpoint(endpoint)")
                .addStatement("$N = false", REGIONAL_ENDPOINT)
                .addStatement("return this")
                .build();
    }

    private MethodSpec regionalEndpoint() {
        return MethodSpec.methodBuilder(REGIONAL_ENDPOINT)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("Uses the endpoint of the client's region, e.g.\n"
                        + "{@code $L}, instead of\n"
                        + "{@link $T#DEFAULT_ENDPOINT}, which resolves to a nearby region: less latency, and the\n"
                        + "way into a finance zone such as {@code ap-shanghai-fsi}. {@code X-TC-Region} still decides\n"
                        + "the region of each call, {@code withRegion}'s too. A later {@link #endpoint} or\n"
                        + "{@link #internationalEndpoint} replaces it.\n\n"
                        + "@return this builder\n", regionalEndpoint("ap-guangzhou"), service.client())
                .addStatement("$N = true", REGIONAL_ENDPOINT)
                .addStatement("return this")
                .build();
    }

    /**
     * {@code https://<service>.<region>.tencentcloudapi.com}: the China site's host with the region after its first
     * label, as Tencent names the regional endpoints (of both sites).
     */
    private String regionalEndpoint(String region) {
        return regionalEndpointStart() + region + regionalEndpointEnd();
    }

    /** What comes before the region in a regional endpoint: {@code https://trtc.}. */
    private String regionalEndpointStart() {
        String host = service.chinaEndpoint();
        return "https://" + host.substring(0, host.indexOf('.') + 1);
    }

    /** What comes after the region in a regional endpoint: {@code .tencentcloudapi.com}. */
    private String regionalEndpointEnd() {
        String host = service.chinaEndpoint();
        return host.indexOf('.') < 0 ? "." + host : host.substring(host.indexOf('.'));
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
                        + "@throws $T if $L, or if an HTTP client was given\n"
                        + "    together with a proxy or TLS context\n", IllegalStateException.class, regionRequired
                                ? "the region is missing" : "the regional endpoint was chosen without a region");
        if (regionRequired) {
            build.beginControlFlow("if (region == null)")
                    .addStatement("throw new $T($S)", IllegalStateException.class,
                            "region is required: call region(Region." + service.regions().get(0).constantName()
                                    + ") or another Region")
                    .endControlFlow()
                    .beginControlFlow("if ($N)", REGIONAL_ENDPOINT);
        } else {
            build.beginControlFlow("if ($N)", REGIONAL_ENDPOINT)
                    .beginControlFlow("if (region == null)")
                    .addStatement("throw new $T($S)", IllegalStateException.class,
                            "regionalEndpoint() needs a region: call region(Region.of(\"ap-guangzhou\")) or another")
                    .endControlFlow();
        }
        return build.addStatement("transport.endpoint($T.create($S + region.id() + $S))", URI.class,
                        regionalEndpointStart(), regionalEndpointEnd())
                .endControlFlow()
                .addStatement("return new $T(transport.build(), region$L)", service.clientImplementation(),
                        ClientEmitter.checkRegionsArgument(service))
                .build();
    }
}

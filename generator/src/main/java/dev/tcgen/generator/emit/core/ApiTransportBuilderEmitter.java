package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;

/**
 * Emits {@code ApiTransport.Builder}: required settings fail at {@code build()} with the name of the one missing,
 * invalid values fail at once in their setter.
 */
final class ApiTransportBuilderEmitter {

    static final String BUILDER = "Builder";

    private final CoreTypes types;
    private final ClassName builder;

    ApiTransportBuilderEmitter(CoreTypes types) {
        this.types = types;
        this.builder = types.transport().nestedClass(BUILDER);
    }

    TypeSpec builderType() {
        return TypeSpec.classBuilder(builder)
                .addJavadoc("Configures an {@link ApiTransport}. Not thread-safe; the transport it builds is.\n")
                .addModifiers(PUBLIC, STATIC, FINAL)
                .addField(field(String.class, "service", null))
                .addField(field(String.class, "version", null))
                .addField(field(URI.class, "endpoint", null))
                .addField(field(types.credentialsProvider(), "credentials", (CodeBlock) null))
                .addField(field(String.class, "language", null))
                .addField(field(HttpClient.class, "httpClient", null))
                .addField(field(Duration.class, "connectTimeout", "DEFAULT_CONNECT_TIMEOUT"))
                .addField(field(Duration.class, "requestTimeout", "DEFAULT_REQUEST_TIMEOUT"))
                .addField(field(String.class, "userAgent", "DEFAULT_USER_AGENT"))
                .addField(field(ProxySelector.class, "proxy", null))
                .addField(field(SSLContext.class, "sslContext", null))
                .addField(field(int.class, "maxResponseBytes", "DEFAULT_MAX_RESPONSE_BYTES"))
                .addField(field(types.scheduler(), "scheduler", CodeBlock.of("$T.system()", types.scheduler())))
                .addField(field(types.retryPolicy(), "retryPolicy", CodeBlock.of("$T.defaults()", types.retryPolicy())))
                .addField(field(types.rateLimitMode(), "rateLimitMode",
                        CodeBlock.of("$T.WAIT", types.rateLimitMode())))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(Map.class, String.class, Integer.class),
                                "rateLimits", PRIVATE, FINAL)
                        .initializer("new $T<>()", TreeMap.class)
                        .build())
                .addField(field(ApiCallEmitter.LOGGER, "logger", null))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
                .addMethod(service())
                .addMethod(version())
                .addMethod(endpoint())
                .addMethod(credentials())
                .addMethod(language())
                .addMethod(httpClient())
                .addMethod(connectTimeout())
                .addMethod(requestTimeout())
                .addMethod(userAgent())
                .addMethods(new ApiTransportBuilderOptionsEmitter(types, builder).methods())
                .addMethod(build())
                .addMethod(DurationChecks.requirePositive())
                .addMethod(requireSet())
                .build();
    }

    private static FieldSpec field(Class<?> type, String name, String initialValue) {
        return field(TypeName.get(type), name, initialValue == null ? null : CodeBlock.of("$L", initialValue));
    }

    private static FieldSpec field(TypeName type, String name, CodeBlock initialValue) {
        FieldSpec.Builder field = FieldSpec.builder(type, name, PRIVATE);
        if (initialValue != null) {
            field.initializer(initialValue);
        }
        return field.build();
    }

    private MethodSpec.Builder setter(String name, TypeName type) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(PUBLIC)
                .returns(builder)
                .addParameter(type, name);
    }

    private MethodSpec.Builder setter(String name, Class<?> type) {
        return setter(name, TypeName.get(type));
    }

    private MethodSpec service() {
        return setter("service", String.class)
                .addJavadoc("The service name that requests are signed for, from the API description, e.g.\n")
                .addJavadoc("{@code cvm}. Required.\n")
                .addJavadoc("\n@param service the service name\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is {@code null} or blank\n")
                .addStatement("this.service = requireText(service, $S)", "service")
                .addStatement("return this")
                .build();
    }

    private MethodSpec version() {
        return setter("version", String.class)
                .addJavadoc("The API version, sent as {@code X-TC-Version}, e.g. {@code 2017-03-12}. Required.\n")
                .addJavadoc("\n@param version the API version\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is {@code null} or blank\n")
                .addStatement("this.version = requireText(version, $S)", "version")
                .addStatement("return this")
                .build();
    }

    private MethodSpec endpoint() {
        return setter("endpoint", URI.class)
                .addJavadoc("Where requests go, e.g. {@code https://cvm.tencentcloudapi.com} or a regional\n")
                .addJavadoc("endpoint such as {@code https://cvm.ap-guangzhou.tencentcloudapi.com}. Required.\n")
                .addJavadoc("\n<p>Only a scheme, host and optional port: the signature covers the path {@code /},\n")
                .addJavadoc("so an endpoint with a path, query or user information is refused.\n")
                .addJavadoc("\n@param endpoint an {@code http} or {@code https} URI\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if the URI is not of that form\n")
                .addStatement("this.endpoint = normalizeEndpoint(endpoint)")
                .addStatement("return this")
                .build();
    }

    private MethodSpec credentials() {
        return setter("credentials", types.credentialsProvider())
                .addJavadoc("Where each request's credentials come from: fixed {@link Credentials}, or a provider\n")
                .addJavadoc("that finds or refreshes them. Default: {@link CredentialsProviderChain#defaultChain()},\n")
                .addJavadoc("the environment variables, then {@code ~/.tencentcloud/credentials}.\n")
                .addJavadoc("\n@param credentials the credentials provider\n")
                .addJavadoc("@return this builder\n")
                .addStatement("this.credentials = $T.requireNonNull(credentials, $S)", Objects.class, "credentials")
                .addStatement("return this")
                .build();
    }

    private MethodSpec language() {
        return setter("language", String.class)
                .addJavadoc("The language of error messages, sent as {@code X-TC-Language}: {@code zh-CN} or\n")
                .addJavadoc("{@code en-US}. Optional; without it the API uses its default.\n")
                .addJavadoc("\n@param language the language, or {@code null} for the API's default\n")
                .addJavadoc("@return this builder\n")
                .addStatement("this.language = language == null ? null : requireText(language, $S)", "language")
                .addStatement("return this")
                .build();
    }

    private MethodSpec httpClient() {
        return setter("httpClient", HttpClient.class)
                .addJavadoc("The HTTP client to send with, for a proxy, custom TLS or a shared executor. Optional;\n")
                .addJavadoc("by default the transport creates its own, with the {@link #connectTimeout} and no\n")
                .addJavadoc("redirects. A client given here is not closed by {@link ApiTransport#close()}, and\n")
                .addJavadoc("{@link #connectTimeout}, {@link #proxy} and {@link #sslContext} do not apply to it.\n")
                .addJavadoc("It must not follow redirects: a redirect could carry the signed request, and its\n")
                .addJavadoc("{@code Authorization} header, to another host.\n")
                .addJavadoc("\n@param httpClient the client, or {@code null} for the default\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws $T if the client follows redirects\n", IllegalArgumentException.class)
                .beginControlFlow("if (httpClient != null && httpClient.followRedirects() != $T.Redirect.NEVER)",
                        HttpClient.class)
                .addStatement("throw new $T($S + httpClient.followRedirects())", IllegalArgumentException.class,
                        "the HTTP client must not follow redirects (Redirect.NEVER), not ")
                .endControlFlow()
                .addStatement("this.httpClient = httpClient")
                .addStatement("return this")
                .build();
    }

    private MethodSpec connectTimeout() {
        return setter("connectTimeout", Duration.class)
                .addJavadoc("How long the default HTTP client waits to connect. Default 5 seconds.\n")
                .addJavadoc("\n@param connectTimeout a positive duration\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is {@code null}, zero or negative\n")
                .addStatement("this.connectTimeout = requirePositive(connectTimeout, $S)", "connectTimeout")
                .addStatement("return this")
                .build();
    }

    private MethodSpec requestTimeout() {
        return setter("requestTimeout", Duration.class)
                .addJavadoc("How long each attempt of a call waits for its response before it fails with\n")
                .addJavadoc("{@code CLIENT_NETWORK_FAILURE} (cause {@code HttpTimeoutException}). Default 30 seconds;\n")
                .addJavadoc("there is no infinite timeout. A timed-out attempt is not retried: the service may\n")
                .addJavadoc("still be carrying it out.\n")
                .addJavadoc("\n@param requestTimeout a positive duration\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is {@code null}, zero or negative\n")
                .addStatement("this.requestTimeout = requirePositive(requestTimeout, $S)", "requestTimeout")
                .addStatement("return this")
                .build();
    }

    private MethodSpec userAgent() {
        return setter("userAgent", String.class)
                .addJavadoc("The {@code User-Agent} header. Default {@link ApiTransport#DEFAULT_USER_AGENT}.\n")
                .addJavadoc("\n@param userAgent the user agent\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is {@code null} or blank\n")
                .addStatement("this.userAgent = requireText(userAgent, $S)", "userAgent")
                .addStatement("return this")
                .build();
    }

    private MethodSpec build() {
        return MethodSpec.methodBuilder("build")
                .addJavadoc("Builds the transport.\n")
                .addJavadoc("\n@return a new transport\n")
                .addJavadoc("@throws IllegalStateException if the service, version or endpoint was not set (the\n")
                .addJavadoc("    message names the first one missing), or an HTTP client was given together with a\n")
                .addJavadoc("    proxy or TLS context\n")
                .addModifiers(PUBLIC)
                .returns(types.transport())
                .addStatement("requireSet(service, $S)", "service")
                .addStatement("requireSet(version, $S)", "version")
                .addStatement("requireSet(endpoint, $S)", "endpoint")
                .beginControlFlow("if (httpClient != null && (proxy != null || sslContext != null))")
                .addStatement("throw new $T($S)", IllegalStateException.class,
                        "proxy(...) and sslContext(...) configure the default HTTP client; "
                                + "set them on the HttpClient given to httpClient(...) instead")
                .endControlFlow()
                .addStatement("return new $T(this)", types.transport())
                .build();
    }

    private static MethodSpec requireSet() {
        return MethodSpec.methodBuilder("requireSet")
                .addModifiers(PRIVATE, STATIC)
                .addParameter(Object.class, "value")
                .addParameter(String.class, "name")
                .beginControlFlow("if (value == null)")
                .addStatement("throw new $T(\n$S + name + $S + name + $S)", IllegalStateException.class,
                        "ApiTransport needs ", ": call ", "(...) before build()")
                .endControlFlow()
                .build();
    }
}

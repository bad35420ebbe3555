package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_PROCESSING_EXCEPTION;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.tcgen.generator.emit.CoreTypes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The methods of {@code ApiTransport} that build requests: serialise the body, sign it, create the default HTTP
 * client and the rate limiters, and normalise the endpoint so that the signed host is what the JDK sends.
 */
final class ApiTransportRequestEmitter {

    private final CoreTypes types;

    ApiTransportRequestEmitter(CoreTypes types) {
        this.types = types;
    }

    List<MethodSpec> methods() {
        return List.of(serialize(), signedRequest(), currentCredentials(), defaultHttpClient(), rateLimiters(),
                normalizeEndpoint(), hostHeader(), requireText());
    }

    private ClassName builderClass() {
        return types.transport().nestedClass(ApiTransportBuilderEmitter.BUILDER);
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
        TypeName anyFactory = ResponseReaderEmitter.anyFactory(types);
        return MethodSpec.methodBuilder("signedRequest")
                .addJavadoc("Builds one attempt's signed HTTP request, with the provider's current credentials\n")
                .addJavadoc("and the scheduler's current time.\n")
                .returns(HttpRequest.class)
                .addParameter(String.class, "action")
                .addParameter(String.class, "region")
                .addParameter(byte[].class, "payload")
                .addParameter(anyFactory, "exceptions")
                .addStatement("$T current = currentCredentials(action, exceptions)", types.credentials())
                .addStatement("long timestamp = scheduler.now().getEpochSecond()")
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
                .addJavadoc("Asks the provider; a failure of the provider is the service exception\n")
                .addJavadoc("{@code CLIENT_CREDENTIALS}, with the provider's exception as the cause.\n")
                .addModifiers(PRIVATE)
                .returns(types.credentials())
                .addParameter(String.class, "action")
                .addParameter(ResponseReaderEmitter.anyFactory(types), "exceptions")
                .addStatement("$T current", types.credentials())
                .beginControlFlow("try")
                .addStatement("current = credentials.credentials()")
                .nextControlFlow("catch ($T e)", RuntimeException.class)
                .addStatement("throw exceptions.create($T.CLIENT_CREDENTIALS,\n$S + action + $S + e.getMessage(), "
                        + "null, 0, e)", types.baseException(), "No credentials to sign ", " with: ")
                .endControlFlow()
                .beginControlFlow("if (current == null)")
                .addStatement("throw exceptions.create($T.CLIENT_CREDENTIALS,\n$S + credentials + $S, null, 0, null)",
                        types.baseException(), "The credentials provider ", " returned null")
                .endControlFlow()
                .addStatement("return current")
                .build();
    }

    private MethodSpec defaultHttpClient() {
        return MethodSpec.methodBuilder("defaultHttpClient")
                .addJavadoc("The HTTP client a transport owns when it is given none: HTTP/1.1, no redirects (a\n")
                .addJavadoc("redirect would carry the signature elsewhere), the builder's connect timeout, proxy\n")
                .addJavadoc("and TLS context.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(HttpClient.class)
                .addParameter(builderClass(), "builder")
                .addStatement("$T.Builder client = $T.newBuilder()\n"
                        + ".connectTimeout(builder.connectTimeout)\n"
                        + ".followRedirects($T.Redirect.NEVER)\n"
                        + ".version($T.Version.HTTP_1_1)", HttpClient.class, HttpClient.class, HttpClient.class,
                        HttpClient.class)
                .beginControlFlow("if (builder.proxy != null)")
                .addStatement("client.proxy(builder.proxy)")
                .endControlFlow()
                .beginControlFlow("if (builder.sslContext != null)")
                .addStatement("client.sslContext(builder.sslContext)")
                .endControlFlow()
                .addStatement("return client.build()")
                .build();
    }

    private MethodSpec rateLimiters() {
        TypeName limiters = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
                types.rateLimiter());
        return MethodSpec.methodBuilder("rateLimiters")
                .addJavadoc("One limiter per limited action, none when rate limiting is off.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(limiters)
                .addParameter(builderClass(), "builder")
                .beginControlFlow("if (builder.rateLimitMode == $T.OFF)", types.rateLimitMode())
                .addStatement("return $T.of()", Map.class)
                .endControlFlow()
                .addStatement("$T limiters = new $T<>()", limiters, TreeMap.class)
                .addStatement("builder.rateLimits.forEach((action, limit) ->\n"
                        + "limiters.put(action, $T.perSecond(limit, builder.scheduler)))", types.rateLimiter())
                .addStatement("return $T.copyOf(limiters)", Map.class)
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

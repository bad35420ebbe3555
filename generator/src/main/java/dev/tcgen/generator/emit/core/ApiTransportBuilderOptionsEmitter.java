package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.tcgen.generator.emit.CoreTypes;
import java.net.ProxySelector;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The setters of {@code ApiTransport.Builder} for the production options: proxy and TLS of the default HTTP client,
 * response size cap, retry policy, rate limits, logger and scheduler.
 */
final class ApiTransportBuilderOptionsEmitter {

    private final CoreTypes types;
    private final ClassName builder;

    ApiTransportBuilderOptionsEmitter(CoreTypes types, ClassName builder) {
        this.types = types;
        this.builder = builder;
    }

    List<MethodSpec> methods() {
        return List.of(proxy(), sslContext(), maxResponseBytes(), retryPolicy(), rateLimitMode(), rateLimit(),
                logger(), scheduler());
    }

    private MethodSpec.Builder setter(String name, TypeName type) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(PUBLIC)
                .returns(builder)
                .addParameter(type, name);
    }

    private MethodSpec nonNullSetter(String name, TypeName type, String... javadoc) {
        MethodSpec.Builder setter = setter(name, type);
        for (String line : javadoc) {
            setter.addJavadoc("$L\n", line);
        }
        return setter.addJavadoc("\n@param $L the $L\n", name, name)
                .addJavadoc("@return this builder\n")
                .addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, name)
                .addStatement("return this")
                .build();
    }

    private MethodSpec proxy() {
        return nonNullSetter("proxy", TypeName.get(ProxySelector.class),
                "The proxy of the default HTTP client, e.g.",
                "{@code ProxySelector.of(new InetSocketAddress(\"proxy.example.com\", 3128))}. Default: none.",
                "For a proxy that needs authentication, give an {@link #httpClient} with an authenticator.");
    }

    private MethodSpec sslContext() {
        return nonNullSetter("sslContext", TypeName.get(SSLContext.class),
                "The TLS context of the default HTTP client, e.g. one trusting a corporate CA. Default: the",
                "JDK's default context.");
    }

    private MethodSpec maxResponseBytes() {
        return setter("maxResponseBytes", TypeName.INT)
                .addJavadoc("The largest response body read; a larger one fails the call as\n")
                .addJavadoc("{@code CLIENT_INVALID_RESPONSE} after reading one byte more. Default 16 MiB.\n")
                .addJavadoc("\n@param maxResponseBytes a positive number of bytes\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if it is less than 1 or {@code Integer.MAX_VALUE}\n")
                .beginControlFlow("if (maxResponseBytes < 1 || maxResponseBytes == $T.MAX_VALUE)", Integer.class)
                .addStatement("throw new $T($S + maxResponseBytes)", IllegalArgumentException.class,
                        "maxResponseBytes must be between 1 and Integer.MAX_VALUE - 1, not ")
                .endControlFlow()
                .addStatement("this.maxResponseBytes = maxResponseBytes")
                .addStatement("return this")
                .build();
    }

    private MethodSpec retryPolicy() {
        return nonNullSetter("retryPolicy", types.retryPolicy(),
                "Which failures are retried, how often and after what backoff. Default",
                "{@link RetryPolicy#defaults()}: up to 3 retries; {@link RetryPolicy#none()} turns retries off.");
    }

    private MethodSpec rateLimitMode() {
        return nonNullSetter("rateLimitMode", types.rateLimitMode(),
                "What a call does when its action's rate limit is reached: {@link RateLimitMode#WAIT} (the",
                "default), {@link RateLimitMode#FAIL_FAST}, or {@link RateLimitMode#OFF} to ignore limits.");
    }

    private MethodSpec rateLimit() {
        return MethodSpec.methodBuilder("rateLimit")
                .addJavadoc("Limits the calls of one action to {@code perSecond} in any one-second window.\n")
                .addJavadoc("Generated clients set each action's documented limit; call this again to choose\n")
                .addJavadoc("another, e.g. a lower one when several processes share an account's quota.\n")
                .addJavadoc("\n@param action the action, e.g. {@code DescribeInstances}\n")
                .addJavadoc("@param perSecond the most calls in any one second, at least 1\n")
                .addJavadoc("@return this builder\n")
                .addJavadoc("@throws IllegalArgumentException if the action is blank or the limit less than 1\n")
                .addModifiers(PUBLIC)
                .returns(builder)
                .addParameter(String.class, "action")
                .addParameter(int.class, "perSecond")
                .addStatement("requireText(action, $S)", "action")
                .beginControlFlow("if (perSecond < 1)")
                .addStatement("throw new $T($S + action + $S + perSecond)", IllegalArgumentException.class,
                        "the rate limit of ", " must be at least 1 per second, not ")
                .endControlFlow()
                .addStatement("rateLimits.put(action, perSecond)")
                .addStatement("return this")
                .build();
    }

    private MethodSpec logger() {
        return nonNullSetter("logger", ApiCallEmitter.LOGGER,
                "Where calls are logged: each attempt at DEBUG (action, region, attempt, latency, RequestId),",
                "a failed call once at WARNING. Nothing logged holds a header, a secret key, a token or a",
                "signature. Default: {@code System.getLogger(\"<core package>.ApiTransport\")}.");
    }

    private MethodSpec scheduler() {
        return nonNullSetter("scheduler", types.scheduler(),
                "The clocks and timer: the monotonic clock for rate limits and latency, the wall clock for",
                "signatures, and the non-blocking delays of backoff and rate-limit waits. Default",
                "{@link Scheduler#system()}; tests pass a virtual clock to make retries and rate limits",
                "deterministic and instant.");
    }
}

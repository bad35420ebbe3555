package dev.tcgen.runtime;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * What every generated client's {@code Builder} has in common: the region, the endpoint and every option of the
 * {@link ApiTransport} underneath, preset with the service's name, version, endpoints and documented rate limits.
 * A generated builder adds only what depends on its service ({@link #checkRegions}, made public where some action
 * lists regions) and {@code build()}. Each option is validated here, at once, by the transport builder it is forwarded to.
 *
 * <p>Not thread-safe; the client it builds is.
 *
 * @param <B> the generated builder, returned by every setter
 * @param <R> the service's region type
 */
public abstract class ServiceClientBuilder<B extends ServiceClientBuilder<B, R>, R extends AbstractRegion> {

    /** Stands for the region in a regional endpoint template. */
    public static final String REGION_PLACEHOLDER = "{region}";

    private final Service service;
    private final ApiTransport.Builder transport;
    private R region;
    private boolean regionalEndpoint;

    /**
     * What a generated builder knows of its service.
     *
     * @param client the client's simple name, for messages, e.g. {@code TrtcClient}
     * @param name the service name requests are signed for, e.g. {@code trtc}
     * @param version the API version, e.g. {@code 2019-07-22}
     * @param defaultEndpoint the China site endpoint, the default
     * @param internationalEndpoint the international site endpoint
     * @param regionalEndpoint the regional endpoint, with {@link #REGION_PLACEHOLDER} for the region, e.g.
     *     {@code https://trtc.{region}.tencentcloudapi.com}
     * @param actions every action's name
     * @param rateLimits the documented rate limit of each action that has one, in calls per second
     * @param supportedRegions the region ids of each action whose documentation lists them, checked before a call
     *     is sent (see {@link ApiTransport.Builder#actionRegions})
     * @param regionRequired whether the spec lists regions, so that {@code build()} requires one
     */
    public record Service(String client, String name, String version, URI defaultEndpoint, URI internationalEndpoint,
            String regionalEndpoint, Set<String> actions, Map<String, Integer> rateLimits,
            Map<String, List<String>> supportedRegions, boolean regionRequired) {
    }

    /**
     * A builder preset for {@code service}: its endpoint, documented rate limits and the default credentials chain.
     *
     * @param service the service
     * @throws IllegalArgumentException if its regional endpoint has no {@link #REGION_PLACEHOLDER}
     */
    protected ServiceClientBuilder(Service service) {
        if (!service.regionalEndpoint().contains(REGION_PLACEHOLDER)) {
            throw new IllegalArgumentException("the regional endpoint of " + service.client() + " must contain "
                    + REGION_PLACEHOLDER + ": " + service.regionalEndpoint());
        }
        this.service = service;
        this.transport = ApiTransport.builder()
                .service(service.name())
                .version(service.version())
                .endpoint(service.defaultEndpoint())
                .actionRegions(service.supportedRegions());
        service.rateLimits().forEach(transport::rateLimit);
    }

    /**
     * This builder, as the generated type its setters return.
     *
     * @return this
     */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Where each request's credentials come from, e.g. {@code Credentials.of(secretId, secretKey)},
     * {@code ProfileCredentialsProvider.create("staging")} or a {@code CachingCredentialsProvider} over your STS
     * call. Default: {@code CredentialsProviderChain.defaultChain()}: the environment variables, the profile files,
     * the CVM instance role, TKE's OIDC token.
     *
     * @param credentials the credentials provider
     * @return this builder
     */
    public B credentials(CredentialsProvider credentials) {
        transport.credentials(credentials);
        return self();
    }

    /**
     * The region of every call, sent as {@code X-TC-Region}: a constant of the service's {@code Region}, or
     * {@code Region.of("ap-jakarta")} for any other. Required where the service's documentation lists regions;
     * elsewhere, without one, no {@code X-TC-Region} is sent, which only actions that take no region accept.
     *
     * @param region the region
     * @return this builder
     */
    public B region(R region) {
        this.region = Objects.requireNonNull(region, "region");
        return self();
    }

    /**
     * The endpoint, by default the China site's; e.g. a local test server. Requests are still signed for the
     * service. Replaces an earlier {@link #regionalEndpoint()} or {@link #internationalEndpoint()}.
     *
     * @param endpoint {@code http(s)://host[:port]}
     * @return this builder
     * @throws IllegalArgumentException if the value is not of that form
     */
    public B endpoint(URI endpoint) {
        transport.endpoint(endpoint);
        regionalEndpoint = false;
        return self();
    }

    /**
     * Uses the international site's endpoint.
     *
     * @return this builder
     */
    public B internationalEndpoint() {
        return endpoint(service.internationalEndpoint());
    }

    /**
     * Uses the endpoint of the client's region, e.g. {@code https://cvm.ap-guangzhou.tencentcloudapi.com}, instead
     * of the default one, which resolves to a nearby region: less latency, and the way into a finance zone such as
     * {@code ap-shanghai-fsi}. {@code X-TC-Region} still decides the region of each call, {@code withRegion}'s too.
     * A later {@link #endpoint} or {@link #internationalEndpoint} replaces it.
     *
     * @return this builder
     */
    public B regionalEndpoint() {
        regionalEndpoint = true;
        return self();
    }

    /**
     * The language of error messages, sent as {@code X-TC-Language}: {@code en-US} or {@code zh-CN};
     * {@code null} for the API's default (the default).
     *
     * @param language the language
     * @return this builder
     * @throws IllegalArgumentException if it is neither
     */
    public B language(String language) {
        transport.language(language);
        return self();
    }

    /**
     * How long the default HTTP client waits to connect. Default 5 seconds.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is {@code null}, zero or negative
     */
    public B connectTimeout(Duration connectTimeout) {
        transport.connectTimeout(connectTimeout);
        return self();
    }

    /**
     * How long each attempt waits for its whole answer. Default 30 seconds; never infinite. The service may still
     * carry out a timed-out attempt, so only actions that are safe to repeat retry it.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is {@code null}, zero or negative
     */
    public B requestTimeout(Duration requestTimeout) {
        transport.requestTimeout(requestTimeout);
        return self();
    }

    /**
     * The deadline of a whole call: its attempts, backoff and rate-limit waits together. Default: none.
     *
     * @param callTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is {@code null}, zero or negative
     */
    public B callTimeout(Duration callTimeout) {
        transport.callTimeout(callTimeout);
        return self();
    }

    /**
     * How long an event stream may send nothing before it fails and its connection is closed. Default 60 seconds;
     * the request timeout does not cut a stream that keeps sending.
     *
     * @param streamIdleTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is {@code null}, zero or negative
     */
    public B streamIdleTimeout(Duration streamIdleTimeout) {
        transport.streamIdleTimeout(streamIdleTimeout);
        return self();
    }

    /**
     * An HTTP client of your own (proxy with authentication, custom executor, ...). It must not follow redirects;
     * the client does not close it. Default: one per client.
     *
     * @param httpClient the HTTP client, or {@code null} for the default
     * @return this builder
     * @throws IllegalArgumentException if it follows redirects
     */
    public B httpClient(HttpClient httpClient) {
        transport.httpClient(httpClient);
        return self();
    }

    /**
     * The proxy of the default HTTP client, e.g.
     * {@code ProxySelector.of(new InetSocketAddress("proxy.example.com", 3128))}.
     *
     * @param proxy the proxy
     * @return this builder
     */
    public B proxy(ProxySelector proxy) {
        transport.proxy(proxy);
        return self();
    }

    /**
     * The TLS context of the default HTTP client, e.g. one trusting a corporate CA.
     *
     * @param sslContext the TLS context
     * @return this builder
     */
    public B sslContext(SSLContext sslContext) {
        transport.sslContext(sslContext);
        return self();
    }

    /**
     * The {@code User-Agent} header. Default {@code tcgen/<version>}.
     *
     * @param userAgent the user agent
     * @return this builder
     * @throws IllegalArgumentException if it is {@code null} or blank
     */
    public B userAgent(String userAgent) {
        transport.userAgent(userAgent);
        return self();
    }

    /**
     * The largest response body read; a larger one is an invalid response. Default 16 MiB.
     *
     * @param maxResponseBytes a positive number of bytes
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public B maxResponseBytes(int maxResponseBytes) {
        transport.maxResponseBytes(maxResponseBytes);
        return self();
    }

    /**
     * Which failures are retried and how: {@code RetryPolicy.defaults()} (up to 3 retries, backoff from 200 ms to
     * 5 s with full jitter), {@code RetryPolicy.none()}, or {@code RetryPolicy.builder()...build()}.
     *
     * @param retryPolicy the retry policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        transport.retryPolicy(retryPolicy);
        return self();
    }

    /**
     * What a call does when its action's rate limit is reached: {@code WAIT} its turn (the default; an async call
     * holds no thread meanwhile), {@code FAIL_FAST} with {@code ClientError.RateLimited}, or {@code OFF}: no
     * client-side limit.
     *
     * @param rateLimitMode the mode
     * @return this builder
     */
    public B rateLimitMode(RateLimitMode rateLimitMode) {
        transport.rateLimitMode(rateLimitMode);
        return self();
    }

    /**
     * Sets the client-side rate limit of one action instead of its documented one (the client's
     * {@code RATE_LIMITS}), e.g. lower when several processes share the account's quota.
     *
     * @param action the action's name, e.g. {@code DescribeInstances}
     * @param perSecond the most calls in any one second, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the client has no such action, or the limit is less than 1
     */
    public B rateLimit(String action, int perSecond) {
        transport.rateLimit(requireAction(action), perSecond);
        return self();
    }

    /**
     * Limits one action's calls with a limiter that other clients, or other actions of one quota, may share,
     * instead of its documented limit.
     *
     * @param action the action's name, e.g. {@code DescribeInstances}
     * @param limiter the limiter
     * @return this builder
     * @throws IllegalArgumentException if the client has no such action
     */
    public B rateLimit(String action, RateLimiter limiter) {
        transport.rateLimit(requireAction(action), limiter);
        return self();
    }

    /**
     * Where calls are logged. Default: {@code System.getLogger} of the runtime's {@code ApiTransport}.
     *
     * @param logger the logger
     * @return this builder
     */
    public B logger(System.Logger logger) {
        transport.logger(logger);
        return self();
    }

    /**
     * The clocks and timer of rate limits, backoff and signatures. Default {@code Scheduler.system()}; tests pass
     * a virtual clock.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public B scheduler(Scheduler scheduler) {
        transport.scheduler(scheduler);
        return self();
    }

    /**
     * Adds an interceptor, called around every attempt of every call, after those added before: before the
     * attempt is signed (to add headers) and after its answer or failure. See {@code Interceptor} for the order,
     * the threads, and what happens when it throws.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public B interceptor(Interceptor interceptor) {
        transport.interceptor(interceptor);
        return self();
    }

    /**
     * Adds a metrics listener, given the metrics of every call when it ends (attempts, latency, HTTP status, error
     * code, time waited for rate limits and backoff), after those added before. See {@code MetricsListener}.
     *
     * @param metricsListener the listener
     * @return this builder
     */
    public B metricsListener(MetricsListener metricsListener) {
        transport.metricsListener(metricsListener);
        return self();
    }

    /**
     * Whether calling an action in a region its documentation does not list fails before anything is sent, with
     * {@code ClientError.UnsupportedRegion}: {@code true} by default. Pass {@code false} to call an action in a
     * region Tencent opened for it after this client was generated. Protected: the builder of a service some of
     * whose actions list regions makes it public; elsewhere there is nothing to check.
     *
     * @param checkRegions whether to check
     * @return this builder
     */
    protected B checkRegions(boolean checkRegions) {
        transport.checkRegions(checkRegions);
        return self();
    }

    /**
     * The region set, for the generated {@code build()}.
     *
     * @return the region, or {@code null} if none was set
     */
    protected final R configuredRegion() {
        return region;
    }

    /**
     * The transport for a new client, once the region and endpoint are consistent.
     *
     * @return a new transport
     * @throws IllegalStateException if the service requires a region and none was set, if the regional endpoint
     *     was chosen without a region, or if an HTTP client was given together with a proxy or TLS context
     */
    protected final ApiTransport buildTransport() {
        if (region == null && (service.regionRequired() || regionalEndpoint)) {
            throw new IllegalStateException((service.regionRequired() ? "region is required"
                    : "regionalEndpoint() needs a region") + ": call region(...) on the " + service.client()
                    + " builder with a Region constant or Region.of(\"ap-guangzhou\")");
        }
        if (regionalEndpoint) {
            transport.endpoint(URI.create(service.regionalEndpoint().replace(REGION_PLACEHOLDER, region.id())));
        }
        return transport.build();
    }

    private String requireAction(String action) {
        if (!service.actions().contains(action)) {
            throw new IllegalArgumentException(service.client() + " has no action " + action);
        }
        return action;
    }
}

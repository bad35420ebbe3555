package dev.tcgen.generator.emit;

import com.palantir.javapoet.ClassName;

/**
 * The classes of the shared {@code core} package, by name: what the core emitters write and what the service
 * emitters refer to. One place, so the two never disagree.
 *
 * @param packageName the core package, e.g. {@code dev.tcgen.client.core}
 */
public record CoreTypes(String packageName) {

    /** Secret id, secret key and optional token; also the simplest {@link #credentialsProvider()}. */
    public ClassName credentials() {
        return type("Credentials");
    }

    /** Supplies {@link #credentials()} for each call. */
    public ClassName credentialsProvider() {
        return type("CredentialsProvider");
    }

    /** TC3-HMAC-SHA256 request signing. */
    public ClassName signer() {
        return type("Tc3Signer");
    }

    /** Serialises, signs, sends and parses one API call over the JDK HttpClient. */
    public ClassName transport() {
        return type("ApiTransport");
    }

    /** Creates a service's own exception type from an API or client error. */
    public ClassName exceptionFactory() {
        return type("ServiceExceptionFactory");
    }

    /** The base of every service exception. */
    public ClassName baseException() {
        return type("TencentCloudException");
    }

    /** The configured Jackson {@code ObjectMapper}. */
    public ClassName json() {
        return type("Json");
    }

    /** Writes a {@code Long} holding an unsigned 64-bit value as an unsigned JSON number. */
    public ClassName unsignedLongSerializer() {
        return type("UnsignedLongSerializer");
    }

    /** Reads an unsigned JSON number up to 2^64-1 into a {@code Long}. */
    public ClassName unsignedLongDeserializer() {
        return type("UnsignedLongDeserializer");
    }

    /** Time and timers for the transport: the monotonic clock, the wall clock and non-blocking delays. */
    public ClassName scheduler() {
        return type("Scheduler");
    }

    /** How many attempts a call may make and how long to wait between them. */
    public ClassName retryPolicy() {
        return type("RetryPolicy");
    }

    /** Spaces the calls of one action so that no one-second window holds more than its limit. */
    public ClassName rateLimiter() {
        return type("RateLimiter");
    }

    /** What a call does when its action's rate limit is reached: wait, fail or ignore the limit. */
    public ClassName rateLimitMode() {
        return type("RateLimitMode");
    }

    /** One call in progress: rate limit, sign, send, read, retry, log (package-private). */
    public ClassName apiCall() {
        return type("ApiCall");
    }

    /** Reads a response body into the response object or the service exception (package-private). */
    public ClassName responseReader() {
        return type("ResponseReader");
    }

    /** Collects a response body up to a size limit (package-private). */
    public ClassName boundedBody() {
        return type("BoundedBody");
    }

    /** Thrown by a {@link #credentialsProvider()} that has no credentials to give. */
    public ClassName credentialsException() {
        return type("CredentialsException");
    }

    /** Credentials from {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY} and {@code TENCENTCLOUD_TOKEN}. */
    public ClassName environmentCredentials() {
        return type("EnvironmentCredentialsProvider");
    }

    /** Credentials from a profile of {@code ~/.tencentcloud/credentials}. */
    public ClassName profileCredentials() {
        return type("ProfileCredentialsProvider");
    }

    /** The first credentials that one of several providers gives; the default chain. */
    public ClassName credentialsChain() {
        return type("CredentialsProviderChain");
    }

    /** Caches expiring credentials and refreshes them before they expire. */
    public ClassName cachingCredentials() {
        return type("CachingCredentialsProvider");
    }

    private ClassName type(String simpleName) {
        return ClassName.get(packageName, simpleName);
    }
}

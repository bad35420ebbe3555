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

    private ClassName type(String simpleName) {
        return ClassName.get(packageName, simpleName);
    }
}

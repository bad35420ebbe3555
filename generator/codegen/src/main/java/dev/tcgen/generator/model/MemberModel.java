package dev.tcgen.generator.model;

/**
 * A member of a request, response or structure.
 *
 * @param wireName the exact JSON name, e.g. {@code SdkAppId}
 * @param javaName the field, accessor and builder method name, e.g. {@code sdkAppId}; never a Java keyword, and
 *     unique within its class (two wire names differing only in case keep two distinct Java names)
 * @param type the resolved type
 * @param required whether the member is required
 * @param description documentation text, plain
 * @param example an example value as documented, or empty
 * @param deprecated whether the member is deprecated
 * @param sensitive whether the value is a secret (a password, key, token or signature) that {@code toString()} masks
 */
public record MemberModel(
        String wireName,
        String javaName,
        TypeModel type,
        boolean required,
        String description,
        String example,
        boolean deprecated,
        boolean sensitive) {}

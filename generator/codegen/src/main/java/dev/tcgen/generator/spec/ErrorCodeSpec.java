package dev.tcgen.generator.spec;

/**
 * An error code the service may return.
 *
 * @param pointer where it is in its file
 * @param code the code, e.g. {@code FailedOperation.CRUnsupportMethod}
 * @param description what it means
 * @param common whether it is one of Tencent Cloud's common error codes
 */
public record ErrorCodeSpec(String pointer, String code, String description, boolean common) {}

package dev.tcgen.generator.model;

/**
 * An error code and its enum constant.
 *
 * @param code the code as the API returns it, e.g. {@code AuthFailure.UnRealNameAuthenticated}
 * @param constantName the enum constant, e.g. {@code AUTH_FAILURE_UN_REAL_NAME_AUTHENTICATED}
 * @param description documentation text, plain
 * @param common whether it is one of Tencent Cloud's common error codes, shared by every service
 */
public record ErrorCodeModel(String code, String constantName, String description, boolean common) {}

package dev.tcgen.generator.importer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tencent Cloud's common error codes: every API 3.0 service may return them, whatever its own documentation lists.
 * An imported spec declares all of them, marked {@code common}; a doc page's description of one of them replaces the
 * generic one here.
 */
public final class CommonErrorCodes {

    private static final List<SpecDraft.ErrorCode> CODES = List.of(
            common("AuthFailure.InvalidSecretId", "Invalid key (not a Tencent Cloud API key)."),
            common("AuthFailure.MFAFailure", "MFA verification failed."),
            common("AuthFailure.SecretIdNotFound", "The key does not exist: it may have been deleted or disabled, "
                    + "or it was entered wrongly (with spaces around it, for example)."),
            common("AuthFailure.SignatureExpire", "The signature has expired: the request timestamp and the server "
                    + "time differ by more than five minutes."),
            common("AuthFailure.SignatureFailure", "Invalid signature: the signature was calculated wrongly."),
            common("AuthFailure.TokenFailure", "Invalid token (temporary credentials)."),
            common("AuthFailure.UnauthorizedOperation", "The request is not authorized by CAM."),
            common("DryRunOperation", "The request would have succeeded, but the DryRun parameter was set."),
            common("FailedOperation", "Operation failed."),
            common("InternalError", "Internal error."),
            common("InvalidAction", "The API does not exist."),
            common("InvalidParameter", "Parameter error."),
            common("InvalidParameterValue", "Invalid parameter value."),
            common("LimitExceeded", "A quota limit was exceeded."),
            common("MissingParameter", "Missing parameter."),
            common("NoSuchVersion", "The API version does not exist."),
            common("RequestLimitExceeded", "Too many requests: the request rate limit was exceeded."),
            common("ResourceInUse", "The resource is in use."),
            common("ResourceInsufficient", "Insufficient resources."),
            common("ResourceNotFound", "The resource does not exist."),
            common("ResourceUnavailable", "The resource is unavailable."),
            common("UnauthorizedOperation", "Unauthorized operation."),
            common("UnknownParameter", "Unknown parameter."),
            common("UnsupportedOperation", "Unsupported operation."),
            common("UnsupportedProtocol", "Unsupported HTTP(S) request method: only GET and POST are supported."),
            common("UnsupportedRegion", "The API does not support the requested region."));

    private static final Map<String, SpecDraft.ErrorCode> BY_CODE =
            CODES.stream().collect(Collectors.toUnmodifiableMap(SpecDraft.ErrorCode::code, Function.identity()));

    private CommonErrorCodes() {}

    /** All common codes, sorted by code. */
    public static List<SpecDraft.ErrorCode> all() {
        return CODES;
    }

    /** The common code of that name, if it is one. */
    public static Optional<SpecDraft.ErrorCode> get(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    private static SpecDraft.ErrorCode common(String code, String description) {
        return new SpecDraft.ErrorCode(code, description, true);
    }
}

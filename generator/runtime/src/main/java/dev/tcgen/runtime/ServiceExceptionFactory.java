package dev.tcgen.runtime;


/**
 * Creates a service's own exception from an error, so that the shared transport can throw, say, a
 * {@code TrtcException} without knowing the type.
 *
 * <p>Its method has the shape of the {@link TencentCloudException} constructor, so a service
 * exception's constructor is a factory:
 *
 * <pre>{@code
 * ServiceExceptionFactory<TrtcException> exceptions = TrtcException::new;
 * }</pre>
 *
 * @param <E> the exception type the service throws
 */
@FunctionalInterface
public interface ServiceExceptionFactory<E extends TencentCloudException> {
    /**
     * Creates (does not throw) the exception for one failed call.
     *
     * @param code the error code, from the API (e.g. {@code ResourceNotFound}) or one of the
     *     {@code CLIENT_*} codes of {@link TencentCloudException}
     * @param message what went wrong, in the API's words or the client's
     * @param requestId the id of the request, or {@code null} when no response carried one
     * @param httpStatus the HTTP status of the response, or {@code 0} when none was received
     * @param cause the underlying exception, or {@code null}
     * @return the exception to throw
     */
    E create(String code, String message, String requestId, int httpStatus, Throwable cause);
}

package dev.tcgen.generator.model;

import com.palantir.javapoet.ClassName;
import dev.tcgen.runtime.Idempotency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One API action with its Java names.
 *
 * @param wireName the action as sent in {@code X-TC-Action}, e.g. {@code StopPublishCdnStream}
 * @param methodName the client method, e.g. {@code stopPublishCdnStream}
 * @param request the request class
 * @param response the response class
 * @param description documentation text, plain (not yet escaped for Javadoc)
 * @param input request members, in spec order
 * @param output response members, in spec order, always ending with or containing {@code RequestId}
 * @param supportedRegions the regions the action supports; empty when it supports all the service's regions
 * @param rateLimitPerSecond the documented maximum number of requests per second, if any
 * @param idempotency whether the action may be sent again after a failure that may have delivered it
 * @param errorCodes the error codes documented for this action, sorted by code
 * @param examples documented examples
 * @param exampleResponse the {@code Response} object of the first example that has one, as compact JSON, or empty
 * @param paging how the action pages, if it does
 * @param deprecated whether the action is deprecated
 * @param streaming whether its answer is, or may be, an event stream: the client gets streaming methods for it
 */
public record ActionModel(
        String wireName,
        String methodName,
        ClassName request,
        ClassName response,
        String description,
        List<MemberModel> input,
        List<MemberModel> output,
        List<RegionModel> supportedRegions,
        OptionalInt rateLimitPerSecond,
        Idempotency idempotency,
        List<ErrorCodeModel> errorCodes,
        List<ExampleModel> examples,
        String exampleResponse,
        Optional<PagingModel> paging,
        boolean deprecated,
        boolean streaming) {

    public ActionModel {
        input = List.copyOf(input);
        output = List.copyOf(output);
        supportedRegions = List.copyOf(supportedRegions);
        errorCodes = List.copyOf(errorCodes);
        examples = List.copyOf(examples);
    }
}

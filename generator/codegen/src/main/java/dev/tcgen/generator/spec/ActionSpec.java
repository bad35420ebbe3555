package dev.tcgen.generator.spec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An action as written in the spec.
 *
 * @param pointer where it is in its file
 * @param name the action name, e.g. {@code StopPublishCdnStream}
 * @param title a short title, possibly empty
 * @param description documentation, possibly empty
 * @param input request members
 * @param output response members
 * @param regions the supported regions, when the action names them; otherwise it supports all the service's regions
 * @param rateLimit the documented maximum number of requests per second, if any
 * @param idempotent whether the action may be sent again when an attempt may have been delivered, when the spec
 *     says; otherwise the model decides by the action's name and members
 * @param paging how the action pages, or that it does not ({@link PagingSpec#paged()} false), when the spec says;
 *     otherwise the model applies its rules
 * @param errorCodes the error codes documented for the action
 * @param examples documented examples
 * @param deprecated whether the action is deprecated
 * @param streaming whether its answer is, or may be, an event stream (Server-Sent Events)
 */
public record ActionSpec(
        String pointer,
        String name,
        String title,
        String description,
        List<MemberSpec> input,
        List<MemberSpec> output,
        Optional<List<String>> regions,
        OptionalInt rateLimit,
        Optional<Boolean> idempotent,
        Optional<PagingSpec> paging,
        List<String> errorCodes,
        List<ExampleSpec> examples,
        boolean deprecated,
        boolean streaming) {

    public ActionSpec {
        input = List.copyOf(input);
        output = List.copyOf(output);
        regions = regions.map(List::copyOf);
        errorCodes = List.copyOf(errorCodes);
        examples = List.copyOf(examples);
    }
}

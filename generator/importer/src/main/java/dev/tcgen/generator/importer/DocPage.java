package dev.tcgen.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one API documentation page says about its action, as {@link DocPageParser} reads it from the page's text.
 *
 * @param source the page file as the user named it
 * @param action the action name, e.g. {@code StopPublishCdnStream}
 * @param actionOrigin where the page names it
 * @param domain the request domain, e.g. {@code trtc.intl.tencentcloudapi.com}
 * @param version the API version the page documents, or empty
 * @param description the action's description, or empty
 * @param descriptionOrigin where the description starts
 * @param regions the regions the action only supports, when the page says so
 * @param regionsOrigin where it says so
 * @param rateLimit the maximum number of requests per second, when the page says so
 * @param rateLimitOrigin where it says so
 * @param input the request parameters, common parameters (Action, Version, Region) left out
 * @param output the response parameters
 * @param examples the examples, those whose answer is an event stream left out
 * @param eventStreamExample whether an example answer is an event stream ({@link StreamingRule})
 * @param errorCodes the error codes listed for the action, with their descriptions
 * @param warnings what was repaired while reading the page (e.g. an example read leniently)
 */
public record DocPage(
        String source,
        String action,
        Origin actionOrigin,
        String domain,
        String version,
        String description,
        Origin descriptionOrigin,
        Optional<List<String>> regions,
        Origin regionsOrigin,
        OptionalInt rateLimit,
        Origin rateLimitOrigin,
        List<Parameter> input,
        List<Parameter> output,
        List<SpecDraft.Example> examples,
        boolean eventStreamExample,
        List<ErrorCodeRow> errorCodes,
        List<ImportMessage> warnings) {

    public DocPage {
        regions = regions.map(List::copyOf);
        input = List.copyOf(input);
        output = List.copyOf(output);
        examples = List.copyOf(examples);
        errorCodes = List.copyOf(errorCodes);
        warnings = List.copyOf(warnings);
    }

    /**
     * A row of a parameter table.
     *
     * @param name the parameter name
     * @param required whether the page says "Yes" (always false for output parameters, whose table has no column)
     * @param type the type as the page writes it: {@code Integer}, {@code String}, {@code Array of String},
     *     {@code McuLayoutParams}, ...
     * @param description its description, continuation lines included
     * @param origin its row
     */
    public record Parameter(String name, boolean required, String type, String description, Origin origin) {

        /** The spec type the page's type maps to when nothing more precise is known. */
        public String specType() {
            return type.startsWith(ARRAY_OF) ? "list" : scalarOrStructure(type);
        }

        /** The element type, for a list. */
        public Optional<String> specItems() {
            return type.startsWith(ARRAY_OF)
                    ? Optional.of(scalarOrStructure(type.substring(ARRAY_OF.length())))
                    : Optional.empty();
        }

        /**
         * Whether the page's type can describe the member: {@code Integer} covers {@code int64} and {@code uint64},
         * {@code String} the string-encoded scalars, and so on.
         */
        public boolean agreesWith(SpecDraft.Member member) {
            if (type.startsWith(ARRAY_OF)) {
                return member.type().equals("list")
                        && covers(type.substring(ARRAY_OF.length()), member.items().orElse(""));
            }
            return covers(type, member.type());
        }
    }

    /**
     * A row of the error code table.
     *
     * @param code e.g. {@code FailedOperation.CRUnsupportMethod}
     * @param description what it means, or empty
     * @param origin its row
     */
    public record ErrorCodeRow(String code, String description, Origin origin) {}

    static final String ARRAY_OF = "Array of ";

    private static final Map<String, String> SCALARS = Map.of(
            "Integer", "int64",
            "String", "string",
            "Boolean", "bool",
            "Float", "float",
            "Double", "float",
            "Timestamp", "datetime",
            "Timestamp ISO8601", "datetime_iso",
            "Date", "date",
            "Binary", "binary");

    private static final Map<String, Set<String>> COVERS = Map.of(
            "Integer", Set.of("int64", "uint64"),
            "String", Set.of("string", "date", "datetime", "datetime_iso", "binary"),
            "Boolean", Set.of("bool"),
            "Float", Set.of("float"),
            "Double", Set.of("float"),
            "Timestamp", Set.of("datetime", "datetime_iso", "date", "string"),
            "Timestamp ISO8601", Set.of("datetime_iso", "datetime", "string"),
            "Date", Set.of("date", "datetime", "string"),
            "Binary", Set.of("binary", "string"));

    private static String scalarOrStructure(String pageType) {
        return SCALARS.getOrDefault(pageType, pageType);
    }

    private static boolean covers(String pageType, String specType) {
        return COVERS.getOrDefault(pageType, Set.of(pageType)).contains(specType);
    }

    /** The service the request domain names: {@code trtc.intl.tencentcloudapi.com} → {@code trtc}. */
    public String service() {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    /**
     * The action as this page alone describes it: types as precise as the page's (Integer → int64), each scalar input
     * member's example taken from the first example's request, no title (a page has none).
     */
    public SpecDraft.Action toAction() {
        return new SpecDraft.Action(action, "", description,
                input.stream().map(p -> member(p, exampleValue(p.name()))).toList(),
                output.stream().map(p -> member(p, "")).toList(),
                regions, rateLimit, Optional.empty(), Optional.empty(),
                errorCodes.stream().map(ErrorCodeRow::code).sorted().toList(),
                examples, false, streaming(), actionOrigin);
    }

    /**
     * Whether the answer streams ({@link StreamingRule}): an example answer is an event stream, or the page says so in
     * its description or a parameter's.
     */
    public boolean streaming() {
        return eventStreamExample
                || StreamingRule.saysItStreams(description)
                || input.stream().anyMatch(p -> StreamingRule.saysItStreams(p.description()))
                || output.stream().anyMatch(p -> StreamingRule.saysItStreams(p.description()));
    }

    /** The page's example value of a top-level scalar input parameter: its value in the first example request. */
    String exampleValue(String parameter) {
        if (examples.isEmpty()) {
            return "";
        }
        JsonNode value = examples.get(0).request().get(parameter);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static SpecDraft.Member member(Parameter parameter, String example) {
        return new SpecDraft.Member(parameter.name(), parameter.specType(), parameter.specItems(),
                parameter.required(), parameter.description(), example, false, parameter.origin());
    }
}

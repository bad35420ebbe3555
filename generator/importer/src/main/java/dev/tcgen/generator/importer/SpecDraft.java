package dev.tcgen.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcgen.generator.spec.PagingSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A spec as the importers assemble it: the values of the spec format (see README, "The spec format"), each
 * remembering the input it came from. {@link SpecWriter} turns a draft into a spec file; the generator's reader and
 * validator then check it like any other spec.
 *
 * <p>Types are written as in the format: a scalar name ({@code string}, {@code uint64}, ...), {@code list} with
 * {@code items}, or a structure name. Empty strings stand for absent text.
 */
public final class SpecDraft {

    private SpecDraft() {}

    /**
     * One service version.
     *
     * @param schema the {@code $schema} reference to write, or empty
     * @param service the service name, e.g. {@code trtc}
     * @param version the API version, e.g. {@code 2019-07-22}
     * @param title a human-readable name, or empty
     * @param chinaEndpoint the China site host
     * @param internationalEndpoint the international site host
     * @param regions the service's regions, in display order
     * @param actions the actions
     * @param structures the shared structures
     * @param errorCodes the error codes, the service's and the common ones
     */
    public record Service(
            String schema,
            String service,
            String version,
            String title,
            String chinaEndpoint,
            String internationalEndpoint,
            List<Region> regions,
            List<Action> actions,
            List<Structure> structures,
            List<ErrorCode> errorCodes) {

        public Service {
            regions = List.copyOf(regions);
            actions = List.copyOf(actions);
            structures = List.copyOf(structures);
            errorCodes = List.copyOf(errorCodes);
        }

        public Service withActions(List<Action> newActions) {
            return new Service(schema, service, version, title, chinaEndpoint, internationalEndpoint, regions,
                    newActions, structures, errorCodes);
        }

        public Service withStructures(List<Structure> newStructures) {
            return new Service(schema, service, version, title, chinaEndpoint, internationalEndpoint, regions,
                    actions, newStructures, errorCodes);
        }

        public Service withHeader(String newSchema, String newTitle, String newChinaEndpoint,
                String newInternationalEndpoint, List<Region> newRegions) {
            return new Service(newSchema, service, version, newTitle, newChinaEndpoint, newInternationalEndpoint,
                    newRegions, actions, structures, errorCodes);
        }

        public Service withErrorCodes(List<ErrorCode> newErrorCodes) {
            return new Service(schema, service, version, title, chinaEndpoint, internationalEndpoint, regions,
                    actions, structures, newErrorCodes);
        }

        /** The action of that name, if any. */
        public Optional<Action> action(String name) {
            return actions.stream().filter(a -> a.name().equals(name)).findFirst();
        }

        /** The structure of that name, if any. */
        public Optional<Structure> structure(String name) {
            return structures.stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    /**
     * A region of the service.
     *
     * @param id e.g. {@code ap-guangzhou}
     * @param name the English display name, or empty
     */
    public record Region(String id, String name) {}

    /**
     * An action.
     *
     * @param name e.g. {@code StopPublishCdnStream}
     * @param title a short title, or empty
     * @param description what it does, or empty
     * @param input request members, in documentation order
     * @param output response members, in documentation order
     * @param regions the supported regions when documented; absent means all the service's regions
     * @param rateLimit the documented maximum number of requests per second
     * @param idempotent whether the action may be sent again after a failure that may have delivered it, when an
     *     overlay says so
     * @param paging how the action pages, or that it does not, as the overlay or the paging rules state it (no
     *     pointer); absent when neither says
     * @param errorCodes the codes documented for the action
     * @param examples documented example calls
     * @param deprecated whether the action is deprecated
     * @param streaming whether its answer is, or may be, an event stream ({@link StreamingRule})
     * @param origin where the action is described
     */
    public record Action(
            String name,
            String title,
            String description,
            List<Member> input,
            List<Member> output,
            Optional<List<String>> regions,
            OptionalInt rateLimit,
            Optional<Boolean> idempotent,
            Optional<PagingSpec> paging,
            List<String> errorCodes,
            List<Example> examples,
            boolean deprecated,
            boolean streaming,
            Origin origin) {

        public Action {
            input = List.copyOf(input);
            output = List.copyOf(output);
            regions = regions.map(List::copyOf);
            errorCodes = List.copyOf(errorCodes);
            examples = List.copyOf(examples);
        }

        /** A builder holding this action's values, to change some of them. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** Changes some values of an action. */
        public static final class Builder {
            private final Action from;
            private String title;
            private String description;
            private List<Member> input;
            private List<Member> output;
            private Optional<List<String>> regions;
            private OptionalInt rateLimit;
            private Optional<Boolean> idempotent;
            private Optional<PagingSpec> paging;
            private List<String> errorCodes;
            private List<Example> examples;
            private boolean deprecated;
            private boolean streaming;

            private Builder(Action from) {
                this.from = from;
                this.title = from.title;
                this.description = from.description;
                this.input = from.input;
                this.output = from.output;
                this.regions = from.regions;
                this.rateLimit = from.rateLimit;
                this.idempotent = from.idempotent;
                this.paging = from.paging;
                this.errorCodes = from.errorCodes;
                this.examples = from.examples;
                this.deprecated = from.deprecated;
                this.streaming = from.streaming;
            }

            public Builder title(String value) {
                this.title = value;
                return this;
            }

            public Builder description(String value) {
                this.description = value;
                return this;
            }

            public Builder input(List<Member> value) {
                this.input = value;
                return this;
            }

            public Builder output(List<Member> value) {
                this.output = value;
                return this;
            }

            public Builder regions(Optional<List<String>> value) {
                this.regions = value;
                return this;
            }

            public Builder rateLimit(OptionalInt value) {
                this.rateLimit = value;
                return this;
            }

            public Builder idempotent(Optional<Boolean> value) {
                this.idempotent = value;
                return this;
            }

            public Builder paging(Optional<PagingSpec> value) {
                this.paging = value;
                return this;
            }

            public Builder errorCodes(List<String> value) {
                this.errorCodes = value;
                return this;
            }

            public Builder examples(List<Example> value) {
                this.examples = value;
                return this;
            }

            public Builder deprecated(boolean value) {
                this.deprecated = value;
                return this;
            }

            public Builder streaming(boolean value) {
                this.streaming = value;
                return this;
            }

            public Action build() {
                return new Action(from.name, title, description, input, output, regions, rateLimit, idempotent,
                        paging, errorCodes, examples, deprecated, streaming, from.origin);
            }
        }
    }

    /**
     * A shared structure.
     *
     * @param name e.g. {@code McuLayoutParams}
     * @param description what it holds, or empty
     * @param members its members, in documentation order
     * @param deprecated whether it is deprecated
     * @param origin where it is described
     */
    public record Structure(String name, String description, List<Member> members, boolean deprecated, Origin origin) {

        public Structure {
            members = List.copyOf(members);
        }

        public Structure withMembers(List<Member> newMembers) {
            return new Structure(name, description, newMembers, deprecated, origin);
        }

        public Structure withDescription(String newDescription, boolean newDeprecated) {
            return new Structure(name, newDescription, members, newDeprecated, origin);
        }
    }

    /**
     * A member of a request, a response or a structure.
     *
     * @param name the exact wire name
     * @param type a scalar name, {@code list}, or a structure name
     * @param items the element type of a list
     * @param required whether the member must be present
     * @param description what it means, or empty
     * @param example a documented example value, or empty
     * @param deprecated whether it is deprecated
     * @param origin where it is described
     */
    public record Member(
            String name,
            String type,
            Optional<String> items,
            boolean required,
            String description,
            String example,
            boolean deprecated,
            Origin origin) {

        /** The type as one phrase: {@code uint64}, {@code list of McuUserInfoParams}. */
        public String typeDescription() {
            return items.map(element -> type + " of " + element).orElse(type);
        }

        public Member withType(String newType, Optional<String> newItems) {
            return new Member(name, newType, newItems, required, description, example, deprecated, origin);
        }

        public Member withRequired(boolean newRequired) {
            return new Member(name, type, items, newRequired, description, example, deprecated, origin);
        }

        public Member withDescription(String newDescription) {
            return new Member(name, type, items, required, newDescription, example, deprecated, origin);
        }

        public Member withExample(String newExample) {
            return new Member(name, type, items, required, description, newExample, deprecated, origin);
        }

        public Member withDeprecated(boolean newDeprecated) {
            return new Member(name, type, items, required, description, example, newDeprecated, origin);
        }
    }

    /**
     * A documented example call.
     *
     * @param title what it shows
     * @param request the JSON request body (an object)
     * @param response the whole JSON response body (an object with the {@code Response} envelope)
     * @param origin where the example is
     */
    public record Example(String title, JsonNode request, JsonNode response, Origin origin) {

        /** Whether both examples show the same call (titles and origins aside). */
        public boolean sameCallAs(Example other) {
            return request.equals(other.request) && response.equals(other.response);
        }
    }

    /**
     * An error code.
     *
     * @param code e.g. {@code FailedOperation.CRUnsupportMethod}
     * @param description what it means, or empty
     * @param common whether it is one of Tencent Cloud's common error codes
     */
    public record ErrorCode(String code, String description, boolean common) {}
}

package dev.tcgen.generator.importer;

import dev.tcgen.generator.spec.SpecFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scalar type at a parameter path of a request, such as {@code UserIds.0} or {@code MixParams.Layout.Width}: used
 * to give the values of a query-string example their JSON types.
 */
final class MemberTypes {

    private final List<SpecDraft.Member> input;
    private final Function<String, Optional<SpecDraft.Structure>> structures;

    MemberTypes(List<SpecDraft.Member> input, Function<String, Optional<SpecDraft.Structure>> structures) {
        this.input = input;
        this.structures = structures;
    }

    /** No members known: every value is taken as a string. */
    static MemberTypes none() {
        return new MemberTypes(List.of(), name -> Optional.empty());
    }

    /**
     * The scalar type of the value at the path, e.g. {@code [UserIds, 0]} of a list of strings is {@code string};
     * empty if the path names no member or ends at a structure.
     */
    Optional<String> scalarType(List<String> path) {
        List<SpecDraft.Member> members = input;
        int i = 0;
        while (i < path.size()) {
            String name = path.get(i++);
            Optional<SpecDraft.Member> member = members.stream().filter(m -> m.name().equals(name)).findFirst();
            if (member.isEmpty()) {
                return Optional.empty();
            }
            String type = member.get().type();
            if (type.equals("list")) {
                type = member.get().items().orElse("");
                if (i < path.size() && isIndex(path.get(i))) {
                    i++;
                }
            }
            if (i == path.size()) {
                return SpecFormat.SCALAR_TYPES.contains(type) ? Optional.of(type) : Optional.empty();
            }
            Optional<SpecDraft.Structure> structure = structures.apply(type);
            if (structure.isEmpty()) {
                return Optional.empty();
            }
            members = structure.get().members();
        }
        return Optional.empty();
    }

    static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }
}

package dev.tcgen.generator.spec;

import java.util.List;

/**
 * A shared structure as written in the spec.
 *
 * @param pointer where it is in its file
 * @param name the structure name, e.g. {@code McuLayoutParams}
 * @param description documentation, possibly empty
 * @param members its members
 * @param deprecated whether it is deprecated
 */
public record StructureSpec(
        String pointer, String name, String description, List<MemberSpec> members, boolean deprecated) {

    public StructureSpec {
        members = List.copyOf(members);
    }
}

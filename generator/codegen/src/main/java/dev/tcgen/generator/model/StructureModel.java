package dev.tcgen.generator.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A shared structure: a value class used by requests, responses or other structures (possibly itself).
 *
 * @param wireName the structure's name in the spec
 * @param className the Java class
 * @param description documentation text, plain
 * @param members members in spec order
 * @param deprecated whether the structure is deprecated
 */
public record StructureModel(
        String wireName, ClassName className, String description, List<MemberModel> members, boolean deprecated) {

    public StructureModel {
        members = List.copyOf(members);
    }
}

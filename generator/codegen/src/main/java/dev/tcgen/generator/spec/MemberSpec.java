package dev.tcgen.generator.spec;

import java.util.Optional;

/**
 * A member of a request, response or structure, as written in the spec.
 *
 * @param pointer where it is in its file
 * @param name the exact wire name
 * @param type a scalar type name, {@code list}, or a structure name
 * @param items for a list, the element type: a scalar type name or a structure name
 * @param required whether the member is required
 * @param description documentation, possibly empty
 * @param example an example value, possibly empty
 * @param deprecated whether it is deprecated
 */
public record MemberSpec(
        String pointer,
        String name,
        String type,
        Optional<String> items,
        boolean required,
        String description,
        String example,
        boolean deprecated) {}

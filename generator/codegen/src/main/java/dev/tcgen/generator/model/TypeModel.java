package dev.tcgen.generator.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** The resolved type of a member: a scalar, a list, or a reference to a structure. */
public sealed interface TypeModel {

    /** The Java type of a member of this type (boxed, since every member may be absent). */
    TypeName javaType();

    /** A scalar type. */
    record Scalar(ScalarKind kind) implements TypeModel {
        @Override
        public TypeName javaType() {
            return kind.javaType();
        }
    }

    /** An immutable list of elements of another type. */
    record ListOf(TypeModel element) implements TypeModel {
        @Override
        public TypeName javaType() {
            return ParameterizedTypeName.get(ClassName.get(List.class), element.javaType());
        }
    }

    /** A reference to a shared structure, which may be the structure that contains the member. */
    record StructureRef(String wireName, ClassName className) implements TypeModel {
        @Override
        public TypeName javaType() {
            return className;
        }
    }
}

package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.Naming;
import dev.tcgen.generator.model.TypeModel;
import dev.tcgen.runtime.ReadProblem;
import dev.tcgen.runtime.ToStringBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits an immutable value class with a builder: the shape shared by requests, responses and structures.
 *
 * <p>Each member becomes a private final field, an accessor named like the member ({@code sdkAppId()}) and a builder
 * method. The JSON codec ({@link JsonCodecEmitter}) writes and reads the exact wire names: absent members are
 * {@code null} and left out of the JSON. Lists are immutable. A response also has {@code problems()}: the values of
 * the answer it could not read.
 *
 * <p>Generated methods refer to fields as {@code this.name}: a member may be named like one of their parameters or
 * locals ({@code Other}, {@code That}, {@code Joiner}, {@code Missing}), which would otherwise hide the field.
 */
final class ValueClassEmitter {

    /**
     * The most members one expression of {@code equals} ({@code &&}) or {@code toString} (calls) chains: javac
     * attributes such a chain recursively, and a class of a thousand members overflowed its stack. Longer classes
     * take several steps.
     */
    private static final int CHAIN = 64;

    /** What a value class is for: what it is sent or read as. */
    enum Kind {
        /** Written only; {@code build()} rejects absent required members. */
        REQUEST,
        /** Read (with its problems) and written; accepts whatever the server sends. */
        RESPONSE,
        /** Part of requests and responses: read and written. */
        STRUCTURE
    }

    /**
     * What to emit.
     *
     * @param className the class
     * @param javadoc its Javadoc
     * @param members its members
     * @param kind what the class is for
     * @param deprecated whether the class is deprecated
     */
    record ValueClass(ClassName className, CodeBlock javadoc, List<MemberModel> members, Kind kind, boolean deprecated) {

        boolean checkRequired() {
            return kind == Kind.REQUEST;
        }

        boolean response() {
            return kind == Kind.RESPONSE;
        }
    }

    /** The field and accessor of a response's problems; the model keeps members from that name. */
    private static final String PROBLEMS = Naming.PROBLEMS_METHOD;

    private final GeneratedFiles files;
    private final JsonCodecEmitter codec;
    private final TypeName problemList;
    private final ClassName toStringBuilder;

    ValueClassEmitter(RuntimeTypes runtime, GeneratedFiles files) {
        this.files = files;
        this.toStringBuilder = runtime.get(ToStringBuilder.class);
        this.codec = new JsonCodecEmitter(runtime);
        this.problemList = ParameterizedTypeName.get(ClassName.get(List.class), runtime.get(ReadProblem.class));
    }

    TypeSpec emit(ValueClass value) {
        ClassName builder = value.className().nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.classBuilder(value.className())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(value.javadoc())
                .addAnnotation(files.generatedAnnotation());
        if (value.deprecated()) {
            type.addAnnotation(Deprecated.class);
        }
        for (MemberModel member : value.members()) {
            type.addField(FieldSpec.builder(member.type().javaType(), member.javaName(), Modifier.PRIVATE,
                    Modifier.FINAL).build());
        }
        if (value.response()) {
            type.addField(FieldSpec.builder(problemList, PROBLEMS, Modifier.PRIVATE, Modifier.FINAL).build());
        }
        type.addMethod(constructor(value, builder));
        Set<String> names = value.members().stream().map(MemberModel::javaName).collect(Collectors.toSet());
        for (MemberModel member : value.members()) {
            type.addMethod(accessor(member));
            String has = hasMethodName(member);
            if (member.type() instanceof TypeModel.ListOf && !names.contains(has)) {
                type.addMethod(MethodSpec.methodBuilder(has)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN)
                        .addJavadoc("Whether {@code $L} is present, even if empty: {@link #$L()} returns an empty list "
                                + "for an\nabsent one.\n\n@return whether it is present\n", member.wireName(),
                                member.javaName())
                        .addStatement("return this.$N != null", member.javaName())
                        .build());
            }
        }
        if (value.response()) {
            type.addMethod(problems());
        }
        type.addMethod(builderFactory(value, builder));
        type.addMethod(toBuilder(builder));
        type.addMethod(equalsMethod(value));
        type.addMethod(hashCodeMethod(value));
        type.addMethod(toStringMethod(value));
        type.addMethod(codec.writeJson(value.members()));
        if (value.kind() != Kind.REQUEST) {
            type.addMethods(codec.readJson(value.className(), builder, value.members(), value.response()));
        }
        type.addType(builderType(value, builder));
        return type.build();
    }

    private MethodSpec problems() {
        return MethodSpec.methodBuilder(PROBLEMS)
                .addModifiers(Modifier.PUBLIC)
                .returns(problemList)
                .addJavadoc("The values of the answer that this client could not read as their declared types, and so "
                        + "left out: their\nmembers are absent, or their list elements missing. Each names where it "
                        + "was, the declared type\nand what came; the client logged them at WARNING when the answer "
                        + "arrived.\n\n@return an immutable list, empty when every value was read\n")
                .addStatement("return this.$N", PROBLEMS)
                .build();
    }

    private static MethodSpec constructor(ValueClass value, ClassName builder) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(builder, "builder");
        for (MemberModel member : value.members()) {
            constructor.addStatement("this.$N = builder.$N", member.javaName(), member.javaName());
        }
        if (value.response()) {
            constructor.addStatement("this.$N = builder.$N", PROBLEMS, PROBLEMS);
        }
        return constructor.build();
    }

    /** {@code hasUserList} for {@code userList}. */
    private static String hasMethodName(MemberModel member) {
        return "has" + Character.toUpperCase(member.javaName().charAt(0)) + member.javaName().substring(1);
    }

    private static MethodSpec accessor(MemberModel member) {
        MethodSpec.Builder accessor = MethodSpec.methodBuilder(member.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(member.type().javaType())
                .addJavadoc(MemberDocs.accessor(member));
        if (member.type() instanceof TypeModel.ListOf) {
            accessor.addStatement("return this.$N == null ? $T.of() : this.$N", member.javaName(), List.class,
                            member.javaName());
        } else {
            accessor.addStatement("return this.$N", member.javaName());
        }
        if (member.deprecated()) {
            accessor.addAnnotation(Deprecated.class);
        }
        return accessor.build();
    }

    private static MethodSpec builderFactory(ValueClass value, ClassName builder) {
        return MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A new, empty builder of {@code $L}.\n\n@return the builder\n", value.className().simpleName())
                .addStatement("return new $T()", builder)
                .build();
    }

    private static MethodSpec toBuilder(ClassName builder) {
        return MethodSpec.methodBuilder("toBuilder")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("A builder holding this object's values, to make a changed copy.\n\n@return the builder\n")
                .addStatement("return new $T(this)", builder)
                .build();
    }

    private static MethodSpec equalsMethod(ValueClass value) {
        MethodSpec.Builder equals = MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(Object.class, "other")
                .beginControlFlow("if (this == other)")
                .addStatement("return true")
                .endControlFlow();
        if (value.members().isEmpty()) {
            return equals.addStatement("return other instanceof $T", value.className()).build();
        }
        equals.beginControlFlow("if (!(other instanceof $T that))", value.className())
                .addStatement("return false")
                .endControlFlow();
        List<MemberModel> members = value.members();
        for (int start = 0; start < members.size(); start += CHAIN) {
            CodeBlock comparisons = members.subList(start, Math.min(members.size(), start + CHAIN)).stream()
                    .map(member -> CodeBlock.of("$T.equals(this.$N, that.$N)", Objects.class, member.javaName(),
                            member.javaName()))
                    .collect(CodeBlock.joining("\n&& "));
            if (start + CHAIN < members.size()) {
                equals.beginControlFlow("if (!($L))", comparisons).addStatement("return false").endControlFlow();
            } else {
                equals.addStatement("return $L", comparisons);
            }
        }
        return equals.build();
    }

    private static MethodSpec hashCodeMethod(ValueClass value) {
        MethodSpec.Builder hashCode = MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT);
        if (value.members().isEmpty()) {
            return hashCode.addStatement("return $T.class.hashCode()", value.className()).build();
        }
        String fields = value.members().stream().map(MemberModel::javaName).collect(Collectors.joining(", "));
        return hashCode.addStatement("return $T.hash($L)", Objects.class, fields).build();
    }

    /** {@code Name{Wire=value, ...}} with wire names, absent members left out and secrets masked. */
    private MethodSpec toStringMethod(ValueClass value) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class);
        if (value.members().stream().anyMatch(MemberModel::sensitive)) {
            method.addJavadoc("Secrets ($L) are masked.\n", value.members().stream()
                    .filter(MemberModel::sensitive).map(m -> "{@code " + m.wireName() + "}")
                    .collect(Collectors.joining(", ")));
        }
        List<MemberModel> members = value.members();
        if (members.isEmpty()) {
            return method.addStatement("return $S", value.className().simpleName() + "{}").build();
        }
        CodeBlock start = CodeBlock.of("new $T($S)", toStringBuilder, value.className().simpleName());
        if (members.size() <= CHAIN) {
            return method.addStatement("return $L$L\n.build()", start, toStringCalls(members)).build();
        }
        method.addStatement("$T text = $L", toStringBuilder, start);
        for (int from = 0; from < members.size(); from += CHAIN) {
            method.addStatement("text$L", toStringCalls(members.subList(from, Math.min(members.size(), from + CHAIN))));
        }
        return method.addStatement("return text.build()").build();
    }

    private static CodeBlock toStringCalls(List<MemberModel> members) {
        return members.stream()
                .map(member -> CodeBlock.of("\n.$L($S, this.$N)", member.sensitive() ? "addSecret" : "add",
                        member.wireName(), member.javaName()))
                .collect(CodeBlock.joining(""));
    }

    private TypeSpec builderType(ValueClass value, ClassName builder) {
        TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T} instances. Not thread-safe.\n", value.className());
        for (MemberModel member : value.members()) {
            type.addField(FieldSpec.builder(member.type().javaType(), member.javaName(), Modifier.PRIVATE).build());
        }
        if (value.response()) {
            type.addField(FieldSpec.builder(problemList, PROBLEMS, Modifier.PRIVATE)
                    .initializer("$T.of()", List.class).build());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(copyConstructor(value));
        for (MemberModel member : value.members()) {
            type.addMethod(setter(member, builder));
            if (member.type() instanceof TypeModel.Scalar scalar && scalar.javaType().equals(TypeName.LONG.box())) {
                type.addMethod(MethodSpec.methodBuilder(member.javaName())
                        .addModifiers(Modifier.PUBLIC)
                        .returns(builder)
                        .addParameter(TypeName.LONG, member.javaName())
                        .addJavadoc("Sets {@code $L} from a {@code long}, so that an {@code int} such as\n"
                                + "{@code 1400188366} needs no {@code L}.\n\n@param $L the value\n@return this builder\n",
                                member.wireName(), member.javaName())
                        .addStatement("return $N($T.valueOf($N))", member.javaName(), Long.class, member.javaName())
                        .build());
            }
        }
        type.addMethod(buildMethod(value));
        return type.build();
    }

    private static MethodSpec copyConstructor(ValueClass value) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(value.className(), "source");
        for (MemberModel member : value.members()) {
            constructor.addStatement("this.$N = source.$N", member.javaName(), member.javaName());
        }
        if (value.response()) {
            constructor.addStatement("this.$N = source.$N", PROBLEMS, PROBLEMS);
        }
        return constructor.build();
    }

    private static MethodSpec setter(MemberModel member, ClassName builder) {
        MethodSpec.Builder setter = MethodSpec.methodBuilder(member.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc(MemberDocs.setter(member))
                .addParameter(ParameterSpec.builder(member.type().javaType(), member.javaName()).build());
        if (member.deprecated()) {
            setter.addAnnotation(Deprecated.class);
        }
        if (member.type() instanceof TypeModel.ListOf) {
            setter.addStatement("this.$N = $N == null ? null : $T.copyOf($N)", member.javaName(), member.javaName(),
                    List.class, member.javaName());
        } else {
            setter.addStatement("this.$N = $N", member.javaName(), member.javaName());
        }
        return setter.addStatement("return this").build();
    }

    private static MethodSpec buildMethod(ValueClass value) {
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(value.className());
        List<MemberModel> required = value.checkRequired()
                ? value.members().stream().filter(MemberModel::required).toList()
                : List.of();
        if (required.isEmpty()) {
            build.addJavadoc("Builds the {@code $L}.\n\n@return a new, immutable instance\n",
                    value.className().simpleName());
        } else {
            build.addJavadoc("Builds the {@code $L}, checking that every required member is set.\n\n"
                            + "@return a new, immutable instance\n"
                            + "@throws $T if a required member is absent; the message names each\n",
                    value.className().simpleName(), IllegalStateException.class);
            build.addStatement("$T<$T> missing = new $T<>()", List.class, String.class, ArrayList.class);
            for (MemberModel member : required) {
                build.beginControlFlow("if (this.$N == null)", member.javaName())
                        .addStatement("missing.add($S)", member.wireName() + " (" + member.javaName() + ")")
                        .endControlFlow();
            }
            build.beginControlFlow("if (!missing.isEmpty())")
                    .addStatement("throw new $T($S + $T.join($S, missing))", IllegalStateException.class,
                            value.className().simpleName() + " is missing required members: ", String.class, ", ")
                    .endControlFlow();
        }
        return build.addStatement("return new $T(this)", value.className()).build();
    }
}

package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.ScalarKind;
import dev.tcgen.generator.model.TypeModel;
import dev.tcgen.runtime.JsonReader;
import dev.tcgen.runtime.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the JSON codec of a value class: {@code writeJson}, which writes its members through the runtime's
 * {@code JsonWriter}, and {@code readJson}, which reads them through its {@code JsonReader}. Both are package-private:
 * the client, the fake and the other classes of the service call them; the wire names and the member-by-member switch
 * are all that depends on the spec, everything else is the runtime's.
 */
final class JsonCodecEmitter {

    /** The name of both methods' parameter, and of the builder {@code readJson} fills. */
    private static final String OUT = "out";
    private static final String IN = "in";
    private static final String BUILDER = "builder";
    /**
     * The most members one method reads: a switch case costs about 40 bytes of code, and a method may have 64 KB.
     */
    static final int CASES_PER_METHOD = 400;
    /**
     * A response's {@code Error}: always the API's answer that the call failed, even where the spec declares a member
     * of that name (lkeap's {@code GetReconstructDocumentResult}), which then stays absent.
     */
    private static final String API_ERROR = "Error";

    private final ClassName jsonWriter;
    private final ClassName jsonReader;

    JsonCodecEmitter(RuntimeTypes runtime) {
        this.jsonWriter = runtime.get(JsonWriter.class);
        this.jsonReader = runtime.get(JsonReader.class);
    }

    /** {@code void writeJson(JsonWriter out)}: every member in order; the writer leaves out absent ones. */
    MethodSpec writeJson(List<MemberModel> members) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("writeJson")
                .addJavadoc("Writes this object's members as JSON, in the order of the spec; absent members are left "
                        + "out.\n\n@param $N where to write\n@throws $T if the JSON cannot be written\n", OUT,
                        IOException.class)
                .addParameter(jsonWriter, OUT)
                .addException(IOException.class);
        for (MemberModel member : members) {
            method.addStatement(write(member));
        }
        return method.build();
    }

    /**
     * {@code static T readJson(JsonReader in)}: each member by its wire name, unknown ones skipped. A response also
     * reads the API's {@code Error}, keeps its {@code RequestId} for the call, and records the reader's problems. A
     * class of more than {@link #CASES_PER_METHOD} members reads them in helper methods of that many cases each
     * ({@code readMembers0}, ...), since a method's code may not exceed 64 KB.
     */
    List<MethodSpec> readJson(ClassName className, ClassName builder, List<MemberModel> members, boolean response) {
        List<CodeBlock> cases = new ArrayList<>();
        for (MemberModel member : members) {
            if (!(response && member.wireName().equals(API_ERROR))) {
                cases.add(CodeBlock.of("case $S -> $N.$N = $L;\n", member.wireName(), BUILDER, member.javaName(),
                        read(member, response)));
            }
        }
        if (response) {
            cases.add(CodeBlock.of("case $S -> $N.readError();\n", API_ERROR, IN));
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder("readJson")
                .addModifiers(Modifier.STATIC)
                .returns(className)
                .addJavadoc("Reads an object of this class from JSON, the reader on its start; a value that does not "
                        + "fit its member's\ntype is left out$L.\n\n@param $N the reader\n@return the object\n"
                        + "@throws $T if the JSON is malformed\n",
                        response ? " and recorded in {@link #problems()}" : " (and recorded by the reader)", IN,
                        IOException.class)
                .addParameter(jsonReader, IN)
                .addException(IOException.class)
                .addStatement("$T $N = new $T()", builder, BUILDER, builder)
                .addStatement("$T name", String.class)
                .beginControlFlow("while ((name = $N.nextMember()) != null)", IN);
        List<MethodSpec> methods = new ArrayList<>();
        if (cases.size() <= CASES_PER_METHOD) {
            method.beginControlFlow("switch (name)")
                    .addCode(CodeBlock.join(cases, ""))
                    .addStatement("default -> $N.skipValue()", IN)
                    .endControlFlow();
        } else {
            List<String> helpers = new ArrayList<>();
            for (int start = 0; start < cases.size(); start += CASES_PER_METHOD) {
                String helper = "readMembers" + helpers.size();
                helpers.add(helper + "(" + BUILDER + ", " + IN + ", name)");
                methods.add(readMembers(helper, builder, cases.subList(start,
                        Math.min(cases.size(), start + CASES_PER_METHOD))));
            }
            method.beginControlFlow("if (!$L)", String.join("\n&& !", helpers))
                    .addStatement("$N.skipValue()", IN)
                    .endControlFlow();
        }
        method.endControlFlow();
        if (response) {
            method.addStatement("$N.problems = $N.problems()", BUILDER, IN);
        }
        methods.add(0, method.addStatement("return new $T($N)", className, BUILDER).build());
        return methods;
    }

    /** Reads one member if it is among {@code cases}: whether it was. */
    private MethodSpec readMembers(String name, ClassName builder, List<CodeBlock> cases) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(boolean.class)
                .addJavadoc("Reads the member {@code name} if it is one of these; {@code readJson} asks each part in "
                        + "turn.\n")
                .addParameter(builder, BUILDER)
                .addParameter(jsonReader, IN)
                .addParameter(String.class, "name")
                .addException(IOException.class)
                .beginControlFlow("switch (name)")
                .addCode(CodeBlock.join(cases, ""))
                .addCode("default -> {\n$>return false;\n$<}\n")
                .endControlFlow()
                .addStatement("return true")
                .build();
    }

    private CodeBlock write(MemberModel member) {
        String field = "this." + member.javaName();
        if (member.type() instanceof TypeModel.ListOf list) {
            if (list.element() instanceof TypeModel.StructureRef structure) {
                return CodeBlock.of("$N.writeObjectList($S, $L, $T::writeJson)", OUT, member.wireName(), field,
                        structure.className());
            }
            return CodeBlock.of("$N.write$LList($S, $L)", OUT, scalarName(list.element()), member.wireName(), field);
        }
        if (member.type() instanceof TypeModel.StructureRef structure) {
            return CodeBlock.of("$N.writeObject($S, $L, $T::writeJson)", OUT, member.wireName(), field,
                    structure.className());
        }
        return CodeBlock.of("$N.write$L($S, $L)", OUT, scalarName(member.type()), member.wireName(), field);
    }

    private CodeBlock read(MemberModel member, boolean response) {
        if (response && member.wireName().equals("RequestId") && member.type() instanceof TypeModel.Scalar scalar
                && scalar.kind() == ScalarKind.STRING) {
            return CodeBlock.of("$N.readRequestId()", IN);
        }
        if (member.type() instanceof TypeModel.ListOf list) {
            if (list.element() instanceof TypeModel.StructureRef structure) {
                return CodeBlock.of("$N.readObjectList($T::readJson)", IN, structure.className());
            }
            return CodeBlock.of("$N.read$LList()", IN, scalarName(list.element()));
        }
        if (member.type() instanceof TypeModel.StructureRef structure) {
            return CodeBlock.of("$N.readObject($T::readJson)", IN, structure.className());
        }
        return CodeBlock.of("$N.read$L()", IN, scalarName(member.type()));
    }

    /** The scalar's part of the reader's and writer's method names: {@code String}, {@code Int64}, ... */
    private static String scalarName(TypeModel type) {
        return switch (((TypeModel.Scalar) type).kind()) {
            case INT64 -> "Int64";
            case UINT64 -> "Uint64";
            case FLOAT -> "Float";
            case BOOL -> "Bool";
            case STRING, DATE, DATETIME, DATETIME_ISO, BINARY -> "String";
        };
    }
}

package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.emit.StringLiteral;
import dev.tcgen.generator.model.ErrorCodeModel;
import dev.tcgen.generator.model.Naming;
import dev.tcgen.generator.model.ServiceModel;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** Emits the service's error-code enum, which looks codes up by their wire string. */
final class EnumEmitters {

    private final ServiceModel service;
    private final GeneratedFiles files;

    EnumEmitters(ServiceModel service, GeneratedFiles files) {
        this.service = service;
        this.files = files;
    }

    /**
     * The error-code enum: one constant per documented code and one per common code, plus {@code UNKNOWN} for codes
     * this client does not know ({@code TrtcException.code()} keeps the raw string).
     */
    TypeSpec errorCodes() {
        ClassName type = service.errorCodeEnum();
        TypeSpec.Builder codes = TypeSpec.enumBuilder(type)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(files.generatedAnnotation())
                .addJavadoc("The error codes of $L $L, as {@link $T#errorCode()} reports them.\n\n"
                                + "<p>Codes this client does not know map to {@link #UNKNOWN}; the exception's "
                                + "{@code code()} keeps the raw string.\n",
                        service.service(), service.version(), service.exception());
        for (ErrorCodeModel code : service.errorCodes()) {
            String doc = JavadocText.html(code.description())
                    + (code.common() ? "\n\n<p>A common error code, shared by all Tencent Cloud services.\n" : "\n");
            codes.addEnumConstant(code.constantName(), TypeSpec.anonymousClassBuilder("$S, $L, $L",
                            code.code(), StringLiteral.of(code.description()), code.common())
                    .addJavadoc("{@code $L}: $L", code.code(), doc)
                    .build());
        }
        codes.addEnumConstant("UNKNOWN", TypeSpec.anonymousClassBuilder("$S, $S, $L",
                        "", "An error code this version of the client does not know.", false)
                .addJavadoc("An error code this version of the client does not know.\n")
                .build());
        addStringProperty(codes, "code", "The code as the API returns it, e.g. {@code ResourceNotFound}; empty for "
                + "{@link #UNKNOWN}.");
        addStringProperty(codes, "description", "What the code means, as documented.");
        codes.addField(TypeName.BOOLEAN, "common", Modifier.PRIVATE, Modifier.FINAL);
        codes.addMethod(MethodSpec.constructorBuilder()
                .addParameter(String.class, "code")
                .addParameter(String.class, "description")
                .addParameter(TypeName.BOOLEAN, "common")
                .addStatement("this.code = code")
                .addStatement("this.description = description")
                .addStatement("this.common = common")
                .build());
        codes.addMethod(MethodSpec.methodBuilder("isCommon")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Whether this is one of Tencent Cloud's common error codes, shared by all services.\n\n"
                        + "@return {@code true} for a common code\n")
                .addStatement("return common")
                .build());
        codes.addField(lookupTable(type, Naming.ERROR_CODE_LOOKUP_TABLE, "code", ".filter(c -> c != UNKNOWN)"));
        codes.addMethod(MethodSpec.methodBuilder("fromCode")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(type)
                .addParameter(String.class, "code")
                .addJavadoc("The constant for a code as the API returns it.\n\n"
                        + "@param code the raw code, e.g. {@code AuthFailure.SignatureFailure}; may be null\n"
                        + "@return its constant, or {@link #UNKNOWN} for a code this client does not know\n")
                .addStatement("return code == null ? UNKNOWN : $N.getOrDefault(code, UNKNOWN)", Naming.ERROR_CODE_LOOKUP_TABLE)
                .build());
        return codes.build();
    }

    private static void addStringProperty(TypeSpec.Builder type, String name, String javadoc) {
        type.addField(String.class, name, Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("$L\n\n@return the $L\n", javadoc, name)
                .addStatement("return $N", name)
                .build());
    }

    /** {@code private static final Map<String, E> NAME}: the constants, less those {@code filter} drops, by key. */
    private static FieldSpec lookupTable(ClassName type, String name, String key, String filter) {
        TypeName map = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), type);
        return FieldSpec.builder(map, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.stream(values())$L.collect($T.toUnmodifiableMap($T::$N, $T.identity()))",
                        Arrays.class, filter, Collectors.class, type, key, Function.class)
                .build();
    }
}

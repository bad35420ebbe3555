package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.emit.core.JacksonTypes.DESERIALIZATION_FEATURE;
import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_INCLUDE;
import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_MAPPER;
import static dev.tcgen.generator.emit.core.JacksonTypes.MAPPER_FEATURE;
import static dev.tcgen.generator.emit.core.JacksonTypes.OBJECT_MAPPER;
import static dev.tcgen.generator.emit.core.JacksonTypes.SERIALIZATION_FEATURE;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;

/** Emits {@code Json}: the one Jackson {@code ObjectMapper} the generated client reads and writes with. */
final class JsonEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    JsonEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.json())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addField(mapperField())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
                .addMethod(mapper())
                .addMethod(createMapper())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("The JSON set-up of the client: one shared, thread-safe Jackson {@code ObjectMapper}.\n")
                .add("\n<p>Its configuration follows from how the request, response and structure classes are\n")
                .add("generated:\n")
                .add("<ul>\n")
                .add("  <li>Every JSON property is named explicitly with {@code @JsonProperty}, so auto-detection of\n")
                .add("      getters, setters, fields and creators is off: a builder or {@code toBuilder()} method is\n")
                .add("      never mistaken for a property, and renaming a Java member never changes the wire format.</li>\n")
                .add("  <li>Properties the API added after the client was generated are ignored, not fatal.</li>\n")
                .add("  <li>{@code null} members are left out of requests: Tencent Cloud treats an absent\n")
                .add("      parameter as \"not given\", while an explicit {@code null} may be rejected.</li>\n")
                .add("  <li>A request with no parameters serialises as {@code {}} instead of failing.</li>\n")
                .add("  <li>Content after the JSON document is an error, so a corrupted response is not half read.</li>\n")
                .add("</ul>\n")
                .add("\n<p>The mapper is shared: read and write with it freely, but do not reconfigure it. For a\n")
                .add("variant, configure a copy:\n")
                .add("\n<pre>{@code\n")
                .add("ObjectMapper pretty = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);\n")
                .add("}</pre>\n")
                .build();
    }

    private static FieldSpec mapperField() {
        return FieldSpec.builder(OBJECT_MAPPER, "MAPPER", PRIVATE, STATIC, FINAL)
                .initializer("createMapper()")
                .build();
    }

    private static MethodSpec mapper() {
        return MethodSpec.methodBuilder("mapper")
                .addJavadoc("The shared mapper, configured for the generated classes.\n")
                .addJavadoc("\n@return the mapper; do not reconfigure it\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(OBJECT_MAPPER)
                .addStatement("return MAPPER")
                .build();
    }

    private static MethodSpec createMapper() {
        return MethodSpec.methodBuilder("createMapper")
                .addModifiers(PRIVATE, STATIC)
                .returns(OBJECT_MAPPER)
                .addStatement("return $T.builder()\n"
                        + ".disable($T.AUTO_DETECT_CREATORS, $T.AUTO_DETECT_FIELDS,\n"
                        + "$>$>$T.AUTO_DETECT_GETTERS, $T.AUTO_DETECT_IS_GETTERS,\n"
                        + "$T.AUTO_DETECT_SETTERS)$<$<\n"
                        + ".disable($T.FAIL_ON_UNKNOWN_PROPERTIES)\n"
                        + ".enable($T.FAIL_ON_TRAILING_TOKENS)\n"
                        + ".disable($T.FAIL_ON_EMPTY_BEANS)\n"
                        + ".defaultPropertyInclusion(\n"
                        + "$>$>$T.Value.construct($T.Include.NON_NULL, $T.Include.USE_DEFAULTS))$<$<\n"
                        + ".build()",
                        JSON_MAPPER, MAPPER_FEATURE, MAPPER_FEATURE, MAPPER_FEATURE, MAPPER_FEATURE, MAPPER_FEATURE,
                        DESERIALIZATION_FEATURE, DESERIALIZATION_FEATURE, SERIALIZATION_FEATURE,
                        JSON_INCLUDE, JSON_INCLUDE, JSON_INCLUDE)
                .build();
    }
}

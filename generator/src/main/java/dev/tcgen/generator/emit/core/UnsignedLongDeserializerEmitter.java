package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.emit.core.JacksonTypes.DESERIALIZATION_CONTEXT;
import static dev.tcgen.generator.emit.core.JacksonTypes.INVALID_FORMAT_EXCEPTION;
import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_PARSER;
import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_TOKEN;
import static dev.tcgen.generator.emit.core.JacksonTypes.STD_DESERIALIZER;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.io.IOException;

/** Emits {@code UnsignedLongDeserializer}: reads an unsigned 64-bit JSON number into the bit pattern of a Long. */
final class UnsignedLongDeserializerEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    UnsignedLongDeserializerEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.unsignedLongDeserializer())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .superclass(ParameterizedTypeName.get(STD_DESERIALIZER, ClassName.get(Long.class)))
                .addField(UnsignedLongSerializerEmitter.serialVersionUid())
                .addMethod(constructor())
                .addMethod(deserialize())
                .addMethod(parseUnsigned())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Reads an unsigned 64-bit integer ({@code uint64} in the API), from 0 to 18446744073709551615,\n")
                .add("into a {@code Long}.\n")
                .add("\n<p>Values of 2<sup>63</sup> and above do not fit a signed {@code long}; they are kept as their\n")
                .add("two's-complement bit pattern, so they read as negative numbers: use\n")
                .add("{@link Long#toUnsignedString(long)}, {@link Long#compareUnsigned(long, long)} and\n")
                .add("{@link Long#divideUnsigned(long, long)} to work with them. JSON numbers and numeric strings are\n")
                .add("accepted; anything negative, fractional or out of range fails with a Jackson\n")
                .add("{@code InvalidFormatException} that names the value, rather than being silently wrapped.\n")
                .add("\n<p>The generated classes put\n")
                .add("{@code @JsonDeserialize(using = UnsignedLongDeserializer.class)} on such members, and\n")
                .add("{@code @JsonDeserialize(contentUsing = UnsignedLongDeserializer.class)} on lists of them;\n")
                .add("{@link UnsignedLongSerializer} writes them.\n")
                .build();
    }

    private static MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addJavadoc("Creates the deserializer. Jackson calls this for {@code @JsonDeserialize(using = ...)}.\n")
                .addModifiers(PUBLIC)
                .addStatement("super($T.class)", Long.class)
                .build();
    }

    private static MethodSpec deserialize() {
        return MethodSpec.methodBuilder("deserialize")
                .addJavadoc("Reads the current JSON number or numeric string; a fractional number is refused by value.\n")
                .addJavadoc("\n@param parser positioned on the value\n")
                .addJavadoc("@param context the deserialization context, for reporting a wrong token\n")
                .addJavadoc("@return the value, negative for numbers of 2<sup>63</sup> and above\n")
                .addJavadoc("@throws IOException if the value is not an unsigned 64-bit integer, or cannot be read\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(Long.class)
                .addParameter(JSON_PARSER, "parser")
                .addParameter(DESERIALIZATION_CONTEXT, "context")
                .addException(IOException.class)
                .addStatement("$T token = parser.currentToken()", JSON_TOKEN)
                .beginControlFlow("if (token == $T.VALUE_NUMBER_INT || token == $T.VALUE_STRING\n"
                        + "$>$>|| token == $T.VALUE_NUMBER_FLOAT)$<$<", JSON_TOKEN, JSON_TOKEN, JSON_TOKEN)
                .addStatement("return parseUnsigned(parser, parser.getText().strip())")
                .endControlFlow()
                .addStatement("return ($T) context.handleUnexpectedToken($T.class, parser)", Long.class, Long.class)
                .build();
    }

    private static MethodSpec parseUnsigned() {
        return MethodSpec.methodBuilder("parseUnsigned")
                .addModifiers(PRIVATE, STATIC)
                .returns(Long.class)
                .addParameter(JSON_PARSER, "parser")
                .addParameter(String.class, "text")
                .addException(IOException.class)
                .beginControlFlow("try")
                .addStatement("return $T.parseUnsignedLong(text)", Long.class)
                .nextControlFlow("catch ($T e)", NumberFormatException.class)
                .addStatement("throw $T.from(\nparser, $S + text, text, $T.class)", INVALID_FORMAT_EXCEPTION,
                        "Not an unsigned 64-bit integer (0 to 18446744073709551615): ", Long.class)
                .endControlFlow()
                .build();
    }
}

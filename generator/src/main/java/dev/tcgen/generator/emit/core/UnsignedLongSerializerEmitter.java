package dev.tcgen.generator.emit.core;

import static dev.tcgen.generator.emit.core.JacksonTypes.JSON_GENERATOR;
import static dev.tcgen.generator.emit.core.JacksonTypes.SERIALIZER_PROVIDER;
import static dev.tcgen.generator.emit.core.JacksonTypes.STD_SERIALIZER;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.io.IOException;
import java.math.BigInteger;

/** Emits {@code UnsignedLongSerializer}: writes the bit pattern in a {@code Long} as an unsigned 64-bit number. */
final class UnsignedLongSerializerEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    UnsignedLongSerializerEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.unsignedLongSerializer())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .superclass(ParameterizedTypeName.get(STD_SERIALIZER, ClassName.get(Long.class)))
                .addField(serialVersionUid())
                .addMethod(constructor())
                .addMethod(serialize())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Writes a {@code Long} that holds an unsigned 64-bit integer ({@code uint64} in the API) as an\n")
                .add("unsigned JSON number.\n")
                .add("\n<p>Java has no unsigned {@code long}, so values from 2<sup>63</sup> to 2<sup>64</sup>-1 are\n")
                .add("carried in a {@code Long} as their two's-complement bit pattern, that is as negative numbers:\n")
                .add("{@code -1L} stands for 18446744073709551615. {@link Long#toUnsignedString(long)} and\n")
                .add("{@link Long#parseUnsignedLong(String)} convert between the two views.\n")
                .add("\n<p>The generated classes put\n")
                .add("{@code @JsonSerialize(using = UnsignedLongSerializer.class)} on such members, and\n")
                .add("{@code @JsonSerialize(contentUsing = UnsignedLongSerializer.class)} on lists of them;\n")
                .add("{@link UnsignedLongDeserializer} reads them back.\n")
                .build();
    }

    static FieldSpec serialVersionUid() {
        return FieldSpec.builder(long.class, "serialVersionUID", PRIVATE, STATIC, FINAL)
                .initializer("1L")
                .build();
    }

    private static MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addJavadoc("Creates the serializer. Jackson calls this for {@code @JsonSerialize(using = ...)}.\n")
                .addModifiers(PUBLIC)
                .addStatement("super($T.class)", Long.class)
                .build();
    }

    private static MethodSpec serialize() {
        return MethodSpec.methodBuilder("serialize")
                .addJavadoc("Writes the value as an unsigned decimal number.\n")
                .addJavadoc("\n@param value the value, negative for numbers of 2<sup>63</sup> and above\n")
                .addJavadoc("@param generator where to write\n")
                .addJavadoc("@param provider the serialization context, unused\n")
                .addJavadoc("@throws IOException if the generator cannot write\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .addParameter(Long.class, "value")
                .addParameter(JSON_GENERATOR, "generator")
                .addParameter(SERIALIZER_PROVIDER, "provider")
                .addException(IOException.class)
                .addStatement("long bits = value")
                .beginControlFlow("if (bits >= 0)")
                .addStatement("generator.writeNumber(bits)")
                .nextControlFlow("else")
                .addStatement("generator.writeNumber(new $T($T.toUnsignedString(bits)))", BigInteger.class, Long.class)
                .endControlFlow()
                .build();
    }
}

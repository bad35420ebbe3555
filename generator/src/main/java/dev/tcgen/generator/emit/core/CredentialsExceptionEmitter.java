package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;

/** Emits {@code CredentialsException}: a credentials provider has nothing to give, and says why. */
final class CredentialsExceptionEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    CredentialsExceptionEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.credentialsException())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC)
                .superclass(RuntimeException.class)
                .addField(UnsignedLongSerializerEmitter.serialVersionUid())
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("@param message why there are no credentials; never a secret\n")
                        .addModifiers(PUBLIC)
                        .addParameter(String.class, "message")
                        .addStatement("super(message)")
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("@param message why there are no credentials; never a secret\n")
                        .addJavadoc("@param cause the underlying failure, e.g. an {@code IOException}\n")
                        .addModifiers(PUBLIC)
                        .addParameter(String.class, "message")
                        .addParameter(Throwable.class, "cause")
                        .addStatement("super(message, cause)")
                        .build())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Thrown by a {@link CredentialsProvider} that has no credentials to give: an environment\n")
                .add("variable is not set, a profile file is missing, a refresh failed.\n")
                .add("\n<p>A {@link CredentialsProviderChain} moves on to its next provider when one throws this,\n")
                .add("and lists every message when none succeeds. A client reports it as\n")
                .add("{@link TencentCloudException#CLIENT_CREDENTIALS}, with this exception as the cause. Messages\n")
                .add("name variables, files and profiles, never a secret.\n")
                .build();
    }
}

package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.ABSTRACT;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;

/** Emits {@code CredentialsProvider}: where the transport gets the keys for each request. */
final class CredentialsProviderEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    CredentialsProviderEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.interfaceBuilder(types.credentialsProvider())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addAnnotation(FunctionalInterface.class)
                .addModifiers(PUBLIC)
                .addMethod(credentials())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Supplies the {@link Credentials} that sign a request.\n")
                .add("\n<p>The transport asks for credentials once per request, just before signing it, so an\n")
                .add("implementation may rotate keys or refresh a temporary token without rebuilding the client.\n")
                .add("A fixed pair of keys is itself a provider: {@link Credentials#credentials()} returns itself.\n")
                .add("\n<pre>{@code\n")
                .add("CredentialsProvider fromEnvironment = () -> Credentials.of(\n")
                .add("        System.getenv(\"TENCENTCLOUD_SECRET_ID\"),\n")
                .add("        System.getenv(\"TENCENTCLOUD_SECRET_KEY\"));\n")
                .add("}</pre>\n")
                .add("\n<p>One client signs requests from many threads at once, so implementations must be thread-safe.\n")
                .build();
    }

    private MethodSpec credentials() {
        return MethodSpec.methodBuilder("credentials")
                .addJavadoc("Returns the credentials to sign the next request with.\n")
                .addJavadoc("\n<p>Called once for every request, on the calling thread: an implementation that fetches\n")
                .addJavadoc("credentials remotely should cache them and refresh ahead of their expiry.\n")
                .addJavadoc("\n@return the credentials, never {@code null}\n")
                .addModifiers(PUBLIC, ABSTRACT)
                .returns(types.credentials())
                .build();
    }
}

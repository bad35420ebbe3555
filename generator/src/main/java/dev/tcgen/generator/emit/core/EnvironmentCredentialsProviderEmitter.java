package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.util.Objects;
import java.util.function.Function;

/** Emits {@code EnvironmentCredentialsProvider}: credentials from {@code TENCENTCLOUD_*} environment variables. */
final class EnvironmentCredentialsProviderEmitter {

    static final TypeName ENVIRONMENT = ParameterizedTypeName.get(Function.class, String.class, String.class);

    private final CoreTypes types;
    private final GeneratedFiles files;

    EnvironmentCredentialsProviderEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.environmentCredentials())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(types.credentialsProvider())
                .addField(name("SECRET_ID", "TENCENTCLOUD_SECRET_ID", "The variable holding the secret id."))
                .addField(name("SECRET_KEY", "TENCENTCLOUD_SECRET_KEY", "The variable holding the secret key."))
                .addField(name("TOKEN", "TENCENTCLOUD_TOKEN",
                        "The variable holding the session token of temporary credentials; optional."))
                .addField(ENVIRONMENT, "environment", PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(ENVIRONMENT, "environment")
                        .addStatement("this.environment = $T.requireNonNull(environment, $S)", Objects.class,
                                "environment")
                        .build())
                .addMethod(create())
                .addMethod(of())
                .addMethod(credentials())
                .addMethod(toStringMethod())
                .addMethod(value())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Credentials from the environment variables {@code TENCENTCLOUD_SECRET_ID},\n")
                .add("{@code TENCENTCLOUD_SECRET_KEY} and, for temporary credentials, {@code TENCENTCLOUD_TOKEN}.\n")
                .add("\n<p>The variables are read on every call, so the provider is cheap to keep and sees no\n")
                .add("stale copy. Blank values count as unset. The first of the\n")
                .add("{@link CredentialsProviderChain#defaultChain() default chain}.\n")
                .add("\n<pre>{@code\n")
                .add("CredentialsProvider fromEnvironment = EnvironmentCredentialsProvider.create();\n")
                .add("// in a test, without touching the real environment:\n")
                .add("CredentialsProvider fake = EnvironmentCredentialsProvider.of(Map.of(\n")
                .add("        \"TENCENTCLOUD_SECRET_ID\", \"AKID...\", \"TENCENTCLOUD_SECRET_KEY\", \"...\")::get);\n")
                .add("}</pre>\n")
                .add("\n<p>Immutable and thread-safe if the lookup function is.\n")
                .build();
    }

    private static FieldSpec name(String constant, String variable, String javadoc) {
        return FieldSpec.builder(String.class, constant, PUBLIC, STATIC, FINAL)
                .addJavadoc("$L\n", javadoc)
                .initializer("$S", variable)
                .build();
    }

    private MethodSpec create() {
        return MethodSpec.methodBuilder("create")
                .addJavadoc("Reads the process environment, {@link System#getenv(String)}.\n")
                .addJavadoc("\n@return the provider\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.environmentCredentials())
                .addStatement("return new $T($T::getenv)", types.environmentCredentials(), System.class)
                .build();
    }

    private MethodSpec of() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("Reads variables through a function, e.g. {@code Map::get} of a map in a test.\n")
                .addJavadoc("\n@param environment gives a variable's value, or {@code null} when it is unset\n")
                .addJavadoc("@return the provider\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.environmentCredentials())
                .addParameter(ENVIRONMENT, "environment")
                .addStatement("return new $T(environment)", types.environmentCredentials())
                .build();
    }

    private MethodSpec credentials() {
        return MethodSpec.methodBuilder("credentials")
                .addJavadoc("The credentials the variables hold now.\n")
                .addJavadoc("\n@return the credentials, with a token if {@code TENCENTCLOUD_TOKEN} is set\n")
                .addJavadoc("@throws CredentialsException if the secret id or the secret key is not set; the message\n")
                .addJavadoc("    names the variables, never their values\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(types.credentials())
                .addStatement("String secretId = value(SECRET_ID)")
                .addStatement("String secretKey = value(SECRET_KEY)")
                .beginControlFlow("if (secretId == null && secretKey == null)")
                .addStatement("throw new $T(SECRET_ID + $S + SECRET_KEY + $S)", types.credentialsException(),
                        " and ", " are not set")
                .endControlFlow()
                .beginControlFlow("if (secretId == null || secretKey == null)")
                .addStatement("String missing = secretId == null ? SECRET_ID : SECRET_KEY")
                .addStatement("String present = secretId == null ? SECRET_KEY : SECRET_ID")
                .addStatement("throw new $T(missing + $S + present + $S)", types.credentialsException(),
                        " is not set, although ", " is")
                .endControlFlow()
                .addStatement("return $T.of(secretId, secretKey, value(TOKEN))", types.credentials())
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Names the source, never the values.\n")
                .addJavadoc("\n@return {@code EnvironmentCredentialsProvider}\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S", "EnvironmentCredentialsProvider")
                .build();
    }

    private static MethodSpec value() {
        return MethodSpec.methodBuilder("value")
                .addModifiers(PRIVATE)
                .returns(String.class)
                .addParameter(String.class, "name")
                .addStatement("String value = environment.apply(name)")
                .addStatement("return value == null || value.isBlank() ? null : value.strip()")
                .build();
    }
}

package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/** Emits {@code CredentialsProviderChain}: the first provider that has credentials wins; the default chain. */
final class CredentialsProviderChainEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;
    private final TypeName providerList;

    CredentialsProviderChainEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
        this.providerList = ParameterizedTypeName.get(ClassName.get(List.class), types.credentialsProvider());
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.credentialsChain())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(types.credentialsProvider())
                .addField(providerList, "providers", PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(providerList, "providers")
                        .addStatement("this.providers = providers")
                        .build())
                .addMethod(of())
                .addMethod(defaultChain())
                .addMethod(defaultChainIn())
                .addMethod(providers())
                .addMethod(credentials())
                .addMethod(toStringMethod())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Asks several providers in turn and returns the first credentials one of them has.\n")
                .add("\n<p>A provider that throws {@link CredentialsException} is skipped; when all of them do, the\n")
                .add("chain throws a {@code CredentialsException} that lists each provider and why it had nothing,\n")
                .add("for example:\n")
                .add("\n<pre>\n")
                .add("No credentials found; tried: EnvironmentCredentialsProvider: TENCENTCLOUD_SECRET_ID and\n")
                .add("TENCENTCLOUD_SECRET_KEY are not set; ProfileCredentialsProvider[file=/home/me/.tencentcloud/\n")
                .add("credentials, profile=default]: /home/me/.tencentcloud/credentials does not exist\n")
                .add("</pre>\n")
                .add("\n<p>The {@link #defaultChain() default chain}, which a client uses when it is given no\n")
                .add("credentials, tries the environment ({@link EnvironmentCredentialsProvider}) and then the\n")
                .add("{@code default} profile of {@code ~/.tencentcloud/credentials}\n")
                .add("({@link ProfileCredentialsProvider}). The chain is asked again for every request, so\n")
                .add("credentials set up after the client was built are found.\n")
                .add("\n<pre>{@code\n")
                .add("CredentialsProvider mine = CredentialsProviderChain.of(\n")
                .add("        EnvironmentCredentialsProvider.create(),\n")
                .add("        ProfileCredentialsProvider.create(\"staging\"));\n")
                .add("}</pre>\n")
                .add("\n<p>Immutable and thread-safe if its providers are.\n")
                .build();
    }

    private MethodSpec of() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("A chain of the given providers, asked in this order.\n")
                .addJavadoc("\n@param providers one or more providers\n")
                .addJavadoc("@return the chain\n")
                .addJavadoc("@throws IllegalArgumentException if there are none\n")
                .addModifiers(PUBLIC, STATIC)
                .varargs(true)
                .returns(types.credentialsChain())
                .addParameter(ArrayTypeName.of(types.credentialsProvider()), "providers")
                .beginControlFlow("if (providers.length == 0)")
                .addStatement("throw new $T($S)", IllegalArgumentException.class, "a chain needs at least one provider")
                .endControlFlow()
                .addStatement("return new $T($T.of(providers))", types.credentialsChain(), List.class)
                .build();
    }

    private MethodSpec defaultChain() {
        return MethodSpec.methodBuilder("defaultChain")
                .addJavadoc("The environment variables, then the {@code default} profile of\n")
                .addJavadoc("{@code ~/.tencentcloud/credentials}.\n")
                .addJavadoc("\n@return the default chain, on the real environment and home directory\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.credentialsChain())
                .addStatement("return of($T.create(), $T.create())", types.environmentCredentials(),
                        types.profileCredentials())
                .build();
    }

    private MethodSpec defaultChainIn() {
        return MethodSpec.methodBuilder("defaultChain")
                .addJavadoc("The default chain over a given environment and home directory, e.g. a map and a\n")
                .addJavadoc("temporary directory in a test.\n")
                .addJavadoc("\n@param environment gives a variable's value, or {@code null} when it is unset\n")
                .addJavadoc("@param home the directory holding {@code .tencentcloud/credentials}\n")
                .addJavadoc("@return the default chain over them\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.credentialsChain())
                .addParameter(EnvironmentCredentialsProviderEmitter.ENVIRONMENT, "environment")
                .addParameter(Path.class, "home")
                .addStatement("return of($T.of(environment),\n$T.of($T.defaultFile(home), $T.DEFAULT_PROFILE))",
                        types.environmentCredentials(), types.profileCredentials(), types.profileCredentials(),
                        types.profileCredentials())
                .build();
    }

    private MethodSpec providers() {
        return MethodSpec.methodBuilder("providers")
                .addJavadoc("The providers, in the order they are asked.\n")
                .addJavadoc("\n@return an immutable list\n")
                .addModifiers(PUBLIC)
                .returns(providerList)
                .addStatement("return providers")
                .build();
    }

    private MethodSpec credentials() {
        return MethodSpec.methodBuilder("credentials")
                .addJavadoc("The credentials of the first provider that has some.\n")
                .addJavadoc("\n@return the credentials\n")
                .addJavadoc("@throws CredentialsException if no provider has any; the message lists what was tried\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(types.credentials())
                .addStatement("$T tried = new $T($S)", StringJoiner.class, StringJoiner.class, "; ")
                .beginControlFlow("for ($T provider : providers)", types.credentialsProvider())
                .beginControlFlow("try")
                .addStatement("$T found = provider.credentials()", types.credentials())
                .beginControlFlow("if (found != null)")
                .addStatement("return found")
                .endControlFlow()
                .addStatement("tried.add(provider + $S)", ": returned null")
                .nextControlFlow("catch ($T e)", types.credentialsException())
                .addStatement("tried.add(provider + $S + e.getMessage())", ": ")
                .endControlFlow()
                .endControlFlow()
                .addStatement("throw new $T($S + tried)", types.credentialsException(),
                        "No credentials found; tried: ")
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Lists the providers, e.g. {@code CredentialsProviderChain[EnvironmentCredentialsProvider, ...]}.\n")
                .addJavadoc("\n@return a description without secrets\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S + providers", "CredentialsProviderChain")
                .build();
    }
}

package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;
import static javax.lang.model.element.Modifier.VOLATILE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Emits {@code ProfileCredentialsProvider}: credentials from a profile of the INI file
 * {@code ~/.tencentcloud/credentials}, read once and kept.
 */
final class ProfileCredentialsProviderEmitter {

    private static final TypeName SECTION = ParameterizedTypeName.get(Map.class, String.class, String.class);

    private final CoreTypes types;
    private final GeneratedFiles files;

    ProfileCredentialsProviderEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.profileCredentials())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(types.credentialsProvider())
                .addField(FieldSpec.builder(String.class, "DEFAULT_PROFILE", PUBLIC, STATIC, FINAL)
                        .addJavadoc("The profile used unless another is named: {@code default}.\n")
                        .initializer("$S", "default")
                        .build())
                .addField(Path.class, "file", PRIVATE, FINAL)
                .addField(String.class, "profile", PRIVATE, FINAL)
                .addField(FieldSpec.builder(types.credentials(), "loaded", PRIVATE, VOLATILE).build())
                .addMethod(constructor())
                .addMethod(create())
                .addMethod(createForProfile())
                .addMethod(of())
                .addMethod(defaultFile())
                .addMethod(getter(Path.class, "file", "The file read.\n\n@return the path of the file\n"))
                .addMethod(getter(String.class, "profile", "The profile read.\n\n@return the profile name\n"))
                .addMethod(credentials())
                .addMethod(toStringMethod())
                .addMethod(load())
                .addMethod(section())
                .addMethod(userHome())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Credentials from a profile of the file {@code ~/.tencentcloud/credentials}, the file the\n")
                .add("Tencent Cloud command line tools and SDKs share:\n")
                .add("\n<pre>\n")
                .add("[default]\n")
                .add("secret_id = AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\n")
                .add("secret_key = Gu5t9xGARNpq86cd98joQYCN3EXAMPLE\n")
                .add("\n")
                .add("[staging]\n")
                .add("secret_id = ...\n")
                .add("secret_key = ...\n")
                .add("token = ...\n")
                .add("</pre>\n")
                .add("\n<p>Sections name profiles; {@code secret_id} and {@code secret_key} are required,\n")
                .add("{@code token} is optional. Keys are case-insensitive; blank lines and lines starting with\n")
                .add("{@code #} or {@code ;} are ignored. The file is read at the first call and the credentials\n")
                .add("are kept; create a new provider to read it again.\n")
                .add("\n<pre>{@code\n")
                .add("CredentialsProvider staging = ProfileCredentialsProvider.create(\"staging\");\n")
                .add("CredentialsProvider inTest = ProfileCredentialsProvider.of(\n")
                .add("        ProfileCredentialsProvider.defaultFile(temporaryHome), \"default\");\n")
                .add("}</pre>\n")
                .add("\n<p>Thread-safe. Error messages name the file and profile, never a value from the file.\n")
                .build();
    }

    private static MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(Path.class, "file")
                .addParameter(String.class, "profile")
                .addStatement("this.file = $T.requireNonNull(file, $S)", Objects.class, "file")
                .addStatement("this.profile = $T.requireNonNull(profile, $S)", Objects.class, "profile")
                .beginControlFlow("if (profile.isBlank())")
                .addStatement("throw new $T($S)", IllegalArgumentException.class, "profile must not be blank")
                .endControlFlow()
                .build();
    }

    private MethodSpec create() {
        return MethodSpec.methodBuilder("create")
                .addJavadoc("The {@code default} profile of {@code ~/.tencentcloud/credentials}, where {@code ~} is\n")
                .addJavadoc("the {@code user.home} system property.\n")
                .addJavadoc("\n@return the provider\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.profileCredentials())
                .addStatement("return create(DEFAULT_PROFILE)")
                .build();
    }

    private MethodSpec createForProfile() {
        return MethodSpec.methodBuilder("create")
                .addJavadoc("A named profile of {@code ~/.tencentcloud/credentials}.\n")
                .addJavadoc("\n@param profile the section to read, e.g. {@code staging}\n")
                .addJavadoc("@return the provider\n")
                .addJavadoc("@throws IllegalArgumentException if the profile name is blank\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.profileCredentials())
                .addParameter(String.class, "profile")
                .addStatement("return of(defaultFile(userHome()), profile)")
                .build();
    }

    private MethodSpec of() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("A profile of any file in this format.\n")
                .addJavadoc("\n@param file the credentials file\n")
                .addJavadoc("@param profile the section to read\n")
                .addJavadoc("@return the provider\n")
                .addJavadoc("@throws IllegalArgumentException if the profile name is blank\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.profileCredentials())
                .addParameter(Path.class, "file")
                .addParameter(String.class, "profile")
                .addStatement("return new $T(file, profile)", types.profileCredentials())
                .build();
    }

    private static MethodSpec defaultFile() {
        return MethodSpec.methodBuilder("defaultFile")
                .addJavadoc("Where the credentials file lives under a home directory:\n")
                .addJavadoc("{@code <home>/.tencentcloud/credentials}.\n")
                .addJavadoc("\n@param home a home directory\n")
                .addJavadoc("@return the path of its credentials file\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(Path.class)
                .addParameter(Path.class, "home")
                .addStatement("return home.resolve($S).resolve($S)", ".tencentcloud", "credentials")
                .build();
    }

    private static MethodSpec getter(Class<?> type, String name, String javadoc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L", javadoc)
                .addModifiers(PUBLIC)
                .returns(type)
                .addStatement("return $N", name)
                .build();
    }

    private MethodSpec credentials() {
        return MethodSpec.methodBuilder("credentials")
                .addJavadoc("The profile's credentials, read from the file at the first call.\n")
                .addJavadoc("\n@return the credentials\n")
                .addJavadoc("@throws CredentialsException if the file cannot be read, has no such profile, or the\n")
                .addJavadoc("    profile lacks {@code secret_id} or {@code secret_key}\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(types.credentials())
                .addStatement("$T current = loaded", types.credentials())
                .beginControlFlow("if (current == null)")
                .addStatement("current = load()")
                .addStatement("loaded = current")
                .endControlFlow()
                .addStatement("return current")
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Names the file and profile, e.g.\n")
                .addJavadoc("{@code ProfileCredentialsProvider[file=/home/me/.tencentcloud/credentials, profile=default]}.\n")
                .addJavadoc("\n@return a description without secrets\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S + file + $S + profile + ']'", "ProfileCredentialsProvider[file=", ", profile=")
                .build();
    }

    private MethodSpec load() {
        return MethodSpec.methodBuilder("load")
                .addModifiers(PRIVATE)
                .returns(types.credentials())
                .addStatement("$T<String> lines", List.class)
                .beginControlFlow("try")
                .addStatement("lines = $T.readAllLines(file, $T.UTF_8)", Files.class, StandardCharsets.class)
                .nextControlFlow("catch ($T e)", NoSuchFileException.class)
                .addStatement("throw new $T(file + $S)", types.credentialsException(), " does not exist")
                .nextControlFlow("catch ($T e)", IOException.class)
                .addStatement("throw new $T($S + file + $S + e, e)", types.credentialsException(), "cannot read ",
                        ": ")
                .endControlFlow()
                .addStatement("$T values = section(lines, profile)", SECTION)
                .beginControlFlow("if (values == null)")
                .addStatement("throw new $T(file + $S + profile + $S)", types.credentialsException(), " has no [",
                        "] profile")
                .endControlFlow()
                .beginControlFlow("for (String key : new String[] {$S, $S})", "secret_id", "secret_key")
                .beginControlFlow("if (!values.containsKey(key))")
                .addStatement("throw new $T($S + profile + $S + file + $S + key)", types.credentialsException(),
                        "profile [", "] of ", " has no ")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $T.of(values.get($S), values.get($S), values.get($S))", types.credentials(),
                        "secret_id", "secret_key", "token")
                .build();
    }

    private static MethodSpec section() {
        return MethodSpec.methodBuilder("section")
                .addJavadoc("The non-blank {@code key = value} pairs of a section, keys lowercase; {@code null}\n")
                .addJavadoc("if the section is absent. A section that appears twice is merged.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(SECTION)
                .addParameter(ParameterizedTypeName.get(List.class, String.class), "lines")
                .addParameter(String.class, "profile")
                .addStatement("$T values = null", SECTION)
                .addStatement("boolean inProfile = false")
                .beginControlFlow("for (String raw : lines)")
                .addStatement("String line = raw.strip()")
                .beginControlFlow("if (line.isEmpty() || line.startsWith($S) || line.startsWith($S))", "#", ";")
                .addStatement("continue")
                .endControlFlow()
                .beginControlFlow("if (line.startsWith($S) && line.endsWith($S))", "[", "]")
                .addStatement("inProfile = line.substring(1, line.length() - 1).strip().equals(profile)")
                .beginControlFlow("if (inProfile && values == null)")
                .addStatement("values = new $T<>()", HashMap.class)
                .endControlFlow()
                .addStatement("continue")
                .endControlFlow()
                .addStatement("int equals = line.indexOf('=')")
                .beginControlFlow("if (inProfile && equals > 0)")
                .addStatement("String value = line.substring(equals + 1).strip()")
                .beginControlFlow("if (!value.isEmpty())")
                .addStatement("values.put(line.substring(0, equals).strip().toLowerCase($T.ROOT), value)", Locale.class)
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return values")
                .build();
    }

    private static MethodSpec userHome() {
        return MethodSpec.methodBuilder("userHome")
                .addModifiers(PRIVATE, STATIC)
                .returns(Path.class)
                .addStatement("return $T.of($T.getProperty($S, $S))", Path.class, System.class, "user.home", ".")
                .build();
    }
}

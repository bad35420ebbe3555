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
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.time.Instant;
import java.util.Optional;

/** Emits {@code Credentials}: an immutable secret id, secret key and optional token that never print their secrets. */
final class CredentialsEmitter {

    private static final String MASK = "****";

    private final CoreTypes types;
    private final GeneratedFiles files;

    CredentialsEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.credentials())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(types.credentialsProvider())
                .addField(privateField("secretId"))
                .addField(privateField("secretKey"))
                .addField(privateField("token"))
                .addField(FieldSpec.builder(Instant.class, "expiration", PRIVATE, FINAL).build())
                .addMethod(constructor())
                .addMethod(ofKeys())
                .addMethod(ofKeysAndToken())
                .addMethod(ofExpiring())
                .addMethod(secretId())
                .addMethod(secretKey())
                .addMethod(token())
                .addMethod(expiration())
                .addMethod(credentials())
                .addMethod(toStringMethod())
                .addMethod(requireText())
                .addMethod(maskSecretId())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("A Tencent Cloud API key: the {@code SecretId} that names it, the {@code SecretKey} that signs\n")
                .add("with it and, for temporary credentials, a session token.\n")
                .add("\n<p>Immutable and thread-safe. It is also the simplest {@link CredentialsProvider}: it provides\n")
                .add("itself. {@link #toString()} never shows the secret key or the token and only the ends of the\n")
                .add("secret id, so credentials may appear in logs and exception messages without leaking.\n")
                .add("\n<pre>{@code\n")
                .add("Credentials permanent = Credentials.of(secretId, secretKey);\n")
                .add("Credentials temporary = Credentials.of(tmpSecretId, tmpSecretKey, sessionToken);\n")
                .add("Credentials expiring = Credentials.of(tmpSecretId, tmpSecretKey, sessionToken,\n")
                .add("        Instant.ofEpochSecond(expiredTime));   // for CachingCredentialsProvider\n")
                .add("}</pre>\n")
                .add("\n<p>Equality is identity: comparing secrets is not what credentials are for.\n")
                .build();
    }

    private static FieldSpec privateField(String name) {
        return FieldSpec.builder(String.class, name, PRIVATE, FINAL).build();
    }

    private static MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(String.class, "secretId")
                .addParameter(String.class, "secretKey")
                .addParameter(String.class, "token")
                .addParameter(Instant.class, "expiration")
                .addStatement("this.secretId = secretId")
                .addStatement("this.secretKey = secretKey")
                .addStatement("this.token = token")
                .addStatement("this.expiration = expiration")
                .build();
    }

    private MethodSpec ofKeys() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("Permanent credentials: a secret id and secret key without a token.\n")
                .addJavadoc("\n@param secretId the {@code SecretId}, e.g. {@code AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE}\n")
                .addJavadoc("@param secretKey the {@code SecretKey}\n")
                .addJavadoc("@return the credentials\n")
                .addJavadoc("@throws IllegalArgumentException if either is {@code null} or blank\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.credentials())
                .addParameter(String.class, "secretId")
                .addParameter(String.class, "secretKey")
                .addStatement("return of(secretId, secretKey, null)")
                .build();
    }

    private MethodSpec ofKeysAndToken() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("Credentials with an optional session token, as issued for temporary access.\n")
                .addJavadoc("\n@param secretId the {@code SecretId}\n")
                .addJavadoc("@param secretKey the {@code SecretKey}\n")
                .addJavadoc("@param token the session token, sent as {@code X-TC-Token}; {@code null} or empty for none\n")
                .addJavadoc("@return the credentials\n")
                .addJavadoc("@throws IllegalArgumentException if the secret id or secret key is {@code null} or blank\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.credentials())
                .addParameter(String.class, "secretId")
                .addParameter(String.class, "secretKey")
                .addParameter(String.class, "token")
                .addStatement("return of(secretId, secretKey, token, null)")
                .build();
    }

    private MethodSpec ofExpiring() {
        return MethodSpec.methodBuilder("of")
                .addJavadoc("Temporary credentials that expire, as a security token service issues them. A\n")
                .addJavadoc("{@link CachingCredentialsProvider} uses the expiration to fetch new ones in time.\n")
                .addJavadoc("\n@param secretId the {@code SecretId}\n")
                .addJavadoc("@param secretKey the {@code SecretKey}\n")
                .addJavadoc("@param token the session token; {@code null} or empty for none\n")
                .addJavadoc("@param expiration when they stop working; {@code null} if they do not expire\n")
                .addJavadoc("@return the credentials\n")
                .addJavadoc("@throws IllegalArgumentException if the secret id or secret key is {@code null} or blank\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(types.credentials())
                .addParameter(String.class, "secretId")
                .addParameter(String.class, "secretKey")
                .addParameter(String.class, "token")
                .addParameter(Instant.class, "expiration")
                .addStatement("requireText(secretId, $S)", "secretId")
                .addStatement("requireText(secretKey, $S)", "secretKey")
                .addStatement("return new $T(secretId, secretKey, token == null || token.isEmpty() ? null : token,\n"
                        + "expiration)", types.credentials())
                .build();
    }

    private static MethodSpec expiration() {
        return MethodSpec.methodBuilder("expiration")
                .addJavadoc("When temporary credentials stop working.\n")
                .addJavadoc("\n@return the expiration, or empty for credentials that do not expire\n")
                .addModifiers(PUBLIC)
                .returns(ParameterizedTypeName.get(Optional.class, Instant.class))
                .addStatement("return $T.ofNullable(expiration)", Optional.class)
                .build();
    }

    private static MethodSpec secretId() {
        return MethodSpec.methodBuilder("secretId")
                .addJavadoc("The {@code SecretId}: not secret by itself, it names the key in every signed request.\n")
                .addJavadoc("\n@return the secret id\n")
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return secretId")
                .build();
    }

    private static MethodSpec secretKey() {
        return MethodSpec.methodBuilder("secretKey")
                .addJavadoc("The {@code SecretKey}, the signing secret. It never leaves this process: requests carry\n")
                .addJavadoc("only signatures made with it. Do not log it.\n")
                .addJavadoc("\n@return the secret key\n")
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return secretKey")
                .build();
    }

    private static MethodSpec token() {
        return MethodSpec.methodBuilder("token")
                .addJavadoc("The session token of temporary credentials, sent with each request as {@code X-TC-Token}.\n")
                .addJavadoc("\n@return the token, or empty for permanent credentials\n")
                .addModifiers(PUBLIC)
                .returns(ParameterizedTypeName.get(Optional.class, String.class))
                .addStatement("return $T.ofNullable(token)", Optional.class)
                .build();
    }

    private MethodSpec credentials() {
        return MethodSpec.methodBuilder("credentials")
                .addJavadoc("Returns these credentials: fixed credentials are their own provider.\n")
                .addJavadoc("\n@return {@code this}\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(types.credentials())
                .addStatement("return this")
                .build();
    }

    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Describes these credentials without their secrets, e.g.\n")
                .addJavadoc("{@code Credentials[secretId=AKID****MPLE, secretKey=$L, token=none]}; expiring\n", MASK)
                .addJavadoc("credentials add {@code , expiration=} and the instant.\n")
                .addJavadoc("\n@return a masked description\n")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return $S + maskSecretId(secretId)\n+ $S + (token == null ? $S : $S)\n"
                        + "+ (expiration == null ? $S : $S + expiration) + $S",
                        "Credentials[secretId=", ", secretKey=" + MASK + ", token=", "none", MASK, "",
                        ", expiration=", "]")
                .build();
    }

    private static MethodSpec requireText() {
        return MethodSpec.methodBuilder("requireText")
                .addModifiers(PRIVATE, STATIC)
                .addParameter(String.class, "value")
                .addParameter(String.class, "name")
                .beginControlFlow("if (value == null || value.isBlank())")
                .addStatement("throw new $T(name + $S)", IllegalArgumentException.class, " must not be null or blank")
                .endControlFlow()
                .build();
    }

    /** At most the first and last four characters, fewer for short ids, so a short id is never shown whole. */
    private static MethodSpec maskSecretId() {
        return MethodSpec.methodBuilder("maskSecretId")
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(String.class, "secretId")
                .addStatement("int shown = $T.min(4, secretId.length() / 4)", Math.class)
                .addStatement("return secretId.substring(0, shown) + $S + secretId.substring(secretId.length() - shown)",
                        MASK)
                .build();
    }
}

package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code Tc3Signer}: Tencent Cloud "Signature v3" (TC3-HMAC-SHA256), one public static method per step of the
 * published algorithm, so each intermediate value can be checked against the documentation's worked example.
 */
final class Tc3SignerEmitter {

    private static final ClassName MAC = ClassName.get("javax.crypto", "Mac");
    private static final ClassName SECRET_KEY_SPEC = ClassName.get("javax.crypto.spec", "SecretKeySpec");

    private final CoreTypes types;
    private final GeneratedFiles files;

    Tc3SignerEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.classBuilder(types.signer())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addModifiers(PUBLIC, FINAL)
                .addField(constant(PUBLIC, "ALGORITHM", "TC3-HMAC-SHA256",
                        "The signature algorithm, the first word of the {@code Authorization} header."))
                .addField(constant(PUBLIC, "SIGNED_HEADERS", "content-type;host",
                        "The headers every signature covers, lowercase, in canonical order."))
                .addField(constant(PRIVATE, "HMAC_SHA256", "HmacSHA256", null))
                .addField(constant(PRIVATE, "TERMINATOR", "tc3_request", null))
                .addField(hexDigits())
                .addMethod(privateConstructor())
                .addMethod(authorization())
                .addMethod(sha256Hex())
                .addMethod(canonicalRequest())
                .addMethod(credentialScope())
                .addMethod(stringToSign())
                .addMethod(signature())
                .addMethod(utcDate())
                .addMethod(hmacSha256())
                .addMethod(hex())
                .build();
        return files.file(types.packageName(), type);
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Signs Tencent Cloud API 3.0 requests with TC3-HMAC-SHA256 (\"Signature v3\").\n")
                .add("\n<p>A signature proves that the caller holds the secret key without sending it. It covers the\n")
                .add("request method and path, the {@code Content-Type} and {@code Host} headers, the SHA-256 of the\n")
                .add("body, the time and the service, so a captured request cannot be altered or replayed for long.\n")
                .add("The steps, each a method here:\n")
                .add("<ol>\n")
                .add("  <li>{@link #canonicalRequest}: the request in a fixed text form, ending with the body's\n")
                .add("      hash ({@link #sha256Hex});</li>\n")
                .add("  <li>{@link #credentialScope}: the UTC date, the service and {@code tc3_request};</li>\n")
                .add("  <li>{@link #stringToSign}: algorithm, timestamp, scope and the hash of the canonical request;</li>\n")
                .add("  <li>{@link #signature}: a key derived from the secret key for that date and service, applied\n")
                .add("      to the string to sign;</li>\n")
                .add("  <li>{@link #authorization}: the {@code Authorization} header carrying the secret id, scope and\n")
                .add("      signature.</li>\n")
                .add("</ol>\n")
                .add("\n<pre>{@code\n")
                .add("String authorization = Tc3Signer.authorization(credentials, \"cvm\", \"cvm.tencentcloudapi.com\",\n")
                .add("        \"application/json; charset=utf-8\", payload, timestampSeconds);\n")
                .add("}</pre>\n")
                .add("\n<p>The service name is part of the signature and is always passed in, from the API description:\n")
                .add("it is not derived from the host, which for a regional or private endpoint need not start with\n")
                .add("it. The timestamp must be within a few minutes of the server's clock.\n")
                .add("\n<p>All methods are stateless and thread-safe.\n")
                .build();
    }

    private static FieldSpec constant(Modifier visibility, String name, String value, String javadoc) {
        FieldSpec.Builder field = FieldSpec.builder(String.class, name, visibility, STATIC, FINAL)
                .initializer("$S", value);
        if (javadoc != null) {
            field.addJavadoc("$L\n", javadoc);
        }
        return field.build();
    }

    private static FieldSpec hexDigits() {
        return FieldSpec.builder(char[].class, "HEX_DIGITS", PRIVATE, STATIC, FINAL)
                .initializer("$S.toCharArray()", "0123456789abcdef")
                .build();
    }

    private static MethodSpec privateConstructor() {
        return MethodSpec.constructorBuilder().addModifiers(PRIVATE).build();
    }

    private MethodSpec authorization() {
        return MethodSpec.methodBuilder("authorization")
                .addJavadoc("Signs a {@code POST /} request and returns its {@code Authorization} header: all the\n")
                .addJavadoc("steps in one call.\n")
                .addJavadoc("\n@param credentials the keys to sign with; only the secret id appears in the result\n")
                .addJavadoc("@param service the service name from the API description, e.g. {@code cvm}\n")
                .addJavadoc("@param host the {@code Host} header exactly as sent, with {@code :port} when not default\n")
                .addJavadoc("@param contentType the {@code Content-Type} header exactly as sent\n")
                .addJavadoc("@param payload the request body, byte for byte\n")
                .addJavadoc("@param timestampSeconds the request time in seconds since the epoch, also sent as\n")
                .addJavadoc("    {@code X-TC-Timestamp}\n")
                .addJavadoc("@return {@code TC3-HMAC-SHA256 Credential=<secretId>/<scope>, SignedHeaders=content-type;host,\n")
                .addJavadoc("    Signature=<hex>}\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(String.class)
                .addParameter(types.credentials(), "credentials")
                .addParameter(String.class, "service")
                .addParameter(String.class, "host")
                .addParameter(String.class, "contentType")
                .addParameter(byte[].class, "payload")
                .addParameter(long.class, "timestampSeconds")
                .addStatement("String canonicalRequest = canonicalRequest(contentType, host, sha256Hex(payload))")
                .addStatement("String credentialScope = credentialScope(timestampSeconds, service)")
                .addStatement("String stringToSign = stringToSign(timestampSeconds, credentialScope, canonicalRequest)")
                .addStatement("String signature = signature(credentials.secretKey(), timestampSeconds, service, "
                        + "stringToSign)")
                .addStatement("return ALGORITHM + $S + credentials.secretId() + '/' + credentialScope\n"
                        + "+ $S + SIGNED_HEADERS + $S + signature", " Credential=", ", SignedHeaders=", ", Signature=")
                .build();
    }

    private static MethodSpec sha256Hex() {
        return MethodSpec.methodBuilder("sha256Hex")
                .addJavadoc("The SHA-256 digest of the data as lowercase hex: how the body and the canonical request\n")
                .addJavadoc("enter the signature.\n")
                .addJavadoc("\n@param data the bytes to hash\n")
                .addJavadoc("@return 64 lowercase hex digits\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(String.class)
                .addParameter(byte[].class, "data")
                .beginControlFlow("try")
                .addStatement("return hex($T.getInstance($S).digest(data))", MessageDigest.class, "SHA-256")
                .nextControlFlow("catch ($T e)", GeneralSecurityException.class)
                .addStatement("throw new $T($S, e)", IllegalStateException.class,
                        "SHA-256 is missing from this JVM, which every JVM must provide")
                .endControlFlow()
                .build();
    }

    private static MethodSpec canonicalRequest() {
        return MethodSpec.methodBuilder("canonicalRequest")
                .addJavadoc("The canonical form of a {@code POST /} request without a query string: method, path,\n")
                .addJavadoc("empty query, the signed headers ({@code content-type} and {@code host}, values trimmed),\n")
                .addJavadoc("their names, and the body's hash, one per line.\n")
                .addJavadoc("\n@param contentType the {@code Content-Type} header value\n")
                .addJavadoc("@param host the {@code Host} header value\n")
                .addJavadoc("@param hashedPayload {@link #sha256Hex} of the body\n")
                .addJavadoc("@return the canonical request\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(String.class)
                .addParameter(String.class, "contentType")
                .addParameter(String.class, "host")
                .addParameter(String.class, "hashedPayload")
                .addStatement("String canonicalHeaders = $S + contentType.trim() + '\\n' + $S + host.trim() + '\\n'",
                        "content-type:", "host:")
                .addStatement("return String.join($S, $S, $S, $S, canonicalHeaders, SIGNED_HEADERS, hashedPayload)",
                        "\n", "POST", "/", "")
                .build();
    }

    private static MethodSpec credentialScope() {
        return MethodSpec.methodBuilder("credentialScope")
                .addJavadoc("The scope a signature is valid for: {@code <UTC date>/<service>/tc3_request}, e.g.\n")
                .addJavadoc("{@code 2019-02-25/cvm/tc3_request}.\n")
                .addJavadoc("\n@param timestampSeconds the request time in seconds since the epoch\n")
                .addJavadoc("@param service the service name from the API description\n")
                .addJavadoc("@return the credential scope\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(String.class)
                .addParameter(long.class, "timestampSeconds")
                .addParameter(String.class, "service")
                .addStatement("return utcDate(timestampSeconds) + '/' + service + '/' + TERMINATOR")
                .build();
    }

    private static MethodSpec stringToSign() {
        return MethodSpec.methodBuilder("stringToSign")
                .addJavadoc("The text the derived key signs: the algorithm, the timestamp, the credential scope and\n")
                .addJavadoc("the SHA-256 of the canonical request, one per line.\n")
                .addJavadoc("\n@param timestampSeconds the request time in seconds since the epoch\n")
                .addJavadoc("@param credentialScope {@link #credentialScope} for the same time and service\n")
                .addJavadoc("@param canonicalRequest {@link #canonicalRequest} of the request\n")
                .addJavadoc("@return the string to sign\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(String.class)
                .addParameter(long.class, "timestampSeconds")
                .addParameter(String.class, "credentialScope")
                .addParameter(String.class, "canonicalRequest")
                .addStatement("String hashedCanonicalRequest = sha256Hex(canonicalRequest.getBytes($T.UTF_8))",
                        StandardCharsets.class)
                .addStatement("return ALGORITHM + '\\n' + timestampSeconds + '\\n' + credentialScope + '\\n'\n"
                        + "+ hashedCanonicalRequest")
                .build();
    }

    private static MethodSpec signature() {
        return MethodSpec.methodBuilder("signature")
                .addJavadoc("The signature of the string to sign. The signing key is derived in steps, each an\n")
                .addJavadoc("HMAC-SHA256 keyed with the previous result: {@code \"TC3\" + secretKey} signs the UTC\n")
                .addJavadoc("date, that signs the service, that signs {@code tc3_request}, and that key signs the\n")
                .addJavadoc("string. A leaked derived key is thus good for one service on one day only.\n")
                .addJavadoc("\n@param secretKey the {@code SecretKey}\n")
                .addJavadoc("@param timestampSeconds the request time in seconds since the epoch\n")
                .addJavadoc("@param service the service name from the API description\n")
                .addJavadoc("@param stringToSign {@link #stringToSign} of the request\n")
                .addJavadoc("@return 64 lowercase hex digits\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(String.class)
                .addParameter(String.class, "secretKey")
                .addParameter(long.class, "timestampSeconds")
                .addParameter(String.class, "service")
                .addParameter(String.class, "stringToSign")
                .addStatement("byte[] secretDate =\nhmacSha256(($S + secretKey).getBytes($T.UTF_8), utcDate(timestampSeconds))",
                        "TC3", StandardCharsets.class)
                .addStatement("byte[] secretService = hmacSha256(secretDate, service)")
                .addStatement("byte[] secretSigning = hmacSha256(secretService, TERMINATOR)")
                .addStatement("return hex(hmacSha256(secretSigning, stringToSign))")
                .build();
    }

    private static MethodSpec utcDate() {
        return MethodSpec.methodBuilder("utcDate")
                .addJavadoc("{@code yyyy-MM-dd} in UTC, whatever the default time zone.\n")
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(long.class, "timestampSeconds")
                .addStatement("return $T.ofEpochSecond(timestampSeconds).atOffset($T.UTC).toLocalDate().toString()",
                        Instant.class, ZoneOffset.class)
                .build();
    }

    private static MethodSpec hmacSha256() {
        return MethodSpec.methodBuilder("hmacSha256")
                .addModifiers(PRIVATE, STATIC)
                .returns(byte[].class)
                .addParameter(byte[].class, "key")
                .addParameter(String.class, "data")
                .beginControlFlow("try")
                .addStatement("$T mac = $T.getInstance(HMAC_SHA256)", MAC, MAC)
                .addStatement("mac.init(new $T(key, HMAC_SHA256))", SECRET_KEY_SPEC)
                .addStatement("return mac.doFinal(data.getBytes($T.UTF_8))", StandardCharsets.class)
                .nextControlFlow("catch ($T e)", GeneralSecurityException.class)
                .addStatement("throw new $T($S, e)", IllegalStateException.class,
                        "HmacSHA256 is missing from this JVM, which every JVM must provide")
                .endControlFlow()
                .build();
    }

    private static MethodSpec hex() {
        return MethodSpec.methodBuilder("hex")
                .addModifiers(PRIVATE, STATIC)
                .returns(String.class)
                .addParameter(byte[].class, "bytes")
                .addStatement("char[] out = new char[bytes.length * 2]")
                .beginControlFlow("for (int i = 0; i < bytes.length; i++)")
                .addStatement("out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf]")
                .addStatement("out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf]")
                .endControlFlow()
                .addStatement("return new String(out)")
                .build();
    }
}

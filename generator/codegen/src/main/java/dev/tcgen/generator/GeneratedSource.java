package dev.tcgen.generator;

import com.palantir.javapoet.JavaFile;

/**
 * One generated source file.
 *
 * @param relativePath its path under the output directory, with {@code /} separators, e.g.
 *     {@code dev/tcgen/client/core/Tc3Signer.java}
 * @param content its text
 */
public record GeneratedSource(String relativePath, String content) {

    static GeneratedSource of(JavaFile file) {
        String path = file.packageName().isEmpty()
                ? file.typeSpec().name() + ".java"
                : file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
        return new GeneratedSource(path, file.toString());
    }
}

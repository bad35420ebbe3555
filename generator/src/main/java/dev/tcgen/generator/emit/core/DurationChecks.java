package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.MethodSpec;
import java.time.Duration;

/** The duration check that the builders of the core share: {@code requirePositive(value, name)}. */
final class DurationChecks {

    private DurationChecks() {}

    /** {@code private static Duration requirePositive(Duration value, String name)}, naming the setting it checks. */
    static MethodSpec requirePositive() {
        return MethodSpec.methodBuilder("requirePositive")
                .addModifiers(PRIVATE, STATIC)
                .returns(Duration.class)
                .addParameter(Duration.class, "value")
                .addParameter(String.class, "name")
                .beginControlFlow("if (value == null || value.isNegative() || value.isZero())")
                .addStatement("throw new $T(name + $S + value)", IllegalArgumentException.class,
                        " must be a positive duration, not ")
                .endControlFlow()
                .addStatement("return value")
                .build();
    }
}

package dev.tcgen.generator;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Initialises JavaPoet's classes in one thread before several threads use it.
 *
 * <p>In square/javapoet, {@code TypeName}'s static fields were instances of its subclass {@code ClassName}, so a
 * thread that first touched {@code TypeName} while another first touched {@code ClassName} could deadlock in class
 * initialisation, each holding the lock the other waited for (square/javapoet#799). Palantir's fork moved
 * {@code OBJECT} to {@code ClassName}, but its types still refer to each other in static initialisers (the boxed
 * types, {@code ClassName.get}); rather than depend on which cycles a version has, every kind of spec is used once,
 * here, from one thread, before any pool starts.
 */
public final class JavaPoetInit {

    private static final String RENDERED = render();

    private JavaPoetInit() {}

    /** Makes sure JavaPoet's classes are initialised; cheap after the first call. */
    public static void ensureInitialized() {
        if (RENDERED.isEmpty()) {
            throw new IllegalStateException("JavaPoet rendered nothing");
        }
    }

    private static String render() {
        TypeName object = ClassName.OBJECT;
        ClassName list = ClassName.get(List.class);
        TypeVariableName t = TypeVariableName.get("T");
        TypeName listOfT = ParameterizedTypeName.get(list, WildcardTypeName.subtypeOf(t));
        TypeSpec type = TypeSpec.classBuilder("Init")
                .addAnnotation(AnnotationSpec.builder(Deprecated.class).build())
                .addTypeVariable(t)
                .addField(FieldSpec.builder(ArrayTypeName.of(TypeName.INT), "values", Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addParameter(ParameterSpec.builder(listOfT, "items").build())
                        .returns(object)
                        .addCode(CodeBlock.of("return $T.of(items, $S);\n", list, "$"))
                        .build())
                .addJavadoc("Init.\n")
                .build();
        return JavaFile.builder("init", type).build().toString();
    }
}

package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.emit.StringLiteral;
import dev.tcgen.generator.model.Naming;
import dev.tcgen.generator.model.RegionModel;
import dev.tcgen.generator.model.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the service's {@code Region} class, for every service: a constant per region the spec lists, and
 * {@code Region.of(id)} for any other, so that a client can be called in a region its spec does not name (every
 * spec imported from Tencent's {@code api.json} names none). A class rather than an enum for that reason; what does
 * not depend on the spec (the id's form, equality) is the runtime's {@code AbstractRegion}.
 */
final class RegionEmitter {

    /** The list of the spec's regions; its name has no underscore, so no region's constant can take it. */
    private static final String KNOWN = "KNOWN";

    private final ServiceModel service;
    private final RuntimeTypes runtime;
    private final GeneratedFiles files;

    RegionEmitter(ServiceModel service, RuntimeTypes runtime, GeneratedFiles files) {
        this.service = service;
        this.runtime = runtime;
        this.files = files;
    }

    TypeSpec emit() {
        ClassName type = service.regionClass();
        TypeSpec.Builder region = TypeSpec.classBuilder(type)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(runtime.regionBase())
                .addAnnotation(files.generatedAnnotation())
                .addJavadoc(classJavadoc());
        for (RegionModel known : service.regions()) {
            String name = known.description().isBlank() ? known.id() : known.description();
            region.addField(FieldSpec.builder(type, known.constantName(), Modifier.PUBLIC, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("{@code $L}: $L.\n", known.id(), JavadocText.escape(name))
                    .initializer("new $T($S, $L)", type, known.id(), StringLiteral.of(name))
                    .build());
        }
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), type);
        region.addField(FieldSpec.builder(list, KNOWN, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", List.class, service.regions().stream()
                        .map(known -> CodeBlock.of("$N", known.constantName()))
                        .collect(CodeBlock.joining(", ")))
                .build());
        TypeName map = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), type);
        region.addField(FieldSpec.builder(map, Naming.REGION_LOOKUP_TABLE, Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("$N.stream().collect($T.toUnmodifiableMap($T::id, $T.identity()))", KNOWN,
                        Collectors.class, type, Function.class)
                .build());
        return region.addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(String.class, "id")
                        .addParameter(String.class, "displayName")
                        .addStatement("super(id, displayName)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(type)
                        .addParameter(String.class, "id")
                        .addJavadoc("The region of an id: its constant if the spec lists it, else a new region.\n\n"
                                + "@param id a region id: lower-case words and digits joined by hyphens, e.g. "
                                + "{@code ap-jakarta}\n"
                                + "@return the region\n"
                                + "@throws $T if the id is not of that form\n", IllegalArgumentException.class)
                        .addStatement("$T known = $N.get($T.requireNonNull(id, $S))", type,
                                Naming.REGION_LOOKUP_TABLE, Objects.class, "id")
                        .addStatement("return known != null ? known : new $T(id, id)", type)
                        .build())
                .addMethod(MethodSpec.methodBuilder("values")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(list)
                        .addJavadoc("The regions the spec lists, in its order.\n\n"
                                + "@return an immutable list; empty if the spec lists none\n")
                        .addStatement("return $N", KNOWN)
                        .build())
                .build();
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("A region of $L $L, sent as {@code X-TC-Region}: ", service.service(), service.version());
        if (service.regions().isEmpty()) {
            doc.add("its spec lists none, so any region is\n"
                    + "{@link #of($T) of} its id, e.g. {@code Region.of(\"ap-guangzhou\")}.\n", String.class);
        } else {
            doc.add("a constant for each region its spec lists, or\n"
                    + "{@link #of($T) of} the id of another, e.g. one Tencent opened after this client was "
                    + "generated.\n", String.class);
        }
        doc.add("\n<pre>{@code\n");
        if (!service.regions().isEmpty()) {
            doc.add("Region.$L\n", service.regions().get(0).constantName());
        }
        return doc.add("Region.of(\"ap-jakarta\")\n")
                .add("}</pre>\n")
                .add("\n<p>Two regions are equal when their ids are; {@code toString()} is the id.")
                .add(service.checksActionRegions() ? " Some actions support only some\nregions; each client "
                        + "method's Javadoc says which.\n" : "\n")
                .build();
    }
}

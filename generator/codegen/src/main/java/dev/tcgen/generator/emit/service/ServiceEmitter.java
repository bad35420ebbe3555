package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.generator.model.StructureModel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Emits every file of one service version's package: per action a request and a response, one class per structure,
 * the error-code enum, the {@code Region} class, the exception, the client (an interface and its implementation) and
 * its in-memory fake.
 */
public final class ServiceEmitter {

    private final ServiceModel service;
    private final GeneratedFiles files;
    private final RuntimeTypes runtime;
    private final ValueClassEmitter values;

    public ServiceEmitter(ServiceModel service, GeneratedFiles files) {
        this.service = service;
        this.files = files;
        this.runtime = new RuntimeTypes(service.runtimePackage());
        this.values = new ValueClassEmitter(runtime, files);
    }

    /**
     * Every file of the service package, sorted by class name, each still to emit: the names come from the model, so
     * the files can be emitted and rendered in any order and on any thread.
     */
    public List<Supplier<JavaFile>> files() {
        Map<ClassName, Supplier<TypeSpec>> types = new HashMap<>();
        for (ActionModel action : service.actions()) {
            types.put(action.request(), () -> values.emit(request(action)));
            types.put(action.response(), () -> values.emit(response(action)));
        }
        service.structures().forEach(structure -> types.put(structure.className(),
                () -> values.emit(structure(structure))));
        types.put(service.errorCodeEnum(), () -> new EnumEmitters(service, files).errorCodes());
        types.put(service.regionClass(), () -> new RegionEmitter(service, runtime, files).emit());
        types.put(service.exception(), () -> new ServiceExceptionEmitter(service, runtime, files).emit());
        types.put(service.client(), () -> new ClientEmitter(service, runtime, files).clientInterface());
        types.put(service.clientImplementation(), () -> new ClientEmitter(service, runtime, files).implementation());
        types.put(service.fakeClient(), () -> new FakeClientEmitter(service, runtime, files).emit());
        List<String> clashes = GeneratedFiles.javaLangClashes(types.keySet().stream().map(ClassName::simpleName)
                .toList());
        return types.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ClassName::simpleName)))
                .map(Map.Entry::getValue)
                .<Supplier<JavaFile>>map(type -> () -> files.file(service.packageName(), type.get(), clashes))
                .toList();
    }

    private ValueClassEmitter.ValueClass request(ActionModel action) {
        CodeBlock javadoc = CodeBlock.builder()
                .add("The request of {@link $T#$L}: $L\n", service.client(), action.methodName(),
                        JavadocText.summary(action.description()))
                .add("\n<pre>{@code\n$T request = $T.builder()\n", action.request(), action.request())
                .add(exampleSetters(action))
                .add("        .build();\n}</pre>\n")
                .add(deprecation(action))
                .build();
        return new ValueClassEmitter.ValueClass(action.request(), javadoc, action.input(),
                ValueClassEmitter.Kind.REQUEST, action.deprecated());
    }

    private static CodeBlock exampleSetters(ActionModel action) {
        CodeBlock.Builder setters = CodeBlock.builder();
        action.input().stream()
                .filter(member -> member.required())
                .forEach(member -> setters.add("        .$L(...)\n", member.javaName()));
        return setters.build();
    }

    private ValueClassEmitter.ValueClass response(ActionModel action) {
        CodeBlock javadoc = CodeBlock.builder()
                .add("The response of {@link $T#$L}. Members the API leaves out are {@code null} (lists: empty, with {@code has...()}); members this "
                        + "client does not know are ignored; a value that does not fit its member's type is left out and listed in {@link #problems()}.\n",
                        service.client(), action.methodName())
                .add(deprecation(action))
                .build();
        return new ValueClassEmitter.ValueClass(action.response(), javadoc, action.output(),
                ValueClassEmitter.Kind.RESPONSE, action.deprecated());
    }

    private ValueClassEmitter.ValueClass structure(StructureModel structure) {
        String description = JavadocText.html(structure.description());
        CodeBlock javadoc = CodeBlock.builder()
                .add("$L\n", description.isEmpty() ? "The {@code " + structure.wireName() + "} structure." : description)
                .add(structure.deprecated() ? "\n<p>The API marks this structure as deprecated.\n" : "")
                .build();
        return new ValueClassEmitter.ValueClass(structure.className(), javadoc, structure.members(),
                ValueClassEmitter.Kind.STRUCTURE, false);
    }

    private static CodeBlock deprecation(ActionModel action) {
        return action.deprecated()
                ? CodeBlock.of("\n@deprecated the API marks {@code $L} as deprecated\n", action.wireName())
                : CodeBlock.of("");
    }
}

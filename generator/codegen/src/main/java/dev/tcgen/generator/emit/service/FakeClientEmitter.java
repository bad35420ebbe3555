package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.Naming;
import dev.tcgen.generator.model.ServiceModel;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the in-memory fake of the client, e.g. {@code FakeTrtcClient}, for users' tests: each action answers with its
 * documented example (or a stub), calls are recorded, the region check is the real client's, and nothing is sent.
 * What does not depend on the spec is the runtime's {@code FakeCalls}.
 */
final class FakeClientEmitter {

    private static final String CALLS = "calls";

    private final ServiceModel service;
    private final RuntimeTypes runtime;
    private final GeneratedFiles files;
    private final ClassName fake;

    FakeClientEmitter(ServiceModel service, RuntimeTypes runtime, GeneratedFiles files) {
        this.service = service;
        this.runtime = runtime;
        this.files = files;
        this.fake = service.fakeClient();
    }

    TypeSpec emit() {
        boolean regionRequired = !service.regions().isEmpty();
        TypeSpec.Builder type = TypeSpec.classBuilder(fake)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(service.client())
                .addAnnotation(files.generatedAnnotation())
                .addJavadoc(classJavadoc());
        service.actions().stream()
                .filter(action -> !action.exampleResponse().isEmpty())
                .forEach(action -> type.addField(FieldSpec.builder(String.class, exampleName(action),
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", action.exampleResponse())
                        .build()));
        type.addField(FieldSpec.builder(runtime.fakeCalls(), CALLS, Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(service.regionClass(), "region", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(service.regionClass(), "region")
                        .addJavadoc("A fake in {@code region}, answering every action with its documented example.\n\n"
                                + "@param region the region of its calls$L\n", regionRequired ? ""
                                : ", or {@code null} for none")
                        .addStatement("this(new $T($L), $L)", runtime.fakeCalls(), service.checksActionRegions()
                                ? CodeBlock.of("$N, $T::new", ClientEmitter.SUPPORTED_REGIONS, service.exception())
                                : CodeBlock.of(""), regionRequired
                                ? CodeBlock.of("$T.requireNonNull(region, $S)", Objects.class, "region")
                                : CodeBlock.of("region"))
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(runtime.fakeCalls(), CALLS)
                        .addParameter(service.regionClass(), "region")
                        .addStatement("this.$N = $N", CALLS, CALLS)
                        .addStatement("this.region = region")
                        .build())
                .addMethod(ClientEmitter.override("region", service.regionClass()).addStatement("return region")
                        .build())
                .addMethod(ClientEmitter.override("withRegion", service.client())
                        .addParameter(service.regionClass(), "region")
                        .addJavadoc("This fake in another region, sharing its stubs and recorded calls.\n")
                        .addStatement("return new $T($N, $T.requireNonNull(region, $S))", fake, CALLS, Objects.class,
                                "region")
                        .build())
                .addMethod(ClientEmitter.override("withOptions", service.client())
                        .addParameter(runtime.callOptions(), "options")
                        .addJavadoc("This fake itself: call options (headers, timeouts, credentials, retries) do not apply\n"
                                + "to a fake, which sends nothing.\n")
                        .addStatement("$T.requireNonNull(options, $S)", Objects.class, "options")
                        .addStatement("return this")
                        .build())
                .addMethod(ClientEmitter.override("transport", runtime.transport())
                        .addJavadoc("A fake has no transport.\n\n@throws $T always\n",
                                UnsupportedOperationException.class)
                        .addStatement("throw new $T($S)", UnsupportedOperationException.class,
                                fake.simpleName() + " sends nothing and has no transport")
                        .build());
        for (ActionModel action : service.actions()) {
            type.addMethod(actionMethod(action))
                    .addMethod(ClientEmitter.implementing(ClientEmitter.asyncSignature(action))
                            .addStatement("return $T.async(() -> $N(request))", runtime.fakeCalls(), action.methodName())
                            .build())
                    .addMethod(stub(action))
                    .addMethod(fail(action));
            if (action.streaming()) {
                type.addMethods(new StreamingMethodEmitter(service, runtime, "null").fakes(action, fake));
            }
        }
        return type.addMethod(ClientEmitter.genericCall("call")
                        .addAnnotation(Override.class)
                        .addJavadoc("Records the call and answers an empty {@code Response} object, {@code {}}.\n")
                        .addStatement("return $N.answer(action, $L, request, $T.class, () -> $S)", CALLS, regionId(),
                                String.class, "{}")
                        .build())
                .addMethod(ClientEmitter.genericCall("callAsync")
                        .addAnnotation(Override.class)
                        .addStatement("return $T.async(() -> call(action, request))", runtime.fakeCalls())
                        .build())
                .addMethod(MethodSpec.methodBuilder("calls")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class),
                                runtime.get(dev.tcgen.runtime.FakeCalls.Call.class)))
                        .addJavadoc("The calls this fake (and its {@code withRegion} copies) answered, in order, with\n"
                                + "their action, region and request. A call the region check refused is not among\n"
                                + "them, as the real client sends nothing then.\n\n@return an immutable copy\n")
                        .addStatement("return $N.calls()", CALLS)
                        .build())
                .addMethod(requests())
                .addMethod(MethodSpec.methodBuilder("reset")
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Forgets the recorded calls and the stubs.\n")
                        .addStatement("$N.reset()", CALLS)
                        .build())
                .addMethod(ClientEmitter.override("close", TypeName.VOID)
                        .addJavadoc("Does nothing: a fake holds no connections.\n")
                        .build())
                .build();
    }

    private CodeBlock classJavadoc() {
        String example = service.actions().isEmpty() ? "someAction" : service.actions().get(0).methodName();
        String stub = service.actions().isEmpty() ? "stubSomeAction" : stubName(service.actions().get(0));
        return CodeBlock.builder()
                .add("An in-memory {@link $T} for tests of code that calls it: no HTTP, no credentials.\n",
                        service.client())
                .add("\n<p>Every action answers with its documented example response (an empty response where the\n")
                .add("documentation has none) until a test stubs it with a function or an exception. Calls are\n")
                .add("recorded. Requests are built, so checked for required members, as for the real client, and\n")
                .add("an action called in a region its documentation does not list fails the same way.\n")
                .add("\n<pre>{@code\n")
                .add("$T client = new $T($L);\n", fake, fake, service.regions().isEmpty() ? "null"
                        : "Region." + service.regions().get(0).constantName())
                .add("client.$L(request -> ...);            // or client.$L(new $T(...))\n", stub, stub,
                        service.exception())
                .add("new CodeUnderTest(client).run();\n")
                .add("client.calls();                            // what was called, in order\n")
                .add("}</pre>\n")
                .add("\n<p>Thread-safe. {@code $L(...)}, {@code stub...} and {@code reset()} may be called at any time.\n",
                        example)
                .build();
    }

    private MethodSpec actionMethod(ActionModel action) {
        CodeBlock documented = action.exampleResponse().isEmpty()
                ? CodeBlock.of("$T.builder().build()", action.response())
                : CodeBlock.of("$T.example($S, $T::readJson, $N)", runtime.fakeCalls(), action.wireName(),
                        action.response(), exampleName(action));
        return ClientEmitter.implementing(ClientEmitter.actionSignature(action))
                .addStatement("return $N.answer($S, $L, request, $T.class, () -> $L)", CALLS, action.wireName(),
                        regionId(), action.response(), documented)
                .build();
    }

    private String regionId() {
        return service.regions().isEmpty() ? "region == null ? null : region.id()" : "region.id()";
    }

    private static String exampleName(ActionModel action) {
        return Naming.constantName(action.wireName()) + "_EXAMPLE";
    }

    private static String stubName(ActionModel action) {
        return "stub" + action.wireName();
    }

    private MethodSpec stub(ActionModel action) {
        TypeName answer = ParameterizedTypeName.get(ClassName.get(Function.class),
                WildcardTypeName.supertypeOf(action.request()), WildcardTypeName.subtypeOf(action.response()));
        MethodSpec.Builder method = MethodSpec.methodBuilder(stubName(action))
                .addModifiers(Modifier.PUBLIC)
                .returns(fake)
                .addParameter(answer, "answer")
                .addJavadoc("Answers {@link $T#$L} with {@code answer} from now on, instead of the documented\n"
                        + "example; it may throw, e.g. a {@link $T}.\n\n"
                        + "@param answer the response of a request\n@return this fake\n", service.client(),
                        action.methodName(), service.exception())
                .addStatement("$N.stub($S, answer)", CALLS, action.wireName())
                .addStatement("return this");
        return deprecated(action, method);
    }

    private MethodSpec fail(ActionModel action) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(stubName(action))
                .addModifiers(Modifier.PUBLIC)
                .returns(fake)
                .addParameter(service.exception(), "failure")
                .addJavadoc("Fails {@link $T#$L} with {@code failure} from now on (its async form completes\n"
                        + "with it), e.g. {@code new $T(\"ResourceNotFound\", \"no such room\", \"req-1\", 200, null)}.\n\n"
                        + "@param failure what each call throws\n@return this fake\n", service.client(),
                        action.methodName(), service.exception())
                .addStatement("$N.fail($S, failure)", CALLS, action.wireName())
                .addStatement("return this");
        return deprecated(action, method);
    }

    private static MethodSpec deprecated(ActionModel action, MethodSpec.Builder method) {
        return action.deprecated() ? method.addAnnotation(Deprecated.class).build() : method.build();
    }

    private MethodSpec requests() {
        TypeVariableName q = TypeVariableName.get("Q");
        return MethodSpec.methodBuilder("requests")
                .addModifiers(Modifier.PUBLIC)
                .addTypeVariable(q)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), q))
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), q), "type")
                .addJavadoc("The requests of one action this fake answered, in order, e.g.\n"
                        + "{@code requests($LRequest.class)}.\n\n@param type the action's request class\n"
                        + "@param <Q> the request class\n@return an immutable list\n",
                        service.actions().isEmpty() ? "SomeAction" : service.actions().get(0).wireName())
                .addStatement("return $N.requests(type)", CALLS)
                .build();
    }
}

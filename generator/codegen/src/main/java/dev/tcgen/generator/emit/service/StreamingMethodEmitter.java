package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.ServiceModel;
import dev.tcgen.runtime.EventStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import javax.lang.model.element.Modifier;

/**
 * Emits the two streaming methods of an action whose answer is, or may be, an event stream: {@code ...Stream}
 * (blocking, an {@code EventStream} to iterate and close) and {@code ...Publisher} (a {@code Flow.Publisher} with
 * back-pressure). Both are glue: the runtime's {@code EventStream} makes the call and reads the events.
 */
final class StreamingMethodEmitter {

    private final ServiceModel service;
    private final RuntimeTypes runtime;
    /** The client's region as the transport takes it, e.g. {@code region.id()}. */
    private final String regionId;

    StreamingMethodEmitter(ServiceModel service, RuntimeTypes runtime, String regionId) {
        this.service = service;
        this.runtime = runtime;
        this.regionId = regionId;
    }

    /** The action's method name with {@code Stream} appended, e.g. {@code textToSpeechSSEStream}. */
    static String streamMethodName(ActionModel action) {
        return action.methodName() + "Stream";
    }

    /** The action's method name with {@code Publisher} appended, e.g. {@code textToSpeechSSEPublisher}. */
    static String publisherMethodName(ActionModel action) {
        return action.methodName() + "Publisher";
    }

    /** The interface's declarations: abstract, with the Javadoc. */
    List<MethodSpec> declarations(ActionModel action) {
        return emit(action).stream().map(method -> signature(method).addModifiers(Modifier.ABSTRACT)
                .addJavadoc(method.javadoc()).build()).toList();
    }

    /** The implementation's methods: the calls, without the interface's Javadoc. */
    List<MethodSpec> implementations(ActionModel action) {
        return emit(action).stream().map(method -> signature(method).addAnnotation(Override.class)
                .addCode(method.code()).build()).toList();
    }

    /** The fake's methods: a fake does not stream, and says what to do instead. */
    List<MethodSpec> fakes(ActionModel action, ClassName fake) {
        return emit(action).stream().map(method -> signature(method).addAnnotation(Override.class)
                .addJavadoc("Not supported: a fake does not stream.\n\n@throws $T always\n",
                        UnsupportedOperationException.class)
                .addStatement("throw new $T($S)", UnsupportedOperationException.class, fake.simpleName()
                        + " does not stream; stub " + action.methodName() + " and call it instead")
                .build()).toList();
    }

    private List<MethodSpec> emit(ActionModel action) {
        return List.of(stream(action), publisher(action));
    }

    private static MethodSpec.Builder signature(MethodSpec method) {
        MethodSpec.Builder signature = MethodSpec.methodBuilder(method.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(method.returnType())
                .addParameters(method.parameters());
        method.annotations().forEach(signature::addAnnotation);
        return signature;
    }

    private MethodSpec stream(ActionModel action) {
        ClassName eventStream = runtime.get(EventStream.class);
        MethodSpec.Builder method = start(streamMethodName(action), action)
                .returns(ParameterizedTypeName.get(eventStream, action.response()))
                .addJavadoc("Calls {@code $L} and reads its answer as a stream of events (Server-Sent Events), each\n"
                        + "read into a {@link $T}: iterate it, or use its {@code stream()}, and close it. It waits for\n"
                        + "each event; an error event or answer is thrown as a {@link $T} by {@code hasNext()}, after\n"
                        + "the events before it. A plain JSON answer (streaming not asked for) is the one event.\n"
                        + "Closing stops reading and frees the connection. Not retried; the request timeout covers\n"
                        + "the wait for the answer, the transport's stream idle timeout each wait for an event.\n$L\n"
                        + "<pre>{@code\n"
                        + "try ($L<$L> events = client.$L(request)) {\n"
                        + "    while (events.hasNext()) {\n"
                        + "        $L event = events.next();\n"
                        + "    }\n"
                        + "}\n"
                        + "}</pre>\n\n"
                        + "@param request the request\n"
                        + "@return the events; close it\n",
                        action.wireName(), action.response(), service.exception(), action.supportedRegions().isEmpty()
                                ? "" : "In a region this action does not support, the first {@code hasNext()} throws and "
                                + "nothing is\nsent.\n", eventStream.simpleName(),
                        action.response().simpleName(), streamMethodName(action), action.response().simpleName());
        finish(method, action);
        return method.addStatement("return $T.open(transport, $S, $L, request, $T::writeJson, $T::readJson, $T::new)",
                eventStream, action.wireName(), regionId, action.request(), action.response(), service.exception())
                .build();
    }

    private MethodSpec publisher(ActionModel action) {
        ClassName eventStream = runtime.get(EventStream.class);
        MethodSpec.Builder method = start(publisherMethodName(action), action)
                .returns(ParameterizedTypeName.get(ClassName.get(Flow.Publisher.class), action.response()))
                .addJavadoc("{@link #$L} for asynchronous code: each subscriber calls {@code $L} once and receives\n"
                        + "its events as it requests them ({@code request(n)}; the server is read no faster), then\n"
                        + "{@code onComplete}, or {@code onError} with a {@link $T}. No thread waits;\n"
                        + "{@code cancel()} stops reading and frees the connection.\n\n"
                        + "@param request the request\n"
                        + "@return a publisher of the events\n", streamMethodName(action), action.wireName(),
                        service.exception());
        finish(method, action);
        return method.addStatement("return $T.publisher(transport, $S, $L, request, $T::writeJson, $T::readJson, "
                + "$T::new)", eventStream, action.wireName(), regionId, action.request(), action.response(),
                service.exception()).build();
    }

    private static MethodSpec.Builder start(String name, ActionModel action) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(action.request(), "request");
        if (action.deprecated()) {
            method.addAnnotation(Deprecated.class);
        }
        return method;
    }

    /** The Javadoc's {@code @deprecated}, if the action is, and the check of the request. */
    private static void finish(MethodSpec.Builder method, ActionModel action) {
        if (action.deprecated()) {
            method.addJavadoc("@deprecated the API marks {@code $L} as deprecated\n", action.wireName());
        }
        method.addStatement("$T.requireNonNull(request, $S)", Objects.class, "request");
    }
}

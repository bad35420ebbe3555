package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.emit.GeneratedFiles;
import dev.tcgen.generator.model.ServiceModel;
import javax.lang.model.element.Modifier;

/** Emits the service's exception, e.g. {@code TrtcException}: the base exception plus the typed error code. */
final class ServiceExceptionEmitter {

    private final ServiceModel service;
    private final RuntimeTypes runtime;
    private final GeneratedFiles files;

    ServiceExceptionEmitter(ServiceModel service, RuntimeTypes runtime, GeneratedFiles files) {
        this.service = service;
        this.runtime = runtime;
        this.files = files;
    }

    TypeSpec emit() {
        return TypeSpec.classBuilder(service.exception())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(runtime.baseException())
                .addAnnotation(files.generatedAnnotation())
                .addJavadoc("A failed call to $L $L: an error the API returned, or a failure before a response "
                                + "arrived.\n\n<p>{@link #errorCode()} gives the typed code, {@link #code()} the raw "
                                + "one (kept even when this client does not know it).\n",
                        service.service(), service.version())
                .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID",
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("1L")
                        .build())
                .addMethod(constructor())
                .addMethod(errorCode())
                .build();
    }

    private MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates the exception.\n\n"
                        + "@param code the error code, e.g. {@code ResourceNotFound}\n"
                        + "@param message the error message\n"
                        + "@param requestId the request id, or {@code null} if no response arrived\n"
                        + "@param httpStatus the HTTP status, or 0 if no response arrived\n"
                        + "@param cause the underlying failure, or {@code null}\n")
                .addParameter(String.class, "code")
                .addParameter(String.class, "message")
                .addParameter(String.class, "requestId")
                .addParameter(TypeName.INT, "httpStatus")
                .addParameter(Throwable.class, "cause")
                .addStatement("super(code, message, requestId, httpStatus, cause)")
                .build();
    }

    private MethodSpec errorCode() {
        return MethodSpec.methodBuilder("errorCode")
                .addModifiers(Modifier.PUBLIC)
                .returns(service.errorCodeEnum())
                .addJavadoc("The error code as a constant.\n\n"
                        + "@return the constant, or {@link $T#UNKNOWN} for a code this client does not know\n",
                        service.errorCodeEnum())
                .addStatement("return $T.fromCode(code())", service.errorCodeEnum())
                .build();
    }
}

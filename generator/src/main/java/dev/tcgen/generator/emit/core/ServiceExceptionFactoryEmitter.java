package dev.tcgen.generator.emit.core;

import static javax.lang.model.element.Modifier.ABSTRACT;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.tcgen.generator.emit.CoreTypes;
import dev.tcgen.generator.emit.GeneratedFiles;

/** Emits {@code ServiceExceptionFactory}: how the shared transport throws each service's own exception type. */
final class ServiceExceptionFactoryEmitter {

    private final CoreTypes types;
    private final GeneratedFiles files;

    ServiceExceptionFactoryEmitter(CoreTypes types, GeneratedFiles files) {
        this.types = types;
        this.files = files;
    }

    JavaFile emit() {
        TypeSpec type = TypeSpec.interfaceBuilder(types.exceptionFactory())
                .addJavadoc(typeJavadoc())
                .addAnnotation(files.generatedAnnotation())
                .addAnnotation(FunctionalInterface.class)
                .addModifiers(PUBLIC)
                .addTypeVariable(exceptionType())
                .addMethod(create())
                .build();
        return files.file(types.packageName(), type);
    }

    private TypeVariableName exceptionType() {
        return TypeVariableName.get("E", types.baseException());
    }

    private static CodeBlock typeJavadoc() {
        return CodeBlock.builder()
                .add("Creates a service's own exception from an error, so that the shared transport can throw, say, a\n")
                .add("{@code TrtcException} without knowing the type.\n")
                .add("\n<p>Its method has the shape of the {@link TencentCloudException} constructor, so a service\n")
                .add("exception's constructor is a factory:\n")
                .add("\n<pre>{@code\n")
                .add("ServiceExceptionFactory<TrtcException> exceptions = TrtcException::new;\n")
                .add("}</pre>\n")
                .add("\n@param <E> the exception type the service throws\n")
                .build();
    }

    private MethodSpec create() {
        return MethodSpec.methodBuilder("create")
                .addJavadoc("Creates (does not throw) the exception for one failed call.\n")
                .addJavadoc("\n@param code the error code, from the API (e.g. {@code ResourceNotFound}) or one of the\n")
                .addJavadoc("    {@code CLIENT_*} codes of {@link TencentCloudException}\n")
                .addJavadoc("@param message what went wrong, in the API's words or the client's\n")
                .addJavadoc("@param requestId the id of the request, or {@code null} when no response carried one\n")
                .addJavadoc("@param httpStatus the HTTP status of the response, or {@code 0} when none was received\n")
                .addJavadoc("@param cause the underlying exception, or {@code null}\n")
                .addJavadoc("@return the exception to throw\n")
                .addModifiers(PUBLIC, ABSTRACT)
                .returns(TypeVariableName.get("E"))
                .addParameter(String.class, "code")
                .addParameter(String.class, "message")
                .addParameter(String.class, "requestId")
                .addParameter(int.class, "httpStatus")
                .addParameter(Throwable.class, "cause")
                .build();
    }
}

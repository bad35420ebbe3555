package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.tcgen.generator.emit.RuntimeTypes;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.PagingModel;
import dev.tcgen.generator.model.ServiceModel;
import javax.lang.model.element.Modifier;

/**
 * Emits the client interface's {@code ...Paginator(request)} of a paged action: the runtime's {@code Paginator} over
 * the action's own methods, with a {@code Paging} that names the action's members. Iteration and stop rules are the
 * runtime's.
 */
final class PaginatorEmitter {

    private final ServiceModel service;
    private final RuntimeTypes runtime;

    PaginatorEmitter(ServiceModel service, RuntimeTypes runtime) {
        this.service = service;
        this.runtime = runtime;
    }

    /** The paginator method's name, e.g. {@code describeRoomInfoPaginator}. */
    static String methodName(ActionModel action) {
        return action.methodName() + "Paginator";
    }

    MethodSpec paginator(ActionModel action, PagingModel paging) {
        TypeName item = paging.itemType().javaType();
        MethodSpec.Builder method = MethodSpec.methodBuilder(methodName(action))
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(ParameterizedTypeName.get(runtime.paginator(), action.request(), action.response(), item))
                .addParameter(action.request(), "request")
                .addJavadoc(javadoc(action, paging))
                .addStatement("$T paging = $L",
                        ParameterizedTypeName.get(runtime.paging(), action.request(), action.response(), item),
                        paging(action, paging))
                .addStatement("return $T.of($S, paging, request,\nthis::$N, this::$N, $T::new)", runtime.paginator(),
                        action.wireName(), action.methodName(), ClientEmitter.asyncMethodName(action),
                        service.exception());
        if (action.deprecated()) {
            method.addAnnotation(Deprecated.class);
        }
        return method.build();
    }

    /** The call of {@code Paging.offset}, {@code pageNumber} or {@code token}, one argument a line. */
    private CodeBlock paging(ActionModel action, PagingModel paging) {
        CodeBlock items = CodeBlock.of("$T::$N", action.response(), paging.items().javaName());
        if (paging.shape() == PagingModel.Shape.TOKEN) {
            return CodeBlock.of("$T.token(\n$L,\n$T::$N,\n$L)", runtime.paging(), with(paging.position()),
                    action.response(), paging.nextToken().javaName(), items);
        }
        CodeBlock size = paging.size() == null ? CodeBlock.of("null")
                : CodeBlock.of("$T::$N", action.request(), paging.size().javaName());
        CodeBlock total = paging.total() == null ? CodeBlock.of("null")
                : CodeBlock.of("$T::$N", action.response(), paging.total().javaName());
        CodeBlock position = CodeBlock.of("$T::$N", action.request(), paging.position().javaName());
        return paging.shape() == PagingModel.Shape.OFFSET
                ? CodeBlock.of("$T.offset(\n$L,\n$L,\n$L,\n$L,\n$L)", runtime.paging(), position,
                        with(paging.position()), size, items, total)
                : CodeBlock.of("$T.pageNumber(\n$L,\n$L,\n$LL,\n$L,\n$L,\n$L)", runtime.paging(), position,
                        with(paging.position()), paging.firstPage(), size, items, total);
    }

    /** {@code (previous, value) -> previous.toBuilder().member(value).build()}. */
    private static CodeBlock with(MemberModel member) {
        return CodeBlock.of("(previous, value) -> previous.toBuilder().$N(value).build()", member.javaName());
    }

    private static CodeBlock javadoc(ActionModel action, PagingModel paging) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("The pages of {@link #$L}, from the one {@code request} asks for; each page is one\n",
                        action.methodName())
                .add("call of it (rate-limited and retried like any), made when the iteration reaches it. The items\n")
                .add("are {@code $L}; ", paging.items().wireName());
        switch (paging.shape()) {
            case OFFSET -> doc.add("the next page's {@code $L} is this one's plus its items.\n",
                    paging.position().wireName());
            case PAGE_NUMBER -> doc.add("pages are numbered by {@code $L} from $L.\n", paging.position().wireName(),
                    paging.firstPage());
            case TOKEN -> doc.add("the next page is asked for with the {@code $L} of this one, as its {@code $L}.\n",
                    paging.nextToken().wireName(), paging.position().wireName());
        }
        if (paging.shape() == PagingModel.Shape.TOKEN) {
            doc.add("The last page is the one without a {@code $L}.\n", paging.nextToken().wireName());
        } else if (paging.total() != null && paging.size() != null) {
            doc.add("The last page is an empty one, or one shorter than {@code $L} that reaches {@code $L}.\n",
                    paging.size().wireName(), paging.total().wireName());
        } else if (paging.total() != null) {
            doc.add("The last page is the one that reaches {@code $L}, or an empty one.\n", paging.total().wireName());
        } else if (paging.size() != null) {
            doc.add("The last page is an empty one, or one shorter than {@code $L}.\n", paging.size().wireName());
        } else {
            doc.add("The last page is an empty one.\n");
        }
        return doc.add("\n<pre>{@code\n")
                .add("for ($L item : client.$L(request).items()) { ... }\n",
                        paging.itemType().javaType().toString().replaceAll(".*\\.", ""), methodName(action))
                .add("}</pre>\n")
                .add("\n@param request the request of the first page\n")
                .add("@return the paginator; nothing is sent until it is iterated\n")
                .build();
    }
}

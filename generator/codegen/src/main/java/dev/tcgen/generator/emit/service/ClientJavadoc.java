package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.CodeBlock;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.model.ActionModel;
import dev.tcgen.generator.model.ServiceModel;

/** The class Javadoc of a service client: how to build it, call it, configure it, and what it guarantees. */
final class ClientJavadoc {

    private final ServiceModel service;

    ClientJavadoc(ServiceModel service) {
        this.service = service;
    }

    CodeBlock classJavadoc() {
        String title = service.title().isBlank() ? service.service() : JavadocText.escape(service.title());
        return CodeBlock.builder()
                .add("The client of $L ({@code $L} API version {@code $L}): per action a blocking method\n",
                        title, service.service(), service.version())
                .add("and an {@code ...Async} method returning a {@code CompletableFuture}.\n\n")
                .add(example())
                .add("\n<p>The builder's region applies to every call, {@link #withRegion}'s to some; any region is\n")
                .add("{@code Region.of} its id. {@link #call($T, $T)} calls an action this client was\n",
                        String.class, String.class)
                .add("generated without.\n")
                .add("\n<p>What every call gets, without configuration:\n")
                .add("<ul>\n")
                .add("  <li>Credentials come from the builder, or else from the default chain, in the official\n")
                .add("      SDK's order: the {@code TENCENTCLOUD_SECRET_ID}/{@code TENCENTCLOUD_SECRET_KEY} (and optional\n")
                .add("      {@code TENCENTCLOUD_TOKEN}) environment variables, the {@code default} profile of\n")
                .add("      {@code ~/.tencentcloud/credentials} or {@code /etc/tencentcloud/credentials}, the CVM\n")
                .add("      instance role, TKE's OIDC token. Each attempt is signed afresh with TC3-HMAC-SHA256.</li>\n")
                .add("  <li>Rate limits: the actions' documented limits ({@link #RATE_LIMITS}) are kept where the\n")
                .add("      service counts them: no second at the server holds more arrivals of one action than its\n")
                .add("      limit, however many threads call. See {@code Builder.rateLimitMode} and\n")
                .add("      {@code Builder.rateLimit}.</li>\n")
                .add("  <li>Retries of transient failures (a connection that could not be made, 429 and 503,\n")
                .add("      {@code RequestLimitExceeded}, {@code InternalError}, {@code ServiceUnavailable}): up to\n")
                .add("      3, with exponential backoff and jitter; a failure after which the action may have run\n")
                .add("      (a lost connection, a timeout) only for idempotent actions. Client errors such as\n")
                .add("      {@code AuthFailure} or {@code InvalidParameter} are never retried. See\n")
                .add("      {@code Builder.retryPolicy}.</li>\n")
                .add("  <li>Timeouts: 5 s to connect, 30 s for each attempt's whole answer; never infinite.</li>\n")
                .add("  <li>Logging goes through {@code System.Logger}: a failure the caller receives at DEBUG, a\n")
                .add("      failed attempt that is retried at WARNING; never a header, secret key, token or\n")
                .add("      signature.</li>\n")
                .add("</ul>\n")
                .add("\n<p>A client is immutable and safe for concurrent use by any number of threads: create one,\n")
                .add("share it, and {@link #close()} it when done. Failures throw (or complete the future with) a\n")
                .add("{@link $T}: the API's error code, or one of the {@code ClientError.*} codes when the call\n",
                        service.exception())
                .add("could not be completed.\n")
                .build();
    }

    private CodeBlock example() {
        String call = service.actions().isEmpty() ? "someAction"
                : service.actions().get(0).methodName();
        ActionModel first = service.actions().isEmpty() ? null : service.actions().get(0);
        String request = first == null ? "SomeActionRequest" : first.request().simpleName();
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("<pre>{@code\n")
                .add("try ($L client = $L.builder()\n", service.client().simpleName(), service.client().simpleName())
                .add("        .credentials(Credentials.of(secretId, secretKey))   // or leave out: default chain\n");
        if (service.regions().isEmpty()) {
            doc.add("        .region(Region.of(\"ap-guangzhou\"))\n");
        } else {
            doc.add("        .region(Region.$L)\n", service.regions().get(0).constantName());
        }
        return doc.add("        .build()) {\n")
                .add("    var response = client.$L($L.builder()...build());\n", call, request)
                .add("    client.$LAsync($L.builder()...build())\n", call, request)
                .add("            .thenAccept(r -> System.out.println(r.requestId()));\n")
                .add("}\n")
                .add("}</pre>\n")
                .build();
    }
}

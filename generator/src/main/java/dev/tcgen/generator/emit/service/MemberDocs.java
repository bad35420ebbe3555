package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.CodeBlock;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.TypeModel;

/** The Javadoc of a member's accessor and builder method: its description, whether it is required, its form. */
final class MemberDocs {

    private MemberDocs() {}

    /** Javadoc for the accessor: description, then the facts a caller needs. */
    static CodeBlock accessor(MemberModel member) {
        CodeBlock.Builder doc = CodeBlock.builder();
        doc.add("$L\n", describe(member));
        facts(member, doc);
        doc.add("\n@return the value of {@code $L}, or {@code null} if absent\n", member.wireName());
        return doc.build();
    }

    /** Javadoc for the builder method. */
    static CodeBlock setter(MemberModel member) {
        CodeBlock.Builder doc = CodeBlock.builder();
        doc.add("Sets {@code $L}: $L\n", member.wireName(), describe(member));
        facts(member, doc);
        String list = member.type() instanceof TypeModel.ListOf ? " (copied; no null elements)" : "";
        doc.add("\n@param $L the value$L, or {@code null} to leave it absent\n", member.javaName(), list);
        doc.add("@return this builder\n");
        return doc.build();
    }

    private static String describe(MemberModel member) {
        String text = JavadocText.escape(member.description());
        return text.isEmpty() ? "The {@code " + member.wireName() + "} member." : text;
    }

    private static void facts(MemberModel member, CodeBlock.Builder doc) {
        StringBuilder facts = new StringBuilder();
        facts.append(member.required() ? "Required." : "Optional.");
        String form = form(member.type());
        if (!form.isEmpty()) {
            facts.append(' ').append(form);
        }
        if (!member.example().isBlank()) {
            facts.append(" Example: <code>").append(JavadocText.escape(member.example())).append("</code>.");
        }
        doc.add("\n<p>$L\n", facts);
        if (member.deprecated()) {
            doc.add("\n@deprecated the API marks {@code $L} as deprecated\n", member.wireName());
        }
    }

    /** A sentence on the wire form of types whose Java type does not say it all. */
    private static String form(TypeModel type) {
        if (type instanceof TypeModel.ListOf list) {
            String element = form(list.element());
            return element.isEmpty() ? "" : "Elements: " + element.substring(0, 1).toLowerCase() + element.substring(1);
        }
        if (!(type instanceof TypeModel.Scalar scalar)) {
            return "";
        }
        return switch (scalar.kind()) {
            case UINT64 -> "An unsigned 64-bit integer: values above {@code Long.MAX_VALUE} read as negative; use "
                    + "{@link Long#toUnsignedString(long)}.";
            case DATE -> "A date as the API sends it, such as {@code 2024-01-31}.";
            case DATETIME -> "A date and time as the API sends it, such as {@code 2024-01-31 23:59:59}.";
            case DATETIME_ISO -> "An ISO 8601 date and time as the API sends it, such as "
                    + "{@code 2024-01-31T23:59:59+08:00}.";
            case BINARY -> "Binary data as the API encodes it in text.";
            default -> "";
        };
    }
}

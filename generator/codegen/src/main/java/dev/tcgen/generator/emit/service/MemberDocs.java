package dev.tcgen.generator.emit.service;

import com.palantir.javapoet.CodeBlock;
import dev.tcgen.generator.emit.JavadocText;
import dev.tcgen.generator.model.MemberModel;
import dev.tcgen.generator.model.ScalarKind;
import dev.tcgen.generator.model.TypeModel;

/** The Javadoc of a member's accessor and builder method: its description, whether it is required, its form. */
final class MemberDocs {

    private MemberDocs() {}

    /** Javadoc for the accessor: description, then the facts a caller needs. */
    static CodeBlock accessor(MemberModel member) {
        CodeBlock.Builder doc = CodeBlock.builder();
        doc.add("$L\n", describe(member));
        facts(member, doc);
        if (member.type() instanceof TypeModel.ListOf) {
            doc.add("\n@return the value of {@code $L}, empty if absent (see {@code has...()})\n", member.wireName());
        } else {
            doc.add("\n@return the value of {@code $L}, or {@code null} if absent\n", member.wireName());
        }
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
        String text = JavadocText.html(member.description());
        return text.isEmpty() ? "The {@code " + member.wireName() + "} member." : text;
    }

    private static void facts(MemberModel member, CodeBlock.Builder doc) {
        CodeBlock.Builder facts = CodeBlock.builder().add(member.required() ? "Required." : "Optional.");
        CodeBlock form = form(member.type());
        if (!form.isEmpty()) {
            facts.add(" $L", form);
        }
        if (!member.example().isBlank()) {
            facts.add(" Example: <code>$L</code>.", JavadocText.escape(member.example()));
        }
        doc.add("\n<p>$L\n", facts.build());
        if (member.deprecated()) {
            doc.add("\n@deprecated the API marks {@code $L} as deprecated\n", member.wireName());
        }
    }

    /**
     * A sentence on the wire form of types whose Java type does not say it all. Types it names go through {@code $T},
     * so that a structure named {@code Long} cannot capture the link.
     */
    private static CodeBlock form(TypeModel type) {
        if (type instanceof TypeModel.ListOf list) {
            return list.element() instanceof TypeModel.Scalar scalar && hasForm(scalar.kind())
                    ? CodeBlock.of("Elements: $L", scalarForm(scalar.kind(), false))
                    : CodeBlock.of("");
        }
        return type instanceof TypeModel.Scalar scalar && hasForm(scalar.kind())
                ? scalarForm(scalar.kind(), true)
                : CodeBlock.of("");
    }

    private static boolean hasForm(ScalarKind kind) {
        return switch (kind) {
            case UINT64, DATE, DATETIME, DATETIME_ISO, BINARY -> true;
            default -> false;
        };
    }

    private static CodeBlock scalarForm(ScalarKind kind, boolean startsSentence) {
        String a = startsSentence ? "A" : "a";
        return switch (kind) {
            case UINT64 -> CodeBlock.of("$L unsigned 64-bit integer: values above {@code Long.MAX_VALUE} read as "
                    + "negative; use {@link $T#toUnsignedString(long)}.", startsSentence ? "An" : "an", Long.class);
            case DATE -> CodeBlock.of("$L date as the API sends it, such as {@code 2024-01-31}.", a);
            case DATETIME -> CodeBlock.of("$L date and time as the API sends it, such as {@code 2024-01-31 23:59:59}.",
                    a);
            case DATETIME_ISO -> CodeBlock.of("$L ISO 8601 date and time as the API sends it, such as "
                    + "{@code 2024-01-31T23:59:59+08:00}.", startsSentence ? "An" : "an");
            case BINARY -> CodeBlock.of("$L data as the API encodes it in text.", startsSentence ? "Binary" : "binary");
            default -> CodeBlock.of("");
        };
    }
}

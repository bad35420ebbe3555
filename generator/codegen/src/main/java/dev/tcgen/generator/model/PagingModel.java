package dev.tcgen.generator.model;

/**
 * How an action pages, resolved to its members. Which members are {@code null} depends on the shape.
 *
 * @param shape the shape
 * @param position the input member of the offset, the page number or the token
 * @param size the input member of the limit or page size; {@code null} for a token, and optional in the offset shape
 * @param firstPage the number of the first page (page-number shape), else 0
 * @param total the output member of the total count, or {@code null}
 * @param nextToken the output member of the next token (token shape), else {@code null}
 * @param items the output list of the page's items
 */
public record PagingModel(
        Shape shape,
        MemberModel position,
        MemberModel size,
        long firstPage,
        MemberModel total,
        MemberModel nextToken,
        MemberModel items) {

    /** The shapes of paging. */
    public enum Shape { OFFSET, PAGE_NUMBER, TOKEN }

    /** The type of the items, the element type of {@link #items()}. */
    public TypeModel itemType() {
        return ((TypeModel.ListOf) items.type()).element();
    }
}

package dev.tcgen.generator.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How an action pages, as a spec states it: one of three forms, each naming members of the action, or
 * {@code false}, which says the action does not page. Absent names are empty.
 *
 * <ul>
 *   <li>offset: {@code offset} and {@code limit} (input), {@code total} (output, optional), {@code items};
 *   <li>page number: {@code page} and {@code pageSize} (input), {@code firstPage} (0 or 1, default 1),
 *       {@code total} (optional), {@code items};
 *   <li>token: {@code token} (input) and {@code nextToken} (output), {@code items}.
 * </ul>
 *
 * @param pointer where it is in its file
 * @param paged whether the action pages; {@code false} (the spec's {@code "paging": false}) names no member
 * @param offset the input member of the offset
 * @param limit the input member of the page size, in the offset form
 * @param page the input member of the page number
 * @param pageSize the input member of the page size, in the page-number form
 * @param firstPage the number of the first page
 * @param token the input member of the continuation token
 * @param nextToken the output member of the next page's token
 * @param total the output member of the total count
 * @param items the output list of the page's items
 */
public record PagingSpec(
        String pointer,
        boolean paged,
        String offset,
        String limit,
        String page,
        String pageSize,
        OptionalLong firstPage,
        String token,
        String nextToken,
        String total,
        String items) {

    /** The form {@code {"offset", "limit", "total", "items"}}; {@code limit} and {@code total} may be empty. */
    public static PagingSpec offset(String pointer, String offset, String limit, String total, String items) {
        return new PagingSpec(pointer, true, offset, limit, "", "", OptionalLong.empty(), "", "", total, items);
    }

    /**
     * The form {@code {"page", "pageSize", "firstPage", "total", "items"}}; {@code pageSize} and {@code total} may be
     * empty.
     */
    public static PagingSpec pageNumber(String pointer, String page, String pageSize, long firstPage, String total,
            String items) {
        return new PagingSpec(pointer, true, "", "", page, pageSize, OptionalLong.of(firstPage), "", "", total, items);
    }

    /** The form {@code {"token", "nextToken", "items"}}. */
    public static PagingSpec token(String pointer, String token, String nextToken, String items) {
        return new PagingSpec(pointer, true, "", "", "", "", OptionalLong.empty(), token, nextToken, "", items);
    }

    /** {@code "paging": false}: the action does not page, whatever its members look like. */
    public static PagingSpec notPaged(String pointer) {
        return new PagingSpec(pointer, false, "", "", "", "", OptionalLong.empty(), "", "", "", "");
    }

    /** The forms it names of {@code offset}, {@code page} and {@code token}: one in a valid spec, none if not paged. */
    public List<String> forms() {
        List<String> forms = new ArrayList<>();
        if (!offset.isEmpty()) {
            forms.add("offset");
        }
        if (!page.isEmpty()) {
            forms.add("page");
        }
        if (!token.isEmpty()) {
            forms.add("token");
        }
        return forms;
    }
}

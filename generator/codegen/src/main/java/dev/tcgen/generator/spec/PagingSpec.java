package dev.tcgen.generator.spec;

import java.util.OptionalLong;

/**
 * How an action pages, as a spec states it: one of three forms, each naming members of the action. Absent names are
 * empty.
 *
 * <ul>
 *   <li>offset: {@code offset} and {@code limit} (input), {@code total} (output, optional), {@code items};
 *   <li>page number: {@code page} and {@code pageSize} (input), {@code firstPage} (0 or 1, default 1),
 *       {@code total} (optional), {@code items};
 *   <li>token: {@code token} (input) and {@code nextToken} (output), {@code items}.
 * </ul>
 *
 * @param pointer where it is in its file
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
        String offset,
        String limit,
        String page,
        String pageSize,
        OptionalLong firstPage,
        String token,
        String nextToken,
        String total,
        String items) {}

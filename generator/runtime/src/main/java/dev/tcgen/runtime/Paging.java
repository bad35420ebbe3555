package dev.tcgen.runtime;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one action pages: where its request says which page to answer, where its response puts the items, and what
 * in the response says there are no more. A {@link Paginator} asks it for the request of the page after each answer.
 *
 * <p>The stop rules, per shape:
 * <ul>
 *   <li><b>Offset and limit</b> ({@link #offset}): the next request's offset is this one's plus the items answered (not
 *       plus the limit: a server that answers fewer than asked, because it caps the limit, is still read in full).
 *   <li><b>Page number and page size</b> ({@link #pageNumber}): the next request asks for the next page number.
 *   <li>For both: an empty page is the last. A page shorter than the request's limit or page size is the last, unless
 *       the response has a total count that it does not reach (its position plus its items below the total: the
 *       server may have capped the limit). A full page is never the last, even if it reaches the total: some services
 *       document their total as the count of the page, not of the listing, and a total taken for the wrong one would
 *       end the listing early; so a listing whose size is a multiple of the page size costs one empty page more. If the
 *       request sets no limit or page size, the total decides, and without one only an empty page ends.
 *   <li><b>Continuation token</b> ({@link #token}): the next request sends the response's token; a response without
 *       one (absent or empty) is the last. An empty page with a token does not end (some services answer them).
 * </ul>
 *
 * @param <Q> the request
 * @param <R> the response, one page
 * @param <T> the items of a page
 */
public final class Paging<Q, R, T> {

    private enum Shape { OFFSET, PAGE_NUMBER, TOKEN }

    private final Shape shape;
    private final Function<Q, ?> position;
    private final BiFunction<Q, Object, Q> withPosition;
    private final Function<Q, Long> pageSize;
    private final long firstPage;
    private final Function<R, List<T>> items;
    private final Function<R, Long> total;
    private final Function<R, String> nextToken;

    @SuppressWarnings("unchecked")
    private <P> Paging(Shape shape, Function<Q, P> position, BiFunction<Q, P, Q> withPosition,
            Function<Q, Long> pageSize, long firstPage, Function<R, List<T>> items, Function<R, Long> total,
            Function<R, String> nextToken) {
        this.shape = shape;
        this.position = Objects.requireNonNull(position, "position");
        this.withPosition = (BiFunction<Q, Object, Q>) Objects.requireNonNull(withPosition, "withPosition");
        this.pageSize = pageSize == null ? request -> null : pageSize;
        this.firstPage = firstPage;
        this.items = Objects.requireNonNull(items, "items");
        this.total = total == null ? response -> null : total;
        this.nextToken = nextToken;
    }

    /**
     * Paging by offset and limit, e.g. {@code Offset}, {@code Limit}, {@code TotalCount} and {@code InstanceSet}.
     *
     * @param offset the request's offset, {@code null} for 0
     * @param withOffset a copy of a request with another offset
     * @param limit the request's limit, {@code null} if it sets none
     * @param items the items of a response
     * @param total the total count of a response, {@code null} if it has none; or {@code null} itself
     * @param <Q> the request
     * @param <R> the response
     * @param <T> the items
     * @return the paging
     */
    public static <Q, R, T> Paging<Q, R, T> offset(Function<Q, Long> offset, BiFunction<Q, Long, Q> withOffset,
            Function<Q, Long> limit, Function<R, List<T>> items, Function<R, Long> total) {
        return new Paging<>(Shape.OFFSET, offset, withOffset, limit, 0, items, total, null);
    }

    /**
     * Paging by page number and page size, e.g. {@code PageNumber}, {@code PageSize}, {@code Total} and
     * {@code RoomList}.
     *
     * @param page the request's page number, {@code null} for the first
     * @param withPage a copy of a request with another page number
     * @param firstPage the number of the first page, 0 or 1 as the API counts
     * @param pageSize the request's page size, {@code null} if it sets none
     * @param items the items of a response
     * @param total the total count of a response, {@code null} if it has none; or {@code null} itself
     * @param <Q> the request
     * @param <R> the response
     * @param <T> the items
     * @return the paging
     */
    public static <Q, R, T> Paging<Q, R, T> pageNumber(Function<Q, Long> page, BiFunction<Q, Long, Q> withPage,
            long firstPage, Function<Q, Long> pageSize, Function<R, List<T>> items, Function<R, Long> total) {
        return new Paging<>(Shape.PAGE_NUMBER, page, withPage, pageSize, firstPage, items, total, null);
    }

    /**
     * Paging by continuation token, e.g. {@code NextToken} in and out.
     *
     * @param withToken a copy of a request with another token
     * @param nextToken the token of a response, {@code null} or empty on the last page
     * @param items the items of a response
     * @param <Q> the request
     * @param <R> the response
     * @param <T> the items
     * @return the paging
     */
    public static <Q, R, T> Paging<Q, R, T> token(BiFunction<Q, String, Q> withToken, Function<R, String> nextToken,
            Function<R, List<T>> items) {
        return new Paging<>(Shape.TOKEN, request -> null, withToken, null, 0, items,
                null, Objects.requireNonNull(nextToken, "nextToken"));
    }

    /** The items of a page; empty if it has none. */
    List<T> items(R response) {
        List<T> list = items.apply(response);
        return list == null ? List.of() : list;
    }

    /**
     * The request of the page after {@code response}, or {@code null} if it is the last.
     *
     * @param request the request {@code response} answered
     * @param response the page
     * @param itemsBefore the items of the pages before it that the paginator read
     */
    Q next(Q request, R response, long itemsBefore) {
        if (shape == Shape.TOKEN) {
            String token = nextToken.apply(response);
            return token == null || token.isEmpty() ? null : withPosition.apply(request, token);
        }
        int answered = items(response).size();
        if (answered == 0) {
            return null;
        }
        Long limit = pageSize.apply(request);
        long before = itemsBefore(request, limit, itemsBefore);
        Long totalCount = total.apply(response);
        boolean totalReached = totalCount != null && before + answered >= totalCount;
        if (limit != null ? answered < limit && (totalCount == null || totalReached) : totalReached) {
            return null;
        }
        return shape == Shape.OFFSET
                ? withPosition.apply(request, before + answered)
                : withPosition.apply(request, number(request, firstPage) + 1);
    }

    /** How many items of the whole listing come before the page {@code request} asks for. */
    private long itemsBefore(Q request, Long limit, long read) {
        if (shape == Shape.OFFSET) {
            return number(request, 0);
        }
        return limit == null ? read : (number(request, firstPage) - firstPage) * limit;
    }

    private long number(Q request, long absent) {
        Object value = position.apply(request);
        return value == null ? absent : (Long) value;
    }
}

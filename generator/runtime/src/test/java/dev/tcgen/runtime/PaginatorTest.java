package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PaginatorTest {

    /** A request of offset or page paging: position (offset or page number), limit or page size, token. */
    record Request(Long position, Long limit, String token) {}

    /** A page: its items, the total count and the next token, each possibly absent. */
    record Page(List<Long> items, Long total, String nextToken) {}

    private static final ServiceExceptionFactory<TencentCloudException> EXCEPTIONS = TencentCloudException::new;

    private static final Paging<Request, Page, Long> OFFSET = Paging.offset(Request::position,
            (request, offset) -> new Request(offset, request.limit(), null), Request::limit, Page::items, Page::total);

    private static Paging<Request, Page, Long> pageNumber(long firstPage) {
        return Paging.pageNumber(Request::position, (request, page) -> new Request(page, request.limit(), null),
                firstPage, Request::limit, Page::items, Page::total);
    }

    private static final Paging<Request, Page, Long> TOKEN = Paging.token(
            (request, token) -> new Request(null, request.limit(), token), Page::nextToken, Page::items);

    /** What a server's pages say in their total count. */
    private enum Total {
        /** No total. */
        NONE,
        /** The count of the whole listing. */
        OF_LISTING,
        /** The count of the page's own items, as some services document it. */
        OF_PAGE
    }

    /** A server of {@code size} items 0, 1, ...; it answers at most {@code cap} a page and records what it is asked. */
    private static final class Server {
        final long size;
        final long cap;
        final Total total;
        final List<Request> received = new ArrayList<>();

        Server(long size, long cap, Total total) {
            this.size = size;
            this.cap = cap;
            this.total = total;
        }

        Page byOffset(Request request) {
            received.add(request);
            long offset = request.position() == null ? 0 : request.position();
            return page(offset, request.limit());
        }

        Page byPage(Request request, long firstPage) {
            received.add(request);
            long page = request.position() == null ? firstPage : request.position();
            long limit = Math.min(request.limit() == null ? cap : request.limit(), cap);
            return page((page - firstPage) * limit, request.limit());
        }

        private Page page(long from, Long limit) {
            long count = Math.max(0, Math.min(Math.min(limit == null ? cap : limit, cap), size - from));
            List<Long> items = LongStream.range(from, from + count).boxed().toList();
            Long reported = switch (total) {
                case NONE -> null;
                case OF_LISTING -> size;
                case OF_PAGE -> (long) items.size();
            };
            return new Page(items, reported, null);
        }
    }

    private static Paginator<Request, Page, Long> paginator(Paging<Request, Page, Long> paging, Request first,
            Function<Request, Page> call) {
        return Paginator.of("ListThings", paging, first, call, request -> CompletableFuture.completedFuture(
                call.apply(request)), EXCEPTIONS);
    }

    private static List<Long> range(long size) {
        return LongStream.range(0, size).boxed().toList();
    }

    @Test
    void offsetStopsWhenTheTotalIsReached() {
        Server server = new Server(25, 100, Total.OF_LISTING);
        List<Long> items = paginator(OFFSET, new Request(null, 10L, null), server::byOffset).itemStream().toList();
        assertEquals(range(25), items);
        assertEquals(List.of(new Request(null, 10L, null), new Request(10L, 10L, null), new Request(20L, 10L, null)),
                server.received);
    }

    @Test
    void aFullPageThatReachesTheTotalIsNotTheLastOneEmptyPageMoreIsAsked() {
        Server server = new Server(30, 100, Total.OF_LISTING);
        assertEquals(range(30), paginator(OFFSET, new Request(null, 10L, null), server::byOffset).itemStream().toList());
        assertEquals(List.of(0L, 10L, 20L, 30L), server.received.stream().map(Request::position)
                .map(p -> p == null ? 0L : p).toList());
    }

    @Test
    void aTotalThatCountsOnlyThePageDoesNotEndTheListingEarly() {
        Server byOffset = new Server(35, 100, Total.OF_PAGE);
        assertEquals(range(35), paginator(OFFSET, new Request(null, 10L, null), byOffset::byOffset).itemStream()
                .toList());
        assertEquals(4, byOffset.received.size());
        Server byPage = new Server(35, 100, Total.OF_PAGE);
        assertEquals(range(35), paginator(pageNumber(0), new Request(null, 10L, null), r -> byPage.byPage(r, 0))
                .itemStream().toList());
        assertEquals(4, byPage.received.size());
    }

    @Test
    void offsetWithATotalReadsOnPastPagesTheServerCapped() {
        Server server = new Server(25, 7, Total.OF_LISTING);
        assertEquals(range(25), paginator(OFFSET, new Request(null, 10L, null), server::byOffset).itemStream().toList());
        assertEquals(List.of(0L, 7L, 14L, 21L), server.received.stream().map(Request::position)
                .map(p -> p == null ? 0L : p).toList());
    }

    @Test
    void offsetWithoutATotalStopsAtAShortPage() {
        Server server = new Server(25, 100, Total.NONE);
        assertEquals(range(25), paginator(OFFSET, new Request(null, 10L, null), server::byOffset).itemStream().toList());
        assertEquals(3, server.received.size());
    }

    @Test
    void offsetWithoutATotalStopsAtAnEmptyPage() {
        Server server = new Server(30, 100, Total.NONE);
        assertEquals(range(30), paginator(OFFSET, new Request(null, 10L, null), server::byOffset).itemStream().toList());
        assertEquals(List.of(0L, 10L, 20L, 30L), server.received.stream().map(Request::position)
                .map(p -> p == null ? 0L : p).toList());
    }

    @Test
    void offsetWithoutLimitOrTotalStopsOnlyAtAnEmptyPage() {
        Server server = new Server(25, 10, Total.NONE);
        assertEquals(range(25), paginator(OFFSET, new Request(null, null, null), server::byOffset).itemStream().toList());
        assertEquals(4, server.received.size());
    }

    @Test
    void theFirstPageIsTheOneTheRequestAsksFor() {
        Server server = new Server(25, 100, Total.OF_LISTING);
        assertEquals(LongStream.range(5, 25).boxed().toList(),
                paginator(OFFSET, new Request(5L, 10L, null), server::byOffset).itemStream().toList());
        assertEquals(List.of(5L, 15L, 25L), server.received.stream().map(Request::position).toList(),
                "the second page is full, so the listing's end is asked for");
    }

    @Test
    void pageNumbersCountFromTheApisFirstPage() {
        for (long first : new long[] {0, 1}) {
            Server server = new Server(25, 100, Total.OF_LISTING);
            List<Long> items = paginator(pageNumber(first), new Request(null, 10L, null), r -> server.byPage(r, first))
                    .itemStream().toList();
            assertEquals(range(25), items);
            assertEquals(List.of(first + 1, first + 2), server.received.stream().skip(1).map(Request::position)
                    .toList());
        }
    }

    @Test
    void pageNumbersWithATotalButNoPageSizeCountTheItemsRead() {
        Server server = new Server(25, 10, Total.OF_LISTING);
        assertEquals(range(25), paginator(pageNumber(1), new Request(null, null, null), r -> server.byPage(r, 1))
                .itemStream().toList());
        assertEquals(3, server.received.size());
    }

    @Test
    void pageNumbersWithoutATotalStopAtAShortPage() {
        Server server = new Server(25, 100, Total.NONE);
        assertEquals(range(25), paginator(pageNumber(0), new Request(null, 10L, null), r -> server.byPage(r, 0))
                .itemStream().toList());
        assertEquals(3, server.received.size());
    }

    @Test
    void aTokenListingEndsWhenTheTokenIsAbsentOrEmpty() {
        for (String last : new String[] {null, ""}) {
            List<Request> received = new ArrayList<>();
            Function<Request, Page> server = request -> {
                received.add(request);
                int page = request.token() == null ? 0 : Integer.parseInt(request.token());
                List<Long> items = page == 2 ? List.of() : List.of((long) page);   // an empty page with a token goes on
                return new Page(items, null, page == 3 ? last : String.valueOf(page + 1));
            };
            assertEquals(List.of(0L, 1L, 3L), paginator(TOKEN, new Request(null, null, null), server).itemStream()
                    .toList());
            assertEquals(List.of("1", "2", "3"), received.stream().skip(1).map(Request::token).toList());
        }
    }

    @Test
    void pagesAreFetchedOnlyWhenTheIterationReachesThem() {
        Server server = new Server(100, 100, Total.OF_LISTING);
        Paginator<Request, Page, Long> paginator = paginator(OFFSET, new Request(null, 10L, null), server::byOffset);
        assertEquals(0, server.received.size());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L),
                paginator.itemStream().limit(12).toList());
        assertEquals(2, server.received.size());
        Iterator<Page> pages = paginator.iterator();
        assertTrue(pages.hasNext());
        assertEquals(2, server.received.size());
        pages.next();
        assertEquals(3, server.received.size());
    }

    @Test
    void aServerThatNeverEndsMeetsTheCap() {
        List<Request> received = new ArrayList<>();
        Function<Request, Page> endless = request -> {
            received.add(request);
            return new Page(List.of(1L), null, "more");
        };
        Paginator<Request, Page, Long> paginator = paginator(TOKEN, new Request(null, null, null), endless).maxPages(5);
        Iterator<Long> items = paginator.items().iterator();
        for (int i = 0; i < 5; i++) {
            items.next();
        }
        TencentCloudException e = assertThrows(TencentCloudException.class, items::hasNext);
        assertEquals(Paginator.CLIENT_TOO_MANY_PAGES, e.code());
        assertTrue(e.getMessage().contains("ListThings: read 5 pages and the last still announced more"),
                e.getMessage());
        assertEquals(5, received.size());
        assertEquals(Paginator.DEFAULT_MAX_PAGES, paginator(TOKEN, new Request(null, null, null), endless).maxPages());
        assertThrows(IllegalArgumentException.class, () -> paginator.maxPages(0));
    }

    @Test
    void theCapAllowsAListingOfExactlyThatManyPages() {
        Server server = new Server(25, 100, Total.OF_LISTING);
        assertEquals(range(25), paginator(OFFSET, new Request(null, 10L, null), server::byOffset).maxPages(3)
                .itemStream().toList());
    }

    @Test
    void asyncReadsEveryPageInOrderOnFuturesCompletedLater() {
        Server server = new Server(25, 100, Total.OF_LISTING);
        List<CompletableFuture<Page>> pending = new ArrayList<>();
        List<Request> asked = new ArrayList<>();
        Paginator<Request, Page, Long> paginator = Paginator.of("ListThings", OFFSET, new Request(null, 10L, null),
                server::byOffset, request -> {
                    asked.add(request);
                    CompletableFuture<Page> future = new CompletableFuture<>();
                    pending.add(future);
                    return future;
                }, EXCEPTIONS);
        CompletableFuture<List<Long>> all = paginator.allItemsAsync();
        for (int i = 0; i < 3; i++) {
            assertFalse(all.isDone());
            assertEquals(i + 1, pending.size(), "one request at a time");
            pending.get(i).complete(server.byOffset(asked.get(i)));
        }
        assertEquals(range(25), all.join());
        assertEquals(3, pending.size());
    }

    @Test
    void asyncOnAnsweredFuturesLoopsWithoutGrowingTheStack() {
        Server server = new Server(100_000, 100_000, Total.OF_LISTING);
        List<Long> seen = new ArrayList<>();
        paginator(OFFSET, new Request(null, 1L, null), server::byOffset).maxPages(100_001)
                .forEachAsync(seen::add).join();
        assertEquals(100_000, seen.size());
    }

    @Test
    void asyncFailsWithTheCallsExceptionUnwrapped() {
        TencentCloudException failure = new TencentCloudException("InternalError", "boom", "r-1", 200, null);
        Server server = new Server(25, 100, Total.OF_LISTING);
        Paginator<Request, Page, Long> paginator = Paginator.of("ListThings", OFFSET, new Request(null, 10L, null),
                server::byOffset, request -> request.position() == null
                        ? CompletableFuture.completedFuture(server.byOffset(request))
                        : CompletableFuture.failedFuture(failure), EXCEPTIONS);
        List<Long> seen = new ArrayList<>();
        CompletionException e = assertThrows(CompletionException.class, () -> paginator.forEachAsync(seen::add).join());
        assertSame(failure, e.getCause());
        assertEquals(range(10), seen);
    }

    @Test
    void asyncMeetsTheCap() {
        Function<Request, Page> endless = request -> new Page(List.of(1L), null, "more");
        CompletionException e = assertThrows(CompletionException.class, () -> paginator(TOKEN,
                new Request(null, null, null), endless).maxPages(3).forEachPageAsync(page -> { }).join());
        assertEquals(Paginator.CLIENT_TOO_MANY_PAGES, ((TencentCloudException) e.getCause()).code());
    }

    @Test
    void pagesStreamInOrder() {
        Server server = new Server(25, 100, Total.OF_LISTING);
        assertEquals("10,10,5", paginator(OFFSET, new Request(null, 10L, null), server::byOffset).stream()
                .map(page -> String.valueOf(page.items().size())).collect(Collectors.joining(",")));
    }
}

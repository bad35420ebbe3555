package dev.tcgen.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The pages of a listing call, fetched lazily: one request per page, made through the client's own method of the
 * action, so each is signed, rate-limited and retried like any call. Iterating twice makes the requests twice.
 *
 * <pre>{@code
 * for (RoomState room : client.describeRoomInfoPaginator(request).items()) { ... }
 * client.describeRoomInfoPaginator(request).stream().map(DescribeRoomInfoResponse::total) ...
 * client.describeRoomInfoPaginator(request).forEachAsync(room -> ...).join();
 * }</pre>
 *
 * <p>The first page is the one the request asks for (its offset, page number or token, or the API's first); when the
 * listing ends is {@link Paging}'s business. A server that never says the last page came cannot keep a loop going:
 * after {@link #maxPages()} pages ({@value #DEFAULT_MAX_PAGES} unless {@link #maxPages(int)} says otherwise) that
 * still announce more, iteration fails with the service's exception, code {@value #CLIENT_TOO_MANY_PAGES}, before it
 * sends another request. The pages read up to then have been handed out.
 *
 * @param <Q> the request
 * @param <R> the response, one page
 * @param <T> the items of a page
 */
public final class Paginator<Q, R, T> implements Iterable<R> {

    /** The most pages a paginator reads unless told otherwise. */
    public static final int DEFAULT_MAX_PAGES = 10_000;
    /** The error code of a listing that was still going after {@link #maxPages()} pages. */
    public static final String CLIENT_TOO_MANY_PAGES = "ClientError.TooManyPages";

    private final String action;
    private final Paging<Q, R, T> paging;
    private final Q firstRequest;
    private final Function<Q, R> call;
    private final Function<Q, CompletableFuture<R>> callAsync;
    private final ServiceExceptionFactory<?> exceptions;
    private final int maxPages;

    private Paginator(String action, Paging<Q, R, T> paging, Q firstRequest, Function<Q, R> call,
            Function<Q, CompletableFuture<R>> callAsync, ServiceExceptionFactory<?> exceptions, int maxPages) {
        this.action = action;
        this.paging = paging;
        this.firstRequest = firstRequest;
        this.call = call;
        this.callAsync = callAsync;
        this.exceptions = exceptions;
        this.maxPages = maxPages;
    }

    /**
     * A paginator; nothing is sent until it is iterated.
     *
     * @param action the action's name, for messages
     * @param paging how the action pages
     * @param firstRequest the request of the first page
     * @param call the client's blocking method of the action
     * @param callAsync the client's asynchronous method of the action
     * @param exceptions the service's exception, for a listing past {@link #maxPages()}
     * @param <Q> the request
     * @param <R> the response
     * @param <T> the items
     * @return the paginator
     */
    public static <Q, R, T> Paginator<Q, R, T> of(String action, Paging<Q, R, T> paging, Q firstRequest,
            Function<Q, R> call, Function<Q, CompletableFuture<R>> callAsync, ServiceExceptionFactory<?> exceptions) {
        return new Paginator<>(Objects.requireNonNull(action, "action"), Objects.requireNonNull(paging, "paging"),
                Objects.requireNonNull(firstRequest, "request"), Objects.requireNonNull(call, "call"),
                Objects.requireNonNull(callAsync, "callAsync"), Objects.requireNonNull(exceptions, "exceptions"),
                DEFAULT_MAX_PAGES);
    }

    /**
     * This paginator with another cap on the pages it reads.
     *
     * @param maxPages the most pages, at least 1
     * @return a paginator reading at most that many pages
     * @throws IllegalArgumentException if {@code maxPages} is less than 1
     */
    public Paginator<Q, R, T> maxPages(int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1: " + maxPages);
        }
        return new Paginator<>(action, paging, firstRequest, call, callAsync, exceptions, maxPages);
    }

    /**
     * The most pages this paginator reads.
     *
     * @return the cap
     */
    public int maxPages() {
        return maxPages;
    }

    /**
     * The pages, each fetched when the iteration reaches it.
     *
     * @return an iterator whose {@code hasNext()} throws the service exception with code
     *     {@value #CLIENT_TOO_MANY_PAGES} when the cap is reached and the last page read announced more, and whose
     *     {@code next()} throws the service exception of a failed call
     */
    @Override
    public Iterator<R> iterator() {
        return new Pages();
    }

    /**
     * The pages as a sequential stream, fetched as it is consumed.
     *
     * @return the stream
     */
    public Stream<R> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    @Override
    public Spliterator<R> spliterator() {
        return Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    }

    /**
     * The items of all pages, in order, each page fetched when the iteration reaches it.
     *
     * @return the items
     */
    public Iterable<T> items() {
        return () -> itemStream().iterator();
    }

    /**
     * The items of all pages as a sequential stream, each page fetched when the stream reaches it.
     *
     * @return the stream
     */
    public Stream<T> itemStream() {
        return stream().flatMap(page -> paging.items(page).stream());
    }

    /**
     * Reads the pages without blocking: each request is sent when the previous page has been handed to
     * {@code action}, with the action's asynchronous method.
     *
     * @param action what to do with each page, called in order
     * @return a future that completes after the last page, or exceptionally with the first failure (of a call, of
     *     {@code action}, or the cap)
     */
    public CompletableFuture<Void> forEachPageAsync(Consumer<? super R> action) {
        Objects.requireNonNull(action, "action");
        AsyncPages pages = new AsyncPages(action);
        pages.run();
        return pages.done;
    }

    /**
     * Reads the items of all pages without blocking; see {@link #forEachPageAsync(Consumer)}.
     *
     * @param action what to do with each item, called in order
     * @return a future that completes after the last page, or exceptionally with the first failure
     */
    public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return forEachPageAsync(page -> paging.items(page).forEach(action));
    }

    /**
     * The items of all pages in one list, without blocking.
     *
     * @return a future list of the items
     */
    public CompletableFuture<List<T>> allItemsAsync() {
        List<T> all = new ArrayList<>();
        return forEachAsync(all::add).thenApply(done -> List.copyOf(all));
    }

    private RuntimeException tooManyPages() {
        return exceptions.create(CLIENT_TOO_MANY_PAGES, action + ": read " + maxPages + " pages and the last still "
                + "announced more; stopped before sending another request (raise maxPages(...) if the listing is that "
                + "long)", null, 0, null);
    }

    /** Where an iteration is: the request of the next page ({@code null} after the last), pages and items read. */
    private class Position {
        Q next = firstRequest;
        int pages;
        long items;

        /** Takes in the page that answered {@code next}. */
        void advance(R page) {
            pages++;
            Q request = next;
            next = paging.next(request, page, items);
            items += paging.items(page).size();
        }
    }

    private final class Pages extends Position implements Iterator<R> {
        @Override
        public boolean hasNext() {
            if (next != null && pages == maxPages) {
                throw tooManyPages();
            }
            return next != null;
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            R page = call.apply(next);
            advance(page);
            return page;
        }
    }

    /** An asynchronous iteration; a loop while pages come already answered (a fake), so the stack never grows. */
    private final class AsyncPages extends Position {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final Consumer<? super R> action;

        AsyncPages(Consumer<? super R> action) {
            this.action = action;
        }

        void run() {
            while (true) {
                if (pages == maxPages) {
                    done.completeExceptionally(tooManyPages());
                    return;
                }
                CompletableFuture<R> page;
                try {
                    page = callAsync.apply(next);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    return;
                }
                if (!page.isDone()) {
                    page.whenComplete((response, failure) -> {
                        if (accept(response, failure)) {
                            run();
                        }
                    });
                    return;
                }
                R response = null;
                Throwable failure = null;
                try {
                    response = page.join();
                } catch (CompletionException | CancellationException e) {
                    failure = e;
                }
                if (!accept(response, failure)) {
                    return;
                }
            }
        }

        /** Takes in one answer; whether another page is to be fetched. */
        private boolean accept(R response, Throwable failure) {
            try {
                if (failure != null) {
                    throw failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                }
                action.accept(response);
                advance(response);
            } catch (Throwable e) {
                done.completeExceptionally(e);
                return false;
            }
            if (next == null) {
                done.complete(null);
                return false;
            }
            return true;
        }
    }
}

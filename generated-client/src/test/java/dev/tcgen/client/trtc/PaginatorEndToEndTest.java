package dev.tcgen.client.trtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcgen.client.core.Paginator;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.DescribeRoomInfoRequest;
import dev.tcgen.client.trtc.v20190722.DescribeRoomInfoResponse;
import dev.tcgen.client.trtc.v20190722.RoomState;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TRTC's paged {@code DescribeRoomInfo} (page numbers from 0, {@code RoomList}; its {@code Total}, documented by
 * Tencent's SDKs as the number of records of the current page, is not a stop rule) against the verifying server: every
 * page a signed request, the listing read to its end, and the cap.
 */
@Timeout(60)
class PaginatorEndToEndTest {

    private static final DescribeRoomInfoRequest FIRST = DescribeRoomInfoRequest.builder()
            .sdkAppId(1400188366).startTime(1590065777).endTime(1590065877).pageSize(10).build();

    private final VirtualTime time = VirtualTime.autoAdvancing();
    private FakeTrtcServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A server of {@code rooms} rooms, answering pages of the requested size; with the page's Total or without. */
    private TrtcClient listing(int rooms, boolean total) throws IOException {
        server = TestClients.server(received -> page(received, rooms, total));
        return TestClients.client(server).scheduler(TestClients.on(time)).build();
    }

    private static Answer page(Received received, int rooms, boolean total) {
        JsonNode body = body(received);
        int size = body.path("PageSize").asInt();
        int from = body.path("PageNumber").asInt() * size;
        int to = Math.min(rooms, from + size);
        String list = IntStream.range(from, to)
                .mapToObj(i -> "{\"RoomString\":\"room-" + i + "\"}").collect(Collectors.joining(","));
        return Answer.response((total ? "\"Total\":" + Math.max(0, to - from) + "," : "") + "\"RoomList\":[" + list
                + "]", "req-" + from);
    }

    private static JsonNode body(Received received) {
        try {
            return new ObjectMapper().readTree(received.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> rooms(int count) {
        return IntStream.range(0, count).mapToObj(i -> "room-" + i).toList();
    }

    private List<Integer> pagesAsked() {
        return server.received().stream().map(r -> body(r).path("PageNumber").asInt()).toList();
    }

    @Test
    void readsPageAfterPageUntilAShortPageWhateverThePagesTotalSays() throws IOException {
        try (TrtcClient client = listing(35, true)) {
            Paginator<DescribeRoomInfoRequest, DescribeRoomInfoResponse, RoomState> pages =
                    client.describeRoomInfoPaginator(FIRST);
            assertEquals(List.of(), server.received(), "nothing is sent before the iteration");
            assertEquals(rooms(35), pages.itemStream().map(RoomState::roomString).toList());
            assertEquals(List.of(0, 1, 2, 3), pagesAsked());
            assertTrue(server.received().stream().allMatch(Received::signatureValid));
            assertTrue(server.received().stream().allMatch(r -> "DescribeRoomInfo".equals(r.header("X-TC-Action"))));
        }
    }

    @Test
    void withoutATotalAShortPageIsTheLast() throws IOException {
        try (TrtcClient client = listing(35, false)) {
            assertEquals(rooms(35), client.describeRoomInfoPaginator(FIRST).itemStream().map(RoomState::roomString)
                    .toList());
            assertEquals(List.of(0, 1, 2, 3), pagesAsked());
        }
    }

    @Test
    void withoutATotalAnEmptyPageIsTheLast() throws IOException {
        try (TrtcClient client = listing(30, false)) {
            List<String> read = client.describeRoomInfoPaginator(FIRST).stream()
                    .flatMap(page -> page.roomList().stream()).map(RoomState::roomString).toList();
            assertEquals(rooms(30), read);
            assertEquals(List.of(0, 1, 2, 3), pagesAsked());
        }
    }

    @Test
    void aTransientFailureOfOnePageIsRetriedLikeAnyCall() throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        server = TestClients.server(received -> body(received).path("PageNumber").asInt() == 1
                && failed.compareAndSet(false, true)
                ? Answer.error("InternalError", "try again", "req-x") : page(received, 25, true));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            assertEquals(rooms(25), client.describeRoomInfoPaginator(FIRST).itemStream().map(RoomState::roomString)
                    .toList());
            assertEquals(List.of(0, 1, 1, 2), pagesAsked());
        }
    }

    @Test
    void asyncReadsTheSamePages() throws IOException {
        try (TrtcClient client = listing(35, true)) {
            assertEquals(rooms(35), client.describeRoomInfoPaginator(FIRST).allItemsAsync().join().stream()
                    .map(RoomState::roomString).toList());
            assertEquals(List.of(0, 1, 2, 3), pagesAsked());
        }
    }

    @Test
    void aServerThatNeverEndsMeetsTheCap() throws IOException {
        server = TestClients.server(received -> page(received, Integer.MAX_VALUE, true));
        try (TrtcClient client = TestClients.client(server).scheduler(TestClients.on(time)).build()) {
            Paginator<DescribeRoomInfoRequest, DescribeRoomInfoResponse, RoomState> pages =
                    client.describeRoomInfoPaginator(FIRST).maxPages(4);
            TrtcException e = assertThrows(TrtcException.class, () -> pages.itemStream().count());
            assertEquals(Paginator.CLIENT_TOO_MANY_PAGES, e.code());
            assertEquals(List.of(0, 1, 2, 3), pagesAsked());
            CompletionException async = assertThrows(CompletionException.class,
                    () -> pages.forEachAsync(room -> { }).join());
            assertEquals(Paginator.CLIENT_TOO_MANY_PAGES, ((TrtcException) async.getCause()).code());
        }
    }
}

package dev.tcgen.client.trtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.FakeCalls;
import dev.tcgen.client.trtc.v20190722.DescribeCallDetailInfoRequest;
import dev.tcgen.client.trtc.v20190722.DescribeCallDetailInfoResponse;
import dev.tcgen.client.trtc.v20190722.DescribeRoomInfoRequest;
import dev.tcgen.client.trtc.v20190722.DescribeRoomInfoResponse;
import dev.tcgen.client.trtc.v20190722.FakeTrtcClient;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.RoomState;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamRequest;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.client.trtc.v20190722.TrtcException;
import dev.tcgen.client.trtc.v20190722.UserInformation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generated in-memory fake: documented answers, stubs, recorded calls, the real client's checks; no HTTP. */
class FakeClientTest {

    private static final DescribeRoomInfoRequest ROOMS = DescribeRoomInfoRequest.builder().sdkAppId(1400353843)
            .startTime(1590065777).endTime(1590065877).build();

    @Test
    void theClientIsAnInterfaceAndItsImplementationIsNotPublic() throws Exception {
        assertTrue(TrtcClient.class.isInterface());
        Class<?> implementation = TrtcClient.builder().region(Region.AP_GUANGZHOU).build().getClass();
        assertTrue(!Modifier.isPublic(implementation.getModifiers()), implementation.getName());
    }

    @Test
    void everyActionAnswersWithItsDocumentedExample() throws Exception {
        FakeTrtcClient fake = new FakeTrtcClient(Region.AP_GUANGZHOU);
        DescribeRoomInfoResponse rooms = fake.describeRoomInfo(ROOMS);
        assertEquals(10L, rooms.total());
        assertEquals("1400188366_563398783_1587959355", rooms.roomList().get(0).commId());
        int answered = 0;
        for (Method method : TrtcClient.class.getMethods()) {
            if (method.getParameterCount() == 1 && method.getParameterTypes()[0].getSimpleName().endsWith("Request")
                    && !method.getName().endsWith("Async") && !method.getName().endsWith("Paginator")) {
                Object request = request(method.getParameterTypes()[0]);
                if (request != null) {
                    assertEquals(method.getReturnType(), method.invoke(fake, request).getClass(), method.getName());
                    answered++;
                }
            }
        }
        assertTrue(answered > 40, "actions answered: " + answered);
    }

    /** A request with every required member set to something of its type, from its builder. */
    private static Object request(Class<?> type) throws Exception {
        Object builder = type.getMethod("builder").invoke(null);
        for (Method setter : builder.getClass().getMethods()) {
            if (setter.getParameterCount() == 1 && setter.getReturnType() == builder.getClass()) {
                Class<?> parameter = setter.getParameterTypes()[0];
                Object value = parameter == String.class ? "x" : parameter == Long.class ? 1L
                        : parameter == Boolean.class ? Boolean.TRUE : parameter == List.class ? List.of() : null;
                if (value != null) {
                    setter.invoke(builder, value);
                }
            }
        }
        try {
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // a required structure member: a test stubs such an action; the fake itself needs nothing more
            return null;
        }
    }

    @Test
    void aStubAnswersInsteadAndCallsAreRecorded() {
        FakeTrtcClient fake = new FakeTrtcClient(Region.AP_GUANGZHOU)
                .stubDescribeRoomInfo(request -> DescribeRoomInfoResponse.builder().total(2L)
                        .roomList(List.of(RoomState.builder().roomString("a").build(),
                                RoomState.builder().roomString("b").build()))
                        .build());
        assertEquals(List.of("a", "b"), fake.describeRoomInfo(ROOMS).roomList().stream().map(RoomState::roomString)
                .toList());
        assertEquals(2L, fake.describeRoomInfoAsync(ROOMS).join().total());
        assertEquals(List.of(ROOMS, ROOMS), fake.requests(DescribeRoomInfoRequest.class));
        assertEquals(List.of(new FakeCalls.Call("DescribeRoomInfo", "ap-guangzhou", ROOMS),
                new FakeCalls.Call("DescribeRoomInfo", "ap-guangzhou", ROOMS)), fake.calls());
        fake.reset();
        assertEquals(List.of(), fake.calls());
        assertEquals(10L, fake.describeRoomInfo(ROOMS).total());
    }

    @Test
    void aStubbedExceptionIsThrownAndFailsTheAsyncForm() {
        TrtcException failure = new TrtcException("ResourceNotFound", "no such task", "req-1", 200, null);
        FakeTrtcClient fake = new FakeTrtcClient(Region.AP_GUANGZHOU).stubStopPublishCdnStream(failure);
        StopPublishCdnStreamRequest stop = StopPublishCdnStreamRequest.builder().sdkAppId(1).taskId("t").build();
        assertSame(failure, assertThrows(TrtcException.class, () -> fake.stopPublishCdnStream(stop)));
        assertSame(failure, assertThrows(CompletionException.class, () -> fake.stopPublishCdnStreamAsync(stop).join())
                .getCause());
    }

    @Test
    void theRegionCheckIsTheRealClientsAndARefusedCallIsNotRecorded() {
        FakeTrtcClient fake = new FakeTrtcClient(Region.of("ap-jakarta"));
        StopPublishCdnStreamRequest stop = StopPublishCdnStreamRequest.builder().sdkAppId(1).taskId("t").build();
        TrtcException e = assertThrows(TrtcException.class, () -> fake.stopPublishCdnStream(stop));
        assertEquals("ClientError.UnsupportedRegion", e.code());
        assertTrue(e.getMessage().contains("StopPublishCdnStream supports ap-guangzhou, ap-hongkong, ap-singapore"),
                e.getMessage());
        assertEquals(List.of(), fake.calls());
        StopPublishCdnStreamResponse answered = fake.withRegion(Region.AP_SINGAPORE).stopPublishCdnStream(stop);
        assertEquals(StopPublishCdnStreamResponse.class, answered.getClass());
        assertEquals("ap-singapore", fake.calls().get(0).region());
        assertThrows(IllegalStateException.class, () -> StopPublishCdnStreamRequest.builder().taskId("t").build());
    }

    @Test
    void aPaginatorPagesThroughAStubbedFake() {
        FakeTrtcClient fake = new FakeTrtcClient(Region.AP_GUANGZHOU).stubDescribeRoomInfo(request -> {
            int from = (int) (request.pageNumber() * request.pageSize());
            return DescribeRoomInfoResponse.builder().total(25L).roomList(IntStream.range(from, Math.min(25, from + 10))
                    .mapToObj(i -> RoomState.builder().roomString("room-" + i).build()).toList()).build();
        });
        assertEquals(25, fake.describeRoomInfoPaginator(ROOMS.toBuilder().pageNumber(0).pageSize(10).build())
                .itemStream().count());
        assertEquals(List.of(0L, 1L, 2L), fake.requests(DescribeRoomInfoRequest.class).stream()
                .map(DescribeRoomInfoRequest::pageNumber).toList());
    }

    @Test
    void describeCallDetailInfoPagesItsUsersAsTheOverlayStates() {
        FakeTrtcClient fake = new FakeTrtcClient(Region.AP_GUANGZHOU).stubDescribeCallDetailInfo(request -> {
            int from = (int) (request.pageNumber() * request.pageSize());
            return DescribeCallDetailInfoResponse.builder().total(7L).userList(IntStream.range(from,
                    Math.min(7, from + 3)).mapToObj(i -> UserInformation.builder().userId("user-" + i).build())
                    .toList()).build();
        });
        DescribeCallDetailInfoRequest first = DescribeCallDetailInfoRequest.builder().commId("c").startTime(1L)
                .endTime(2L).sdkAppId(1400353843).pageNumber(0).pageSize(3).build();

        assertEquals(List.of("user-0", "user-1", "user-2", "user-3", "user-4", "user-5", "user-6"),
                fake.describeCallDetailInfoPaginator(first).itemStream().map(UserInformation::userId).toList());
        assertEquals(List.of(0L, 1L, 2L), fake.requests(DescribeCallDetailInfoRequest.class).stream()
                .map(DescribeCallDetailInfoRequest::pageNumber).toList());
    }
}

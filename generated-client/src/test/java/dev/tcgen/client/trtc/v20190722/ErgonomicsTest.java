package dev.tcgen.client.trtc.v20190722;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.client.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new user types first: int literals for int64 members, lists that may be absent, a wrong language. */
class ErgonomicsTest {

    @Test
    void anIntLiteralSetsAnInt64Member() throws Exception {
        StopPublishCdnStreamRequest request = StopPublishCdnStreamRequest.builder().sdkAppId(1400188366).taskId("t")
                .build();
        assertEquals(Long.valueOf(1400188366L), request.sdkAppId());
        assertEquals(request, StopPublishCdnStreamRequest.builder().sdkAppId(Long.valueOf(1400188366L)).taskId("t")
                .build());
        assertEquals("{\"SdkAppId\":1400188366,\"TaskId\":\"t\"}", Json.text(request, StopPublishCdnStreamRequest::writeJson));
    }

    @Test
    void anAbsentListIsEmptyAndHasTellsItFromAnEmptyOne() throws Exception {
        DescribeRoomInfoResponse absent = Json.read("{\"Total\":0}", DescribeRoomInfoResponse::readJson);
        assertEquals(List.of(), absent.roomList());
        assertFalse(absent.hasRoomList());
        DescribeRoomInfoResponse empty = Json.read("{\"RoomList\":[]}", DescribeRoomInfoResponse::readJson);
        assertEquals(List.of(), empty.roomList());
        assertTrue(empty.hasRoomList());
        int rooms = 0;
        for (Object room : absent.roomList()) {
            rooms += room == null ? 0 : 1;
        }
        assertEquals(0, rooms);
    }

    @Test
    void anAbsentListIsStillLeftOutOfARequest() throws Exception {
        DescribeUserInfoRequest request = DescribeUserInfoRequest.builder().commId("c").startTime(1).endTime(2)
                .sdkAppId(3).build();
        assertFalse(request.hasUserIds());
        assertEquals("{\"CommId\":\"c\",\"StartTime\":1,\"EndTime\":2,\"SdkAppId\":3}",
                Json.text(request, DescribeUserInfoRequest::writeJson));
    }

    @Test
    void aLanguageOtherThanEnUsOrZhCnIsRejectedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrtcClient.builder().language("fr-FR"));
        assertEquals("language must be en-US or zh-CN, not \"fr-FR\"", e.getMessage());
        TrtcClient.builder().language("zh-CN").language(null);
    }
}

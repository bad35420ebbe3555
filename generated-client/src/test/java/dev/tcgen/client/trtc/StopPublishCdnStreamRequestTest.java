package dev.tcgen.client.trtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcgen.client.core.Json;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamRequest;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcErrorCode;
import org.junit.jupiter.api.Test;

/** The generated value classes: builders, required members, JSON names, equality. */
class StopPublishCdnStreamRequestTest {

    private final ObjectMapper json = Json.mapper();

    @Test
    void buildRejectsMissingRequiredMembersNamingEach() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StopPublishCdnStreamRequest.builder().build());

        assertEquals("StopPublishCdnStreamRequest is missing required members: SdkAppId (sdkAppId), TaskId (taskId)",
                e.getMessage());
    }

    @Test
    void toBuilderMakesAChangedCopyAndLeavesTheOriginal() {
        StopPublishCdnStreamRequest original =
                StopPublishCdnStreamRequest.builder().sdkAppId(1L).taskId("a").build();

        StopPublishCdnStreamRequest changed = original.toBuilder().taskId("b").build();

        assertEquals("a", original.taskId());
        assertEquals("b", changed.taskId());
        assertEquals(1L, changed.sdkAppId());
        assertNotEquals(original, changed);
        assertEquals(original, original.toBuilder().build());
        assertEquals(original.hashCode(), original.toBuilder().build().hashCode());
        assertEquals("StopPublishCdnStreamRequest{SdkAppId=1, TaskId=a}", original.toString());
    }

    @Test
    void responsesParseWithMissingAndExtraFields() throws Exception {
        StopPublishCdnStreamResponse response = json.readValue(
                "{\"RequestId\":\"r-1\",\"Unexpected\":{\"Nested\":true}}", StopPublishCdnStreamResponse.class);

        assertEquals("r-1", response.requestId());
        assertEquals(null, response.taskId());
    }

    @Test
    void errorCodesMapBothWays() {
        assertEquals(TrtcErrorCode.FAILED_OPERATION_CR_UNSUPPORT_METHOD,
                TrtcErrorCode.fromCode("FailedOperation.CRUnsupportMethod"));
        assertEquals("AuthFailure.UnRealNameAuthenticated", TrtcErrorCode.AUTH_FAILURE_UN_REAL_NAME_AUTHENTICATED.code());
        assertEquals(TrtcErrorCode.UNKNOWN, TrtcErrorCode.fromCode("NoSuchCode"));
        assertEquals(TrtcErrorCode.UNKNOWN, TrtcErrorCode.fromCode(null));
    }
}

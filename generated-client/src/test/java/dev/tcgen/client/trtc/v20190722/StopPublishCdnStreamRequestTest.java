package dev.tcgen.client.trtc.v20190722;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tcgen.client.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated value classes: builders, required members, JSON names, equality. */
class StopPublishCdnStreamRequestTest {

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
        StopPublishCdnStreamResponse response = Json.read(
                "{\"RequestId\":\"r-1\",\"Unexpected\":{\"Nested\":true}}", StopPublishCdnStreamResponse::readJson);

        assertEquals("r-1", response.requestId());
        assertEquals(null, response.taskId());
        assertEquals(List.of(), response.problems());
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

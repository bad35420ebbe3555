package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The name rule of read-only actions. */
class IdempotencyTest {

    @ParameterizedTest
    @ValueSource(strings = {"DescribeInstances", "GetMonitorData", "ListTopics", "QueryAIMessageList",
        "InquiryPriceRunInstances", "CheckDomain", "SearchLog", "Describe", "Get2FA", "DescribeTRTCMarketScaleData"})
    void readOnlyVerbsAreIdempotent(String action) {
        assertEquals(Idempotency.IDEMPOTENT, Idempotency.byName(action));
        assertTrue(Idempotency.byName(action).safeToRepeat());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CreateInstances", "StartMCUMixTranscode", "StopPublishCdnStream", "ModifyInstance",
        "DeleteUser", "Getaway", "Listen", "Checkout", "Searchable", "Queryable", "InquirePriceRunInstances",
        "describeInstances", "RunInstances"})
    void otherNamesAreNot(String action) {
        assertEquals(Idempotency.NOT_IDEMPOTENT, Idempotency.byName(action));
        assertFalse(Idempotency.byName(action).safeToRepeat());
    }
}

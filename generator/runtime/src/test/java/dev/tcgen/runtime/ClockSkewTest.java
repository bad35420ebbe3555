package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.VirtualTime;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Learning the server's time from the Date of an AuthFailure.SignatureExpire answer. */
class ClockSkewTest {

    private final VirtualTime time = VirtualTime.manual();
    private final CapturingLogger logger = new CapturingLogger();
    private final ClockSkew skew = new ClockSkew(time, logger);

    private static HttpHeaders date(String value) {
        return HttpHeaders.of(Map.of("Date", List.of(value)), (name, v) -> true);
    }

    @Test
    void theDateOfASignatureExpireAnswerBecomesTheTimeOfLaterSignatures() {
        assertEquals(VirtualTime.EPOCH, skew.now());

        assertTrue(skew.learnFrom("AuthFailure.SignatureExpire", date("Wed, 01 May 2024 00:07:12 GMT")));

        assertEquals(Duration.ofSeconds(432), skew.offset());
        time.advance(Duration.ofSeconds(10));
        assertEquals(Instant.parse("2024-05-01T00:07:22Z"), skew.now());
        assertEquals(List.of("This machine's clock is 7 min 12 s behind Tencent Cloud's (the Date of an "
                + "AuthFailure.SignatureExpire answer); signing with Tencent Cloud's time from now on"),
                logger.entries().stream().map(CapturingLogger.Entry::message).toList());
    }

    @Test
    void onlySignatureExpireWithAReadableDateTeachesAnything() {
        assertFalse(skew.learnFrom("AuthFailure.SignatureFailure", date("Wed, 01 May 2024 00:07:12 GMT")));
        assertFalse(skew.learnFrom("AuthFailure.SignatureExpire", HttpHeaders.of(Map.of(), (name, v) -> true)));
        assertFalse(skew.learnFrom("AuthFailure.SignatureExpire", date("yesterday")));
        assertEquals(Duration.ZERO, skew.offset());
        assertTrue(logger.entries().isEmpty());
    }

    @Test
    void theSameOffsetIsLoggedOnceAndAClockAheadIsSaidSo() {
        skew.learnFrom("AuthFailure.SignatureExpire", date("Tue, 30 Apr 2024 22:00:00 GMT"));
        skew.learnFrom("AuthFailure.SignatureExpire", date("Tue, 30 Apr 2024 22:00:00 GMT"));

        assertEquals(1, logger.entries().size());
        assertTrue(logger.entries().get(0).message().startsWith("This machine's clock is 2 h 0 min ahead of"));
        assertEquals("42 s behind", ClockSkew.describe(Duration.ofSeconds(42)));
    }
}

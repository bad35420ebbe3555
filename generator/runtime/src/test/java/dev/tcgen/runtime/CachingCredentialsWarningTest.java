package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A refresh that fails while the cached credentials still work is invisible to the caller, so it is logged at
 * WARNING: through {@code System.Logger}, here backed by java.util.logging, without a secret.
 */
class CachingCredentialsWarningTest {

    @Test
    void aFailedRefreshWhileTheCurrentCredentialsStillWorkIsAWarningWithoutSecrets() {
        Logger logger = Logger.getLogger(CachingCredentialsProvider.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            Instant expiry = Instant.now().plus(Duration.ofMinutes(3));
            Credentials first = Credentials.of("AKID-first", "secret-key-first", "token-first", expiry);
            boolean[] fetched = new boolean[1];
            CredentialsProvider caching = CachingCredentialsProvider.of(() -> {
                if (fetched[0]) {
                    throw new CredentialsException("STS is down\nINFO: forged line");
                }
                fetched[0] = true;
                return first;
            }, Duration.ofMinutes(5), Clock.systemUTC());

            assertEquals(first, caching.credentials());
            assertEquals(first, caching.credentials(), "due for refresh, the refresh failed, the current ones work");

            assertEquals(1, records.size());
            assertEquals(Level.WARNING, records.get(0).getLevel());
            String message = records.get(0).getMessage();
            assertTrue(message.contains("failed; going on with the cached ones until they expire at " + expiry), message);
            assertTrue(message.endsWith("STS is down\\nINFO: forged line"), "one line, whatever the failure says: " + message);
            assertFalse(message.contains("secret-key-first") || message.contains("token-first"), message);
        } finally {
            logger.removeHandler(capture);
        }
    }
}

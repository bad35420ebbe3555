package dev.tcgen.client.trtc;

import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.Scheduler;
import dev.tcgen.client.trtc.FakeTrtcServer.Answer;
import dev.tcgen.client.trtc.FakeTrtcServer.Received;
import dev.tcgen.client.trtc.v20190722.CreateCloudRecordingRequest;
import dev.tcgen.client.trtc.v20190722.DescribeCloudRecordingRequest;
import dev.tcgen.client.trtc.v20190722.RecordParams;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.StorageParams;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamRequest;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import dev.tcgen.runtime.testing.CapturingLogger;
import dev.tcgen.runtime.testing.IndependentTc3Verifier;
import dev.tcgen.runtime.testing.VirtualTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** What the end-to-end tests share: the test keys, a verifying server, a client builder pointed at it. */
final class TestClients {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final String TOKEN = "session-token-0123456789";

    private TestClients() {}

    /** A server that verifies signatures made with the test keys and answers with {@code handler}. */
    static FakeTrtcServer server(Function<Received, Answer> handler) throws IOException {
        return new FakeTrtcServer(new IndependentTc3Verifier(SECRET_ID, SECRET_KEY, "trtc"), handler);
    }

    /**
     * A builder with the test keys, region ap-guangzhou and the server's endpoint; it logs to a captured logger (a test
     * that reads the log sets its own), so that the WARNINGs of retried attempts stay out of the build's console.
     */
    static TrtcClient.Builder client(FakeTrtcServer server) {
        return TrtcClient.builder()
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY))
                .region(Region.AP_GUANGZHOU)
                .endpoint(server.endpoint())
                .logger(new CapturingLogger());
    }

    /**
     * The runtime module's virtual clock as the embedded runtime's {@link Scheduler}: {@code VirtualTime} implements
     * the runtime jar's {@code dev.tcgen.runtime.Scheduler}, the same interface in another package.
     */
    static Scheduler on(VirtualTime time) {
        return new OnVirtualTime(time);
    }

    /** The embedded runtime's {@link Scheduler} on a {@code VirtualTime}: every method is the virtual clock's. */
    static class OnVirtualTime implements Scheduler {
        private final VirtualTime time;

        OnVirtualTime(VirtualTime time) {
            this.time = time;
        }

        @Override
        public long nanoTime() {
            return time.nanoTime();
        }

        @Override
        public Instant now() {
            return time.now();
        }

        @Override
        public CompletableFuture<Void> delay(Duration delay) {
            return time.delay(delay);
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            time.sleep(duration);
        }

        @Override
        public CompletableFuture<Void> timeout(Duration timeout) {
            return time.timeout(timeout);
        }
    }

    /** A StopPublishCdnStream request for a task. */
    static StopPublishCdnStreamRequest stop(String taskId) {
        return StopPublishCdnStreamRequest.builder().sdkAppId(1400188366L).taskId(taskId).build();
    }

    /** A DescribeCloudRecording request for a task: an idempotent action (by its name). */
    static DescribeCloudRecordingRequest describe(String taskId) {
        return DescribeCloudRecordingRequest.builder().sdkAppId(1400188366L).taskId(taskId).build();
    }

    /** A CreateCloudRecording request for a room: an action that is not idempotent. */
    static CreateCloudRecordingRequest create(String roomId) {
        return CreateCloudRecordingRequest.builder().sdkAppId(1400188366L).roomId(roomId).userId("recorder")
                .userSig("sig").recordParams(RecordParams.builder().recordMode(1L).build())
                .storageParams(StorageParams.builder().build()).build();
    }

    /** A successful answer that echoes the request's task (or room), if it names one; else an empty one. */
    static Answer echo(Received request, String requestId) {
        if (!request.body().matches(".*\"(?:TaskId|RoomId)\":\"[^\"]*\".*")) {
            return Answer.response("", requestId);
        }
        return Answer.response("\"TaskId\":\"" + taskId(request) + "\"", requestId);
    }

    /** A failure as a log would print it: class, message, causes and stack traces. */
    static String printed(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** The request's TaskId, or RoomId if it has none. */
    static String taskId(Received request) {
        return taskId(request.body());
    }

    /** The TaskId, or RoomId if it has none, of a request body. */
    static String taskId(String body) {
        return body.replaceAll(".*\"(?:TaskId|RoomId)\":\"([^\"]*)\".*", "$1");
    }
}

package dev.tcgen.bench;

import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.RateLimitMode;
import dev.tcgen.client.trtc.v20190722.Region;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamRequest;
import dev.tcgen.client.trtc.v20190722.StopPublishCdnStreamResponse;
import dev.tcgen.client.trtc.v20190722.TrtcClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One whole StopPublishCdnStream call (build the request, serialise, sign, send, parse) against a loopback stub
 * (HTTP/1.1, keep-alive, a fixed answer), calls per second on 1 and on 8 threads sharing one client:
 *
 * <ul>
 *   <li>{@code tcgen*}: the generated {@code TrtcClient}'s blocking method (client-side rate limiting off, everything
 *       else default);
 *   <li>{@code tcgenAsync*}: its {@code ...Async} method, each thread waiting for its future ({@code join()});
 *   <li>{@code official*}: the official SDK's {@code CommonClient.commonRequest(model, action, responseClass)};
 *   <li>{@code jdkHttpClient*}: the floor: the JDK {@code HttpClient} posting a fixed, pre-signed body with the same
 *       headers and reading the answer as bytes, nothing serialised, signed or parsed ({@code send});
 *   <li>{@code jdkHttpClientAsync*}: the same with {@code sendAsync(...).get()}, which costs hand-offs between
 *       threads per call (on two processors a new thread completes each future): the floor of the generated
 *       client's {@code ...Async} methods, as {@code send} is of its blocking ones.
 * </ul>
 *
 * <p>Every client may retry a call once on a network failure (the generated client and OkHttp do so by default, the
 * bare HttpClient here explicitly): the JDK HttpClient, under 8 threads, now and then closes a pooled connection
 * that another request has just taken ("header parser received no bytes"). Retries of the floor are counted.
 *
 * Run with {@code -prof gc} for the allocation per call ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallBenchmark {

    static final String RESPONSE = "{\"Response\":{\"TaskId\":\"up-stream-task-0001\","
            + "\"RequestId\":\"e7b9b0c6-63d5-4d6e-8f1a-2f5c4c3d1a10\"}}";
    static final long SDK_APP_ID = 1_400_188_366L;
    static final String TASK_ID = "up-stream-task-0001";

    private LoopbackStub stub;
    private TrtcClient tcgen;
    private final LongAdder floorRetries = new LongAdder();
    private CommonClient official;
    private HttpClient jdk;
    private URI uri;
    private byte[] fixedBody;
    private String fixedAuthorization;
    private long requestsBefore;

    @Setup
    public void setUp() throws Exception {
        stub = LoopbackStub.start(RESPONSE);
        uri = URI.create(stub.origin() + "/");
        tcgen = TrtcClient.builder()
                .credentials(Credentials.of(SigningBenchmark.SECRET_ID, SigningBenchmark.SECRET_KEY))
                .region(Region.AP_GUANGZHOU)
                .endpoint(URI.create(stub.origin()))
                .rateLimitMode(RateLimitMode.OFF)
                .build();
        official = OfficialSdk.client(SigningBenchmark.SECRET_ID, SigningBenchmark.SECRET_KEY,
                "127.0.0.1:" + stub.port(), "ap-guangzhou");
        jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        fixedBody = "{\"SdkAppId\":1400188366,\"TaskId\":\"up-stream-task-0001\"}".getBytes(StandardCharsets.UTF_8);
        fixedAuthorization = OfficialSdk.authorization(SigningBenchmark.SECRET_ID, SigningBenchmark.SECRET_KEY,
                "trtc", "127.0.0.1:" + stub.port(), "application/json; charset=utf-8", fixedBody,
                System.currentTimeMillis() / 1000);
        OfficialSdk.StopPublishCdnStreamRequest model = new OfficialSdk.StopPublishCdnStreamRequest();
        model.setSdkAppId(SDK_APP_ID);
        model.setTaskId(TASK_ID);
        String officialJson = AbstractModel.toJsonString(model).replaceAll("\\s", "");
        if (!officialJson.equals(new String(fixedBody, StandardCharsets.UTF_8))) {
            throw new IllegalStateException("the official SDK serialises the request as " + officialJson);
        }
        check(tcgen1().taskId(), "tcgen");
        check(official1().getTaskId(), "official");
        check(jdkHttpClient1().length == RESPONSE.length() ? TASK_ID : "", "jdkHttpClient");
        requestsBefore = stub.requests();
    }

    private static void check(String taskId, String client) {
        if (!TASK_ID.equals(taskId)) {
            throw new IllegalStateException(client + " did not read the stub's answer: " + taskId);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        System.out.printf("%n(loopback stub answered %,d requests; the bare HttpClient retried %d)%n",
                stub.requests() - requestsBefore, floorRetries.sum());
        tcgen.close();
        stub.close();
    }

    @Benchmark
    @Threads(1)
    public StopPublishCdnStreamResponse tcgen1() {
        return tcgenCall();
    }

    @Benchmark
    @Threads(8)
    public StopPublishCdnStreamResponse tcgen8() {
        return tcgenCall();
    }

    @Benchmark
    @Threads(1)
    public StopPublishCdnStreamResponse tcgenAsync1() {
        return tcgenAsyncCall();
    }

    @Benchmark
    @Threads(8)
    public StopPublishCdnStreamResponse tcgenAsync8() {
        return tcgenAsyncCall();
    }

    @Benchmark
    @Threads(1)
    public OfficialSdk.StopPublishCdnStreamResponse official1() throws TencentCloudSDKException {
        return officialCall();
    }

    @Benchmark
    @Threads(8)
    public OfficialSdk.StopPublishCdnStreamResponse official8() throws TencentCloudSDKException {
        return officialCall();
    }

    @Benchmark
    @Threads(1)
    public byte[] jdkHttpClient1() throws IOException, InterruptedException {
        return jdkCall();
    }

    @Benchmark
    @Threads(8)
    public byte[] jdkHttpClient8() throws IOException, InterruptedException {
        return jdkCall();
    }

    @Benchmark
    @Threads(1)
    public byte[] jdkHttpClientAsync1() throws Exception {
        return jdkAsyncCall();
    }

    @Benchmark
    @Threads(8)
    public byte[] jdkHttpClientAsync8() throws Exception {
        return jdkAsyncCall();
    }

    private StopPublishCdnStreamResponse tcgenCall() {
        return tcgen.stopPublishCdnStream(request());
    }

    private StopPublishCdnStreamResponse tcgenAsyncCall() {
        return tcgen.stopPublishCdnStreamAsync(request()).join();
    }

    private static StopPublishCdnStreamRequest request() {
        return StopPublishCdnStreamRequest.builder()
                .sdkAppId(SDK_APP_ID)
                .taskId(TASK_ID)
                .build();
    }

    private OfficialSdk.StopPublishCdnStreamResponse officialCall() throws TencentCloudSDKException {
        OfficialSdk.StopPublishCdnStreamRequest request = new OfficialSdk.StopPublishCdnStreamRequest();
        request.setSdkAppId(SDK_APP_ID);
        request.setTaskId(TASK_ID);
        return official.commonRequest(request, "StopPublishCdnStream", OfficialSdk.StopPublishCdnStreamResponse.class);
    }

    private byte[] jdkCall() throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = jdk.send(fixedRequest(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            floorRetries.increment();
            response = jdk.send(fixedRequest(), HttpResponse.BodyHandlers.ofByteArray());
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    private byte[] jdkAsyncCall() throws InterruptedException, ExecutionException {
        try {
            return jdk.sendAsync(fixedRequest(), HttpResponse.BodyHandlers.ofByteArray()).get().body();
        } catch (ExecutionException e) {
            floorRetries.increment();
            return jdk.sendAsync(fixedRequest(), HttpResponse.BodyHandlers.ofByteArray()).get().body();
        }
    }

    private HttpRequest fixedRequest() {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(fixedBody))
                .header("Authorization", fixedAuthorization)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-TC-Action", "StopPublishCdnStream")
                .header("X-TC-Version", "2019-07-22")
                .header("X-TC-Timestamp", "1551113065")
                .header("X-TC-Region", "ap-guangzhou")
                .header("User-Agent", "tcgen-bench")
                .build();
    }
}

package dev.tcgen.bench;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.tcgen.client.core.ApiTransport;
import dev.tcgen.client.core.Credentials;
import dev.tcgen.client.core.Tc3Signer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * TC3-HMAC-SHA256 signing of one StopPublishCdnStream request ({@code Authorization} header from the body, host,
 * time and keys), operations per second: the generated {@code Tc3Signer} against the official SDK's signing steps.
 * Both must produce the same header, which the setup checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final String HOST = "trtc.tencentcloudapi.com";
    static final long TIMESTAMP = 1_551_113_065L;

    private Credentials credentials;
    private byte[] payload;

    @Setup
    public void setUp() throws TencentCloudSDKException {
        credentials = Credentials.of(SECRET_ID, SECRET_KEY);
        payload = "{\"SdkAppId\":1400188366,\"TaskId\":\"up-stream-task-0001\"}".getBytes(StandardCharsets.UTF_8);
        String ours = tcgen();
        String theirs = official();
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the signers disagree:\n  tcgen:    " + ours + "\n  official: " + theirs);
        }
    }

    @Benchmark
    public String tcgen() {
        return Tc3Signer.authorization(credentials, "trtc", HOST, ApiTransport.CONTENT_TYPE, payload, TIMESTAMP);
    }

    @Benchmark
    public String official() throws TencentCloudSDKException {
        return OfficialSdk.authorization(SECRET_ID, SECRET_KEY, "trtc", HOST, ApiTransport.CONTENT_TYPE, payload,
                TIMESTAMP);
    }
}

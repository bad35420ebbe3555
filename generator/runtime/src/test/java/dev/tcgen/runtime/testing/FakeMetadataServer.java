package dev.tcgen.runtime.testing;

import java.net.URI;
import java.time.Clock;

/**
 * A local CVM instance metadata service, for the CVM role credentials provider: under
 * {@code /latest/meta-data/cam/security-credentials/} it answers the bound role's name, and under that path plus the
 * role the role's temporary credentials, as
 * {@code {"TmpSecretId", "TmpSecretKey", "Token", "ExpiredTime", "Expiration", "Code": "Success"}}.
 *
 * <pre>{@code
 * try (FakeMetadataServer metadata = new FakeMetadataServer(time.clock())) {
 *     CvmRoleCredentialsProvider.builder().endpoint(metadata.endpoint()).clock(time.clock()).build();
 * }
 * }</pre>
 */
public final class FakeMetadataServer extends FakeCredentialsServer {

    /** The path of the directory of role credentials, as on a real instance. */
    public static final String PATH = "/latest/meta-data/cam/security-credentials/";

    /** The role bound by default. */
    public static final String ROLE = "fake-role";

    private volatile String role = ROLE;
    private volatile String code = "Success";
    private volatile int failureStatus;

    /** Starts the fake; expirations count from {@code clock}. */
    public FakeMetadataServer(Clock clock) {
        super(clock);
    }

    /** The directory of role credentials: what the provider's {@code endpoint(...)} takes. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    /** The role bound to the "instance", or {@code null} for none (the directory answers 404). */
    public FakeMetadataServer role(String role) {
        this.role = role;
        return this;
    }

    /** The {@code Code} of credentials answers; {@code Success} by default. */
    public FakeMetadataServer code(String code) {
        this.code = code;
        return this;
    }

    /** Credentials requests answer this HTTP status with a plain body from now on; 0 to answer normally again. */
    public FakeMetadataServer failWithStatus(int status) {
        this.failureStatus = status;
        return this;
    }

    /** How many times the role's name was asked. */
    public long roleNameRequests() {
        return requests().stream().filter(request -> request.path().equals(PATH)).count();
    }

    @Override
    protected Answer answer(Request request) {
        String bound = role;
        if (request.path().equals(PATH)) {
            return bound == null ? new Answer(404, "text/plain", "Not Found") : new Answer(200, "text/plain", bound);
        }
        if (bound == null || !request.path().equals(PATH + bound)) {
            return new Answer(404, "text/plain", "Not Found");
        }
        int number = arrive();
        if (failureStatus != 0) {
            return new Answer(failureStatus, "text/plain", "metadata service failure");
        }
        Issue issue = issue(number);
        return Answer.json(200, "{\"TmpSecretId\":\"" + issue.secretId() + "\",\"TmpSecretKey\":\"" + issue.secretKey()
                + "\",\"ExpiredTime\":" + issue.expiration().getEpochSecond() + ",\"Expiration\":\"" + issue.expiration()
                + "\",\"Token\":\"" + issue.token() + "\",\"Code\":\"" + code + "\"}");
    }
}

package dev.tcgen.runtime.testing;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * A local Security Token Service (API 3.0, version 2018-08-13) for the STS credentials providers. It answers
 * {@code AssumeRole} when the request's signature passes the test's check, and {@code AssumeRoleWithWebIdentity} when
 * the request is unsigned ({@code Authorization: SKIP}) and carries the expected web identity token, with
 * {@code {"Response": {"Credentials": {"TmpSecretId", "TmpSecretKey", "Token"}, "ExpiredTime", "Expiration",
 * "RequestId"}}}; anything else gets an API error, as STS would answer it.
 */
public final class FakeStsServer extends FakeCredentialsServer {

    /** The web identity token expected by default. */
    public static final String WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.web-identity-token.EXAMPLE";

    private final Function<Request, String> signatureCheck;
    private volatile String webIdentityToken = WEB_IDENTITY_TOKEN;
    private volatile String errorCode;
    private volatile String errorMessage;

    /**
     * Starts the fake.
     *
     * @param clock the time expirations count from
     * @param signatureCheck why an {@code AssumeRole} request's signature is wrong, or {@code null} if it is right
     */
    public FakeStsServer(Clock clock, Function<Request, String> signatureCheck) {
        super(clock);
        this.signatureCheck = signatureCheck;
    }

    /** Where STS requests go: what the providers' {@code endpoint(...)} takes. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The web identity token {@code AssumeRoleWithWebIdentity} accepts from now on. */
    public FakeStsServer webIdentityToken(String token) {
        this.webIdentityToken = token;
        return this;
    }

    /** Every request answers this API error from now on; {@code null} to answer normally again. */
    public FakeStsServer failWith(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
        return this;
    }

    /** The requests of one action. */
    public List<Request> requests(String action) {
        return requests().stream().filter(request -> action.equals(request.header("X-TC-Action"))).toList();
    }

    @Override
    protected Answer answer(Request request) {
        String action = request.header("X-TC-Action");
        int number = arrive();
        if (errorCode != null) {
            return error(errorCode, errorMessage);
        }
        if ("AssumeRole".equals(action)) {
            String problem = signatureCheck.apply(request);
            if (problem != null) {
                return error("AuthFailure.SignatureFailure", "The provided credentials could not be validated: " + problem + ".");
            }
        } else if ("AssumeRoleWithWebIdentity".equals(action)) {
            if (!"SKIP".equals(request.header("Authorization"))) {
                return error("AuthFailure.SignatureFailure", "AssumeRoleWithWebIdentity is called unsigned.");
            }
            if (!webIdentityToken.equals(request.field("WebIdentityToken"))) {
                return error("InvalidParameter.WebIdentityTokenError", "The web identity token is invalid.");
            }
        } else {
            return error("InvalidAction", "The action " + action + " does not exist.");
        }
        Issue issue = issue(number);
        return Answer.json(200, "{\"Response\":{\"Credentials\":{\"Token\":\"" + issue.token() + "\",\"TmpSecretId\":\""
                + issue.secretId() + "\",\"TmpSecretKey\":\"" + issue.secretKey() + "\"},\"ExpiredTime\":"
                + issue.expiration().getEpochSecond() + ",\"Expiration\":\"" + issue.expiration()
                + "\",\"RequestId\":\"sts-" + number + "\"}}");
    }

    private static Answer error(String code, String message) {
        return Answer.json(200, "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message
                + "\"},\"RequestId\":\"sts-error\"}}");
    }
}

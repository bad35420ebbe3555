package dev.tcgen.bench;

import com.google.gson.annotations.Expose;
import com.google.gson.annotations.SerializedName;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.DatatypeConverter;
import com.tencentcloudapi.common.Sign;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.TimeZone;

/**
 * The official Tencent Cloud SDK for Java ({@code tencentcloud-sdk-java-common}), used the way its typed service
 * clients use it: a request model serialised by the SDK's Gson, {@code CommonClient.commonRequest(model, action,
 * responseClass)} (the path every generated {@code XxxClient} method takes), and its TC3-HMAC-SHA256 signing steps.
 */
final class OfficialSdk {

    private OfficialSdk() {}

    /** A {@code CommonClient} for trtc 2019-07-22 that sends plain HTTP to {@code host:port}. */
    static CommonClient client(String secretId, String secretKey, String hostAndPort, String region) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(hostAndPort);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReqMethod(HttpProfile.REQ_POST);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        profile.setSignMethod(ClientProfile.SIGN_TC3_256);
        return new CommonClient("trtc", "2019-07-22", new Credential(secretId, secretKey), region, profile);
    }

    /**
     * The {@code Authorization} header as the SDK computes it for a JSON {@code POST /} (its
     * {@code AbstractClient.doRequestWithTC3}): the same steps with the SDK's own {@code Sign.sha256Hex},
     * {@code Sign.hmac256} and {@code DatatypeConverter}, and its UTC {@code SimpleDateFormat}.
     */
    static String authorization(String secretId, String secretKey, String service, String host, String contentType,
            byte[] payload, long timestampSeconds) throws TencentCloudSDKException {
        String canonicalHeaders = "content-type:" + contentType + "\nhost:" + host + "\n";
        String signedHeaders = "content-type;host";
        String hashedPayload = Sign.sha256Hex(payload);
        String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hashedPayload;
        String timestamp = String.valueOf(timestampSeconds);
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        String date = format.format(new Date(Long.parseLong(timestamp + "000")));
        String credentialScope = date + "/" + service + "/tc3_request";
        String hashedCanonicalRequest = Sign.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + credentialScope + "\n" + hashedCanonicalRequest;
        byte[] secretDate = Sign.hmac256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Sign.hmac256(secretDate, service);
        byte[] secretSigning = Sign.hmac256(secretService, "tc3_request");
        String signature = DatatypeConverter.printHexBinary(Sign.hmac256(secretSigning, stringToSign)).toLowerCase();
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + credentialScope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    /**
     * The request model, as the SDK's generator writes one: fields named exactly like the wire names (the SDK's
     * {@code AbstractModel.toJsonString} looks each {@code @SerializedName} up as a field name), {@code toMap} for the
     * legacy signer.
     */
    public static final class StopPublishCdnStreamRequest extends AbstractModel {

        @SerializedName("SdkAppId")
        @Expose
        private Long SdkAppId;

        @SerializedName("TaskId")
        @Expose
        private String TaskId;

        public Long getSdkAppId() {
            return SdkAppId;
        }

        public void setSdkAppId(Long sdkAppId) {
            this.SdkAppId = sdkAppId;
        }

        public String getTaskId() {
            return TaskId;
        }

        public void setTaskId(String taskId) {
            this.TaskId = taskId;
        }

        @Override
        protected void toMap(HashMap<String, String> map, String prefix) {
            setParamSimple(map, prefix + "SdkAppId", SdkAppId);
            setParamSimple(map, prefix + "TaskId", TaskId);
        }
    }

    /** The response model. */
    public static final class StopPublishCdnStreamResponse extends AbstractModel {

        @SerializedName("TaskId")
        @Expose
        private String TaskId;

        @SerializedName("RequestId")
        @Expose
        private String RequestId;

        public String getTaskId() {
            return TaskId;
        }

        public String getRequestId() {
            return RequestId;
        }

        @Override
        protected void toMap(HashMap<String, String> map, String prefix) {
            setParamSimple(map, prefix + "TaskId", TaskId);
            setParamSimple(map, prefix + "RequestId", RequestId);
        }
    }
}

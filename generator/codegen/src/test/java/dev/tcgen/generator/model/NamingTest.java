package dev.tcgen.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "SdkAppId, sdkAppId",
        "TaskId, taskId",
        "URL, url",
        "URLPath, urlPath",
        "SDKAppID, sdkAppID",
        "Runid, runid",
        "RunId, runId",
        "Foo_Bar, fooBar",
        "Switch, switchValue",
        "Default, defaultValue",
        "Enum, enumValue",
        "Native, nativeValue",
        "For, forValue",
        "Extends, extendsValue",
        "Abstract, abstractValue",
        "Break, breakValue",
        "Public, publicValue",
        "Class, classValue",
        "Record, record",
        "ToString, toStringValue",
        "HashCode, hashCodeValue",
        "Builder, builderValue",
        "_private, privateValue",
    })
    void memberNames(String wireName, String javaName) {
        assertEquals(javaName, Naming.memberName(wireName));
    }

    @Test
    void namesDifferingOnlyInCaseStayApart() {
        assertNotEquals(Naming.memberName("Runid"), Naming.memberName("RunId"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "AuthFailure.UnRealNameAuthenticated, AUTH_FAILURE_UN_REAL_NAME_AUTHENTICATED",
        "FailedOperation.CRUnsupportMethod, FAILED_OPERATION_CR_UNSUPPORT_METHOD",
        "InternalError, INTERNAL_ERROR",
        "ResourceNotFound, RESOURCE_NOT_FOUND",
        "ap-guangzhou, AP_GUANGZHOU",
        "na-siliconvalley, NA_SILICONVALLEY",
        "InvalidParameter.Http2Error, INVALID_PARAMETER_HTTP2_ERROR",
    })
    void constantNames(String name, String constant) {
        assertEquals(constant, Naming.constantName(name));
    }

    @Test
    void methodAndTypeNames() {
        assertEquals("stopPublishCdnStream", Naming.methodName("StopPublishCdnStream"));
        assertEquals("importAction", Naming.methodName("Import"));
        assertEquals("Trtc", Naming.upperCamel("trtc"));
        assertEquals("v20190722", Naming.versionPackage("2019-07-22"));
    }

    @Test
    void wordsSplitAcronymsAndSeparators() {
        assertEquals(List.of("SDK", "App", "Id"), Naming.words("SDKAppId"));
        assertEquals(List.of("ap", "guangzhou"), Naming.words("ap-guangzhou"));
        assertEquals(List.of("Auth", "Failure", "Un", "Real"), Naming.words("AuthFailure.UnReal"));
    }

    @Test
    void secretsAreRecognisedByWireName() {
        assertTrue(Naming.isSensitive("UserSig"));
        assertTrue(Naming.isSensitive("Password"));
        assertTrue(Naming.isSensitive("SecretKey"));
        assertTrue(Naming.isSensitive("PrivateMapKey"));
        assertFalse(Naming.isSensitive("TaskId"));
        assertFalse(Naming.isSensitive("SdkAppId"));
    }
}

package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceClientBuilderTest {

    private static final class CvmRegion extends AbstractRegion {
        CvmRegion(String id) {
            super(id, id);
        }
    }

    /** A builder as generated for a service, building the transport instead of a client. */
    private static final class CvmBuilder extends ServiceClientBuilder<CvmBuilder, CvmRegion> {
        CvmBuilder(boolean regionRequired) {
            this(cvm("https://cvm.{region}.tencentcloudapi.com", regionRequired));
        }

        CvmBuilder(Service service) {
            super(service);
            credentials(Credentials.of("AKIDtest", "secret"));
        }

        ApiTransport build() {
            return buildTransport();
        }
    }

    @Test
    void theTransportIsPresetWithTheServiceAndItsDocumentedLimits() {
        try (ApiTransport transport = new CvmBuilder(false).build()) {
            assertEquals("cvm", transport.service());
            assertEquals("2017-03-12", transport.version());
            assertEquals(URI.create("https://cvm.tencentcloudapi.com/"), transport.endpoint());
            assertEquals(Map.of("DescribeInstances", 40), transport.rateLimits());
        }
    }

    @Test
    void aRequiredRegionIsRequiredNamingTheClient() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CvmBuilder(true).build());

        assertEquals("region is required: call region(...) on the CvmClient builder with a Region constant or "
                + "Region.of(\"ap-guangzhou\")", e.getMessage());
    }

    @Test
    void theRegionalEndpointIsTheRegionsAndALaterEndpointReplacesIt() {
        CvmBuilder builder = new CvmBuilder(false).regionalEndpoint();
        assertThrows(IllegalStateException.class, builder::build, "a regional endpoint needs a region");

        CvmRegion jakarta = new CvmRegion("ap-jakarta");
        assertSame(builder, builder.region(jakarta));
        assertSame(jakarta, builder.configuredRegion());
        try (ApiTransport transport = builder.build()) {
            assertEquals(URI.create("https://cvm.ap-jakarta.tencentcloudapi.com/"), transport.endpoint());
        }
        try (ApiTransport transport = builder.internationalEndpoint().build()) {
            assertEquals(URI.create("https://cvm.intl.tencentcloudapi.com/"), transport.endpoint());
        }
    }

    @Test
    void aServiceWithoutRequiredRegionsBuildsWithoutOne() {
        CvmBuilder builder = new CvmBuilder(false);
        try (ApiTransport transport = builder.build()) {
            assertNull(builder.configuredRegion());
            assertEquals(URI.create("https://cvm.tencentcloudapi.com/"), transport.endpoint());
        }
    }

    @Test
    void aRateLimitIsOnlyForAnActionOfTheClient() {
        CvmBuilder builder = new CvmBuilder(false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.rateLimit("DescribeInstance", 5));
        assertEquals("CvmClient has no action DescribeInstance", e.getMessage());
        try (ApiTransport transport = builder.rateLimit("RunInstances", 5).build()) {
            assertEquals(Map.of("DescribeInstances", 40, "RunInstances", 5), transport.rateLimits());
        }
    }

    @Test
    void everyOptionOfTheTransportCanBeSetOnAClientsBuilder() {
        Set<String> preset = Set.of("service", "version", "actionRegions", "build");
        Set<String> publicWhereTheyApply = Set.of("checkRegions");
        List<String> missing = new ArrayList<>();
        for (Method option : ApiTransport.Builder.class.getMethods()) {
            if (option.getDeclaringClass() != ApiTransport.Builder.class || preset.contains(option.getName())) {
                continue;
            }
            try {
                int modifiers = ServiceClientBuilder.class.getDeclaredMethod(option.getName(),
                        option.getParameterTypes()).getModifiers();
                if (!Modifier.isPublic(modifiers)
                        && !(Modifier.isProtected(modifiers) && publicWhereTheyApply.contains(option.getName()))) {
                    missing.add(option.getName() + Arrays.toString(option.getParameterTypes()) + " is not public");
                }
            } catch (NoSuchMethodException e) {
                missing.add(option.getName() + Arrays.toString(option.getParameterTypes()));
            }
        }
        assertEquals(List.of(), missing, "transport options a client's builder does not have");
    }

    @Test
    void theServicesDocumentedRegionsAreCheckedUnlessTheBuilderTurnsTheCheckOff() {
        CvmBuilder builder = new CvmBuilder(false).region(new CvmRegion("ap-jakarta"));
        try (ApiTransport transport = builder.build()) {
            TencentCloudException e = assertThrows(TencentCloudException.class,
                    () -> ActionRegionsTest.call(transport, "RunInstances", "ap-jakarta", false));
            assertEquals("RunInstances supports ap-guangzhou, ap-beijing; this client is configured for ap-jakarta "
                    + "(nothing was sent)", e.errorMessage());
        }
        try (ApiTransport transport = builder.checkRegions(false).build()) {
            assertNull(transport.unsupportedRegion("RunInstances", "ap-jakarta", TencentCloudException::new));
        }
    }

    @Test
    void aRegionalEndpointWithoutItsPlaceholderIsRefused() {
        ServiceClientBuilder.Service service = cvm("https://cvm.tencentcloudapi.com", false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CvmBuilder(service));

        assertEquals("the regional endpoint of CvmClient must contain {region}: https://cvm.tencentcloudapi.com",
                e.getMessage());
    }

    private static ServiceClientBuilder.Service cvm(String regionalEndpoint, boolean regionRequired) {
        return new ServiceClientBuilder.Service("CvmClient", "cvm", "2017-03-12",
                URI.create("https://cvm.tencentcloudapi.com"), URI.create("https://cvm.intl.tencentcloudapi.com"),
                regionalEndpoint, Set.of("DescribeInstances", "RunInstances"), Map.of("DescribeInstances", 40),
                Map.of("RunInstances", List.of("ap-guangzhou", "ap-beijing")), regionRequired);
    }
}

package dev.tcgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbstractRegionTest {

    /** Two services' region classes, as generated. */
    private static final class CvmRegion extends AbstractRegion {
        CvmRegion(String id) {
            super(id, id);
        }
    }

    private static final class TrtcRegion extends AbstractRegion {
        TrtcRegion(String id) {
            super(id, "Name of " + id);
        }
    }

    @Test
    void regionsOfOneClassAreEqualByIdAndShowTheirId() {
        CvmRegion jakarta = new CvmRegion("ap-jakarta");

        assertEquals(new CvmRegion("ap-jakarta"), jakarta);
        assertEquals(new CvmRegion("ap-jakarta").hashCode(), jakarta.hashCode());
        assertNotEquals(new CvmRegion("ap-bangkok"), jakarta);
        assertNotEquals(new TrtcRegion("ap-jakarta"), jakarta, "another service's region is another type");
        assertNotEquals(null, jakarta);
        assertEquals("ap-jakarta", jakarta.toString());
        assertEquals("ap-jakarta", jakarta.id());
        assertEquals("Name of ap-jakarta", new TrtcRegion("ap-jakarta").displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ap-guangzhou", "na-siliconvalley", "ap-shenzhen-fsi", "eu-frankfurt", "ap-guangzhou2"})
    void regionIdsOfTencentsFormAreAccepted(String id) {
        assertEquals(id, new CvmRegion(id).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "guangzhou", "AP-GUANGZHOU", "ap_guangzhou", "ap-", "-ap", "ap--x", "ap guangzhou",
        "ap-guangzhou\n"})
    void anythingElseIsRefusedWithTheFormItShouldHave(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CvmRegion(id));
        assertEquals("not a region id: \"" + id + "\"; expected lower-case words and digits joined by hyphens, "
                + "e.g. ap-guangzhou", e.getMessage());
    }

    @Test
    void anIdIsRequired() {
        assertThrows(NullPointerException.class, () -> new CvmRegion(null));
    }
}

package dev.tcgen.generator.spec;

import java.util.List;

/**
 * One service version as its spec file describes it: names as written, nothing resolved yet.
 *
 * @param file the file the spec was read from, as the user named it
 * @param service the service name, e.g. {@code trtc}
 * @param version the API version, e.g. {@code 2019-07-22}
 * @param title a human-readable name, possibly empty
 * @param endpoints the China and international host names
 * @param regions the service's regions
 * @param actions the actions
 * @param structures the shared structures
 * @param errorCodes the error codes, the service's own and the common ones
 */
public record ServiceSpec(
        String file,
        String service,
        String version,
        String title,
        Endpoints endpoints,
        List<RegionSpec> regions,
        List<ActionSpec> actions,
        List<StructureSpec> structures,
        List<ErrorCodeSpec> errorCodes) {

    public ServiceSpec {
        regions = List.copyOf(regions);
        actions = List.copyOf(actions);
        structures = List.copyOf(structures);
        errorCodes = List.copyOf(errorCodes);
    }

    /**
     * The host names of the service.
     *
     * @param china the China site host, e.g. {@code trtc.tencentcloudapi.com}
     * @param international the international site host, e.g. {@code trtc.intl.tencentcloudapi.com}
     */
    public record Endpoints(String china, String international) {}
}

package dev.tcgen.generator.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A service version, resolved and named: everything an emitter needs, and nothing it has to decide.
 *
 * @param service the service name used in signing and endpoints, e.g. {@code trtc}
 * @param version the API version, e.g. {@code 2019-07-22}
 * @param title a human-readable name of the service, possibly empty
 * @param packageName the package of the service's classes, e.g. {@code dev.tcgen.client.trtc.v20190722}
 * @param runtimePackage the package of the runtime that service code imports, e.g. {@code dev.tcgen.client.core}
 * @param client the client interface, e.g. {@code TrtcClient}
 * @param clientImplementation the client's package-private implementation, e.g. {@code DefaultTrtcClient}
 * @param fakeClient the in-memory fake of the client for tests, e.g. {@code FakeTrtcClient}
 * @param exception the service exception class, e.g. {@code TrtcException}
 * @param errorCodeEnum the error code enum, e.g. {@code TrtcErrorCode}
 * @param regionClass the region class, {@code Region}
 * @param chinaEndpoint host name of the China site endpoint
 * @param internationalEndpoint host name of the international site endpoint
 * @param regions the service's regions, in spec order
 * @param actions the actions, sorted by wire name
 * @param structures the shared structures, sorted by wire name
 * @param errorCodes every error code, sorted by code
 */
public record ServiceModel(
        String service,
        String version,
        String title,
        String packageName,
        String runtimePackage,
        ClassName client,
        ClassName clientImplementation,
        ClassName fakeClient,
        ClassName exception,
        ClassName errorCodeEnum,
        ClassName regionClass,
        String chinaEndpoint,
        String internationalEndpoint,
        List<RegionModel> regions,
        List<ActionModel> actions,
        List<StructureModel> structures,
        List<ErrorCodeModel> errorCodes) {

    public ServiceModel {
        regions = List.copyOf(regions);
        actions = List.copyOf(actions);
        structures = List.copyOf(structures);
        errorCodes = List.copyOf(errorCodes);
    }

    /** Whether some action lists the regions it supports, so that the client checks a call's region. */
    public boolean checksActionRegions() {
        return actions.stream().anyMatch(action -> !action.supportedRegions().isEmpty());
    }
}

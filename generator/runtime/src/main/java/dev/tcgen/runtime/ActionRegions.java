package dev.tcgen.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The regions each action supports, for the actions whose documentation lists them, and the check of a call's
 * region against them: a call of such an action in another region fails with
 * {@code TencentCloudException.CLIENT_UNSUPPORTED_REGION} before anything is sent. A call without a region, and a
 * call of an action that lists none, are not checked. Immutable.
 */
final class ActionRegions {

    /** Checks nothing: no action lists regions, or the check is off. */
    static final ActionRegions NONE = new ActionRegions(Map.of());

    private final Map<String, List<String>> supported;

    private ActionRegions(Map<String, List<String>> supported) {
        this.supported = supported;
    }

    /**
     * The check of {@code supported}.
     *
     * @param supported the region ids of each action that lists them, in the documentation's order
     * @throws IllegalArgumentException if an action is blank or lists no region, or a region is blank
     */
    static ActionRegions of(Map<String, ? extends Collection<String>> supported) {
        Map<String, List<String>> copy = new TreeMap<>();
        supported.forEach((action, regions) -> {
            if (action == null || action.isBlank()) {
                throw new IllegalArgumentException("an action of the supported regions is blank: " + supported.keySet());
            }
            if (regions == null || regions.isEmpty() || regions.stream().anyMatch(id -> id == null || id.isBlank())) {
                throw new IllegalArgumentException("the supported regions of " + action
                        + " must be region ids, at least one, not " + regions);
            }
            copy.put(action, List.copyOf(regions));
        });
        return copy.isEmpty() ? NONE : new ActionRegions(Map.copyOf(copy));
    }

    /**
     * The failure of calling {@code action} in {@code region}, or {@code null} if it may be sent.
     *
     * @param action the action
     * @param region the call's region id, or {@code null} for none
     * @param exceptions makes the service's exception
     * @return the service's {@code CLIENT_UNSUPPORTED_REGION} exception, or {@code null}
     */
    TencentCloudException unsupported(String action, String region,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        List<String> regions = supported.get(action);
        if (region == null || regions == null || regions.contains(region)) {
            return null;
        }
        return Objects.requireNonNull(exceptions, "exceptions").create(TencentCloudException.CLIENT_UNSUPPORTED_REGION,
                action + " supports " + String.join(", ", regions) + "; this client is configured for " + region
                + " (nothing was sent)", null, 0, null);
    }
}

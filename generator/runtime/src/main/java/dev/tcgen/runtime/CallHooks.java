package dev.tcgen.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transport's {@link Interceptor}s and {@link MetricsListener}s, in the order they run, and how a
 * failure of one that cannot change the call is reported: logged, at WARNING the first time for
 * each interceptor or listener (it is a bug to fix, which the caller cannot see), at DEBUG after
 * that. Immutable; the record of which ones have failed is shared by the transports made with
 * {@link ApiTransport#with}, so each is warned about once.
 */
final class CallHooks {
    private final List<Interceptor> interceptors;

    private final List<MetricsListener> listeners;

    private final System.Logger logger;

    private final Set<Object> warned;

    private CallHooks(List<Interceptor> interceptors, List<MetricsListener> listeners, System.Logger logger,
            Set<Object> warned) {
        this.interceptors = List.copyOf(interceptors);
        this.listeners = List.copyOf(listeners);
        this.logger = logger;
        this.warned = warned;
    }

    /** The hooks of a transport. */
    static CallHooks of(List<Interceptor> interceptors, List<MetricsListener> listeners, System.Logger logger) {
        return new CallHooks(interceptors, listeners, logger, ConcurrentHashMap.newKeySet());
    }

    /** These hooks, then {@code moreInterceptors} and {@code moreListeners}. */
    CallHooks with(List<Interceptor> moreInterceptors, List<MetricsListener> moreListeners) {
        if (moreInterceptors.isEmpty() && moreListeners.isEmpty()) {
            return this;
        }
        List<Interceptor> allInterceptors = new ArrayList<>(interceptors);
        allInterceptors.addAll(moreInterceptors);
        List<MetricsListener> allListeners = new ArrayList<>(listeners);
        allListeners.addAll(moreListeners);
        return new CallHooks(allInterceptors, allListeners, logger, warned);
    }

    /**
     * What one call reports to these hooks; a call of a transport without hooks reports nothing and
     * costs nothing.
     */
    CallObserver observe(String service, String action, String region, long started) {
        return interceptors.isEmpty() && listeners.isEmpty() ? CallObserver.NONE
                : new CallObserver(this, service, action, region, started);
    }

    List<Interceptor> interceptors() {
        return interceptors;
    }

    List<MetricsListener> listeners() {
        return listeners;
    }

    /**
     * An interceptor's after hook or a listener threw: logged, and ignored.
     *
     * @param hook the interceptor or listener
     * @param what what it was doing, e.g. {@code afterResponse of StopPublishCdnStream ap-guangzhou attempt 1}
     */
    void failed(Object hook, String what, RuntimeException failure) {
        System.Logger.Level level = warned.add(hook) ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        logger.log(level, () -> hook.getClass().getName() + " threw in " + what + "; ignored"
                + (level == System.Logger.Level.WARNING ? " (later failures of it are logged at DEBUG)" : ""), failure);
    }

    /**
     * The interceptors and listeners, by class; never what they hold.
     *
     * @return e.g. {@code CallHooks[interceptors=[com.example.Tracing], listeners=[]]}
     */
    @Override
    public String toString() {
        return "CallHooks[interceptors=" + interceptors.stream().map(hook -> hook.getClass().getName()).toList()
                + ", listeners=" + listeners.stream().map(hook -> hook.getClass().getName()).toList() + ']';
    }
}

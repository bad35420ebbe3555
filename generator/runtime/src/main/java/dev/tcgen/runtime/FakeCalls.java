package dev.tcgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a generated in-memory fake client shares: the calls it was given, the answer of each action, a test's
 * stub or the documented example, and the real client's check of a call's region against the regions its action's
 * documentation lists. Thread-safe; one per fake, shared with its {@code withRegion} copies.
 */
public final class FakeCalls {

    /**
     * One call a fake answered.
     *
     * @param action the action, e.g. {@code DescribeRoomInfo}
     * @param region the region of the call, or {@code null} for none
     * @param request the request object
     */
    public record Call(String action, String region, Object request) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Object, ?>> stubs = new ConcurrentHashMap<>();
    private final ActionRegions regions;
    private final ServiceExceptionFactory<? extends TencentCloudException> exceptions;

    /** The calls of a fake whose service's actions list no regions: no call is refused. */
    public FakeCalls() {
        this.regions = ActionRegions.NONE;
        this.exceptions = null;
    }

    /**
     * The calls of a fake that refuses a call in a region its action's documentation does not list, as the real
     * client does: with the service's {@code ClientError.UnsupportedRegion} exception, and without recording it.
     *
     * @param supportedRegions the region ids of each action that lists them, e.g. the client's
     *     {@code SUPPORTED_REGIONS}
     * @param exceptions makes the service's exception, e.g. {@code TrtcException::new}
     */
    public FakeCalls(Map<String, ? extends List<String>> supportedRegions,
            ServiceExceptionFactory<? extends TencentCloudException> exceptions) {
        this.regions = ActionRegions.of(Objects.requireNonNull(supportedRegions, "supportedRegions"));
        this.exceptions = Objects.requireNonNull(exceptions, "exceptions");
    }

    /**
     * Answers {@code action} with {@code answer} from now on, instead of its example.
     *
     * @param action the action
     * @param answer the response of a request; it may throw, e.g. the service exception
     * @param <Q> the request
     */
    @SuppressWarnings("unchecked")
    public <Q> void stub(String action, Function<? super Q, ?> answer) {
        Objects.requireNonNull(answer, "answer");
        stubs.put(action, request -> answer.apply((Q) request));
    }

    /**
     * Fails {@code action} with {@code failure} from now on.
     *
     * @param action the action
     * @param failure what each call throws (an asynchronous call completes with it)
     */
    public void fail(String action, RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        stubs.put(action, request -> {
            throw failure;
        });
    }

    /**
     * Records a call and answers it: with the action's stub, else with {@code documented}; or refuses it, unrecorded,
     * if the action's documentation lists regions and not the call's.
     *
     * @param action the action
     * @param region the call's region, or {@code null}
     * @param request the request
     * @param type the response class
     * @param documented the answer without a stub
     * @param <R> the response
     * @return the response
     * @throws TencentCloudException the service's {@code ClientError.UnsupportedRegion}, if the call is refused
     */
    public <R> R answer(String action, String region, Object request, Class<R> type, Supplier<R> documented) {
        TencentCloudException unsupported = regions.unsupported(action, region, exceptions);
        if (unsupported != null) {
            throw unsupported;
        }
        calls.add(new Call(action, region, request));
        Function<Object, ?> stub = stubs.get(action);
        return stub == null ? documented.get() : type.cast(stub.apply(request));
    }

    /**
     * {@code answer} as an already completed future: completed with its response, or exceptionally with its
     * failure, as the real client's asynchronous method would.
     *
     * @param answer the blocking answer
     * @param <R> the response
     * @return the future
     */
    public static <R> CompletableFuture<R> async(Supplier<R> answer) {
        try {
            return CompletableFuture.completedFuture(answer.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Reads a documented example answer, {@code {"Response": {...}}}, with its response class's codec: a value that
     * does not fit its member's type is left out and listed in the response's {@code problems()}, as in a real answer.
     *
     * @param action the action, for the message of an example that is not an answer
     * @param reader reads the response object, e.g. {@code DescribeRoomInfoResponse::readJson}
     * @param json the example answer
     * @param <R> the response
     * @return the response
     * @throws IllegalStateException if the example is not JSON with a {@code Response} object; stub the action instead
     */
    public static <R> R example(String action, JsonReader.ObjectReader<R> reader, String json) {
        try (JsonParser parser = Json.parser(json.getBytes(StandardCharsets.UTF_8))) {
            return new JsonReader(parser).readEnvelope(reader).orElseThrow(() -> new IllegalStateException(
                    "the documented example answer of " + action + " has no Response object; stub " + action
                    + " instead"));
        } catch (IOException e) {
            throw new IllegalStateException("the documented example answer of " + action + " is not JSON ("
                    + e.getMessage() + "); stub " + action + " instead", e);
        }
    }

    /**
     * The calls answered so far, in order.
     *
     * @return an immutable copy
     */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * The requests of one action answered so far, in order.
     *
     * @param type the action's request class
     * @param <Q> the request
     * @return an immutable list
     */
    public <Q> List<Q> requests(Class<Q> type) {
        return calls.stream().map(Call::request).filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets the calls and the stubs: every action answers with its example again. */
    public void reset() {
        calls.clear();
        stubs.clear();
    }
}

package dev.tcgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.tcgen.generator.testing.GeneratedCode;
import dev.tcgen.generator.testing.InMemoryClassLoader;
import dev.tcgen.generator.testing.Reflection;
import dev.tcgen.generator.testing.SpecFixtures;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paging fixture ({@code specs/paging.json}: one action of each shape, stated by the spec or recognised by the
 * rules, one the spec says does not page and one the rules find ambiguous), generated, compiled, and each paginator
 * run through the generated fake to the end of a listing.
 */
class PagingFixtureTest {

    private static final String PAGES = "dev.tcgen.client.pages.v20210601.";

    private static Compilation compilation;
    private static ClassLoader loader;

    private Object fake;

    @BeforeAll
    static void generateAndCompile() throws Exception {
        List<GeneratedSource> sources = SpecFixtures.generate(Generator.Options.of("dev.tcgen.client"),
                List.of(SpecFixtures.spec("paging.json")));
        compilation = GeneratedCode.javac().compile(SpecFixtures.javaFileObjects(sources));
        assertThat(compilation).succeededWithoutWarnings();
        loader = InMemoryClassLoader.of(compilation);
    }

    @BeforeEach
    void newFake() throws Exception {
        Object region = Reflection.constant(type("Region"), "AP_GUANGZHOU");
        fake = type("FakePagesClient").getConstructor(type("Region")).newInstance(region);
    }

    private static Class<?> type(String simpleName) throws ClassNotFoundException {
        return loader.loadClass(PAGES + simpleName);
    }

    /** {@code Type.builder().a(x).b(y).build()}: the arguments are setter names and values, in turns. */
    private static Object build(String simpleName, Object... settersAndValues) throws Exception {
        Object builder = Reflection.call(type(simpleName), "builder");
        for (int i = 0; i < settersAndValues.length; i += 2) {
            Reflection.call(builder, (String) settersAndValues[i], settersAndValues[i + 1]);
        }
        return Reflection.call(builder, "build");
    }

    /** An answer computed from a request, with the reflective calls that may throw. */
    @FunctionalInterface
    private interface Answer {
        Object to(Object request) throws Exception;
    }

    /** Stubs an action of the fake with an answer computed from each request. */
    private void stub(String action, Answer answer) throws Exception {
        Function<Object, Object> function = request -> {
            try {
                return answer.to(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        fake.getClass().getMethod("stub" + action, Function.class).invoke(fake, function);
    }

    /** Every item of the listing, page by page, through the action's paginator. */
    private List<Object> items(String method, Object firstRequest) {
        List<Object> items = new ArrayList<>();
        ((Iterable<?>) Reflection.call(Reflection.call(fake, method + "Paginator", firstRequest), "items"))
                .forEach(items::add);
        return items;
    }

    /** The values of one member of the requests the fake received for an action. */
    private List<Object> asked(String action, String member) throws Exception {
        List<Object> values = new ArrayList<>();
        for (Object request : (List<?>) Reflection.call(fake, "requests", type(action + "Request"))) {
            values.add(Reflection.call(request, member));
        }
        return values;
    }

    private static List<String> strings(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void exactlyThePagedActionsHaveAPaginator() throws Exception {
        List<String> paginators = Arrays.stream(type("PagesClient").getMethods()).map(Method::getName)
                .filter(name -> name.endsWith("Paginator")).sorted().toList();

        assertEquals(List.of("describeCallsPaginator", "describeInstancesPaginator", "describeRoomsPaginator",
                "describeUsersPaginator", "listEventsPaginator", "listLogsPaginator"), paginators,
                "DescribeTop says \"paging\": false; DescribeJobs answers two lists and states nothing");
    }

    @Test
    void offsetAndLimitWithATotalReadToTheTotal() throws Exception {
        stub("DescribeInstances", request -> {
            int offset = ((Long) Reflection.call(request, "offset")).intValue();
            List<Object> page = new ArrayList<>();
            for (int i = offset; i < Math.min(5, offset + 2); i++) {
                page.add(build("Instance", "instanceId", "ins-" + i));
            }
            return build("DescribeInstancesResponse", "totalCount", 5L, "instanceSet", page);
        });

        List<Object> instances = items("describeInstances", build("DescribeInstancesRequest", "offset", 0L,
                "limit", 2L));

        assertEquals(strings("ins-", 0, 5), instances.stream().map(i -> Reflection.call(i, "instanceId")).toList());
        assertEquals(List.of(0L, 2L, 4L), asked("DescribeInstances", "offset"));
    }

    @Test
    void pageNumbersFromZeroAsTheSpecStates() throws Exception {
        stub("DescribeRooms", request -> {
            int page = ((Long) Reflection.call(request, "pageNumber")).intValue();
            List<Object> rooms = new ArrayList<>();
            for (int i = page * 2; i < Math.min(5, page * 2 + 2); i++) {
                rooms.add(build("Room", "roomId", "room-" + i));
            }
            return build("DescribeRoomsResponse", "total", 5L, "roomList", rooms);
        });

        List<Object> rooms = items("describeRooms", build("DescribeRoomsRequest", "sdkAppId", 1400188366L,
                "pageNumber", 0L, "pageSize", 2L));

        assertEquals(strings("room-", 0, 5), rooms.stream().map(r -> Reflection.call(r, "roomId")).toList());
        assertEquals(List.of(0L, 1L, 2L), asked("DescribeRooms", "pageNumber"));
    }

    @Test
    void pageNumbersWithoutATotalStopAtAShortPage() throws Exception {
        stub("DescribeUsers", request -> {
            int from = (((Long) Reflection.call(request, "pageNo")).intValue() - 1) * 3;
            return build("DescribeUsersResponse", "userList", strings("user-", from, Math.min(7, from + 3)));
        });

        assertEquals(strings("user-", 0, 7), items("describeUsers", build("DescribeUsersRequest", "pageNo", 1L,
                "pageSize", 3L)));
        assertEquals(List.of(1L, 2L, 3L), asked("DescribeUsers", "pageNo"));
    }

    @Test
    void aContinuationTokenOfTheSpecsOwnNamesIsFollowedToTheLastPage() throws Exception {
        stub("ListEvents", request -> {
            Object marker = Reflection.call(request, "marker");
            int from = marker == null ? 0 : Integer.parseInt((String) marker);
            return from < 4
                    ? build("ListEventsResponse", "events", strings("event-", from, from + 2), "nextMarker",
                            String.valueOf(from + 2))
                    : build("ListEventsResponse", "events", strings("event-", from, from + 1));
        });

        assertEquals(strings("event-", 0, 5), items("listEvents", build("ListEventsRequest")));
        assertEquals(Arrays.asList(null, "2", "4"), asked("ListEvents", "marker"));
    }

    @Test
    void anOffsetWithoutALimitStopsAtAnEmptyPage() throws Exception {
        stub("DescribeCalls", request -> {
            Object offset = Reflection.call(request, "offset");
            int from = offset == null ? 0 : ((Long) offset).intValue();
            return build("DescribeCallsResponse", "users", strings("user-", from, Math.min(5, from + 3)),
                    "data", List.of("data-" + from));
        });

        assertEquals(strings("user-", 0, 5), items("describeCalls", build("DescribeCallsRequest")));
        assertEquals(Arrays.asList(null, 3L, 5L), asked("DescribeCalls", "offset"));
    }
}

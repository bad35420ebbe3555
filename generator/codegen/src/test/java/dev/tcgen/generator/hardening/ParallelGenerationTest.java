package dev.tcgen.generator.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import dev.tcgen.generator.GeneratedSource;
import dev.tcgen.generator.Generator;
import dev.tcgen.generator.testing.SpecFixtures;
import dev.tcgen.generator.testing.TestSpecs;
import dev.tcgen.generator.write.SourceWriter;
import dev.tcgen.runtime.ApiTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generations running at the same time, as two plugin executions of a parallel build ({@code mvn -T 2}) or an IDE
 * would run them: each output directory gets exactly what a generation alone would write, and threads that start
 * generating together in a fresh class loader (JavaPoet not yet initialised) never deadlock.
 */
class ParallelGenerationTest {

    private static final String BASE = "dev.tcgen.client";

    @TempDir
    Path directory;

    @Test
    void twoGenerationsWritingToTwoDirectoriesAtOnceDoNotInterfere() throws Exception {
        List<Path> trtc = List.of(TestSpecs.trtc(directory));
        List<Path> kitchen = List.of(SpecFixtures.spec("kitchen-sink.json"), SpecFixtures.spec("no-regions.json"));
        Map<String, String> trtcAlone = generate(trtc);
        Map<String, String> kitchenAlone = generate(kitchen);
        Path a = directory.resolve("module-a/target/generated-sources/tcgen");
        Path b = directory.resolve("module-b/target/generated-sources/tcgen");

        for (int round = 0; round < 4; round++) {
            List<Path> specsOfA = round % 2 == 0 ? trtc : kitchen;
            List<Path> specsOfB = round % 2 == 0 ? kitchen : trtc;
            runTogether(List.of(
                    () -> SourceWriter.write(a, SpecFixtures.generate(Generator.Options.of(BASE), specsOfA)),
                    () -> SourceWriter.write(b, SpecFixtures.generate(Generator.Options.of(BASE), specsOfB))));

            assertEquals(round % 2 == 0 ? trtcAlone : kitchenAlone, files(a), "round " + round + ", directory a");
            assertEquals(round % 2 == 0 ? kitchenAlone : trtcAlone, files(b), "round " + round + ", directory b");
            assertTrue(SourceWriter.isComplete(a, SourceWriter.MANIFEST) && SourceWriter.isComplete(b,
                    SourceWriter.MANIFEST));
        }
    }

    @Test
    void threadsThatStartGeneratingTogetherInAFreshClassLoaderNeverDeadlock() throws Exception {
        byte[] kitchen = Files.readAllBytes(SpecFixtures.spec("kitchen-sink.json"));
        byte[] regionless = Files.readAllBytes(SpecFixtures.spec("no-regions.json"));
        for (int round = 0; round < 5; round++) {
            try (URLClassLoader fresh = freshLoader()) {
                Class<?> generatorClass = Class.forName(Generator.class.getName(), false, fresh);
                assertTrue(generatorClass != Generator.class, "the generator must come from the fresh loader");
                List<Callable<Object>> tasks = new ArrayList<>();
                tasks.add(() -> generateIn(fresh, "kitchen-2024-05-06.json", kitchen, true));
                tasks.add(() -> generateIn(fresh, "regionless-2021-01-01.json", regionless, false));
                tasks.add(() -> generateIn(fresh, "kitchen-2024-05-06.json", kitchen, false));
                tasks.add(() -> call(null, Class.forName("dev.tcgen.generator.model.Naming", true, fresh)
                        .getMethod("memberName", String.class), "SdkAppId"));
                runTogether(tasks);
            }
        }
    }

    /** A loader of the generator, JavaPoet and Jackson of its own: none of their classes is initialised yet. */
    private static URLClassLoader freshLoader() {
        URL[] urls = Stream.of(Generator.class, ApiTransport.class, ClassName.class, ObjectMapper.class,
                        JsonParser.class, JsonInclude.class)
                .map(ParallelGenerationTest::location)
                .distinct()
                .toArray(URL[]::new);
        return new URLClassLoader("fresh", urls, ClassLoader.getPlatformClassLoader());
    }

    /** Reflectively, in the fresh loader: {@code Generator.generate(GenerationRequest.of(options, [source])).sources()}. */
    private static Object generateIn(ClassLoader loader, String name, byte[] spec, boolean core) throws Exception {
        Class<?> options = Class.forName("dev.tcgen.generator.Generator$Options", true, loader);
        Class<?> generator = Class.forName("dev.tcgen.generator.Generator", true, loader);
        Class<?> source = Class.forName("dev.tcgen.generator.spec.SpecSource", true, loader);
        Class<?> mode = Class.forName("dev.tcgen.generator.RuntimeMode", true, loader);
        Object runtime = mode.getMethod("valueOf", String.class).invoke(null, core ? "EMBEDDED" : "DEPENDENCY");
        Object opts = options.getConstructor(String.class, mode).newInstance(BASE, runtime);
        Class<?> request = Class.forName("dev.tcgen.generator.GenerationRequest", true, loader);
        Object src = source.getConstructor(String.class, byte[].class).newInstance(name, spec);
        Object req = call(null, request.getMethod("of", options, List.class), opts, List.of(src));
        Object result = call(null, generator.getMethod("generate", request), req);
        List<?> sources = (List<?>) call(result, result.getClass().getMethod("sources"));
        assertTrue(sources.size() > 3, name);
        return sources.size();
    }

    private static Object call(Object target, Method method, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** Starts every task at the same moment and waits for all; a task still running after a minute is a deadlock. */
    private static void runTogether(List<? extends Callable<?>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<AtomicReference<Throwable>> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Callable<?> task = tasks.get(i);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            failures.add(failure);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    task.call();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "generation-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
        if (!stuck.isEmpty()) {
            fail("deadlocked threads:\n" + stuck.stream()
                    .map(t -> t.getName() + "\n    " + Arrays.stream(t.getStackTrace()).limit(15)
                            .map(Object::toString).collect(Collectors.joining("\n    ")))
                    .collect(Collectors.joining("\n")));
        }
        for (AtomicReference<Throwable> failure : failures) {
            if (failure.get() != null) {
                throw new AssertionError("a generation failed", failure.get());
            }
        }
    }

    private static Map<String, String> generate(List<Path> specs) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (GeneratedSource source : SpecFixtures.generate(Generator.Options.of(BASE), specs)) {
            files.put(source.relativePath(), source.content());
        }
        return files;
    }

    private static Map<String, String> files(Path out) throws IOException {
        try (Stream<Path> all = Files.walk(out)) {
            Map<String, String> files = new TreeMap<>();
            all.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    files.put(out.relativize(p).toString().replace('\\', '/'), Files.readString(p,
                            StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return files;
        }
    }

    private static URL location(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.tcgen.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The run-time footprint: the jars an application ships to call TRTC with the generated client (its jar and the
 * run-time dependencies its POM declares, transitively) against the official SDK's
 * ({@code tencentcloud-sdk-java-common} and its run-time dependencies). Dependencies are followed through the POMs
 * that sit beside the jars of the class path, in Maven's local repository, so the list is Maven's own resolution.
 *
 * <pre>{@code
 * java -cp <bench class path> dev.tcgen.bench.Footprint client.jar generated-client/pom.xml \
 *     com.tencentcloudapi:tencentcloud-sdk-java-common
 * }</pre>
 */
public final class Footprint {

    private Footprint() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Footprint CLIENT.jar CLIENT-POM.xml GROUP:ARTIFACT");
            System.exit(2);
        }
        Path clientJar = Path.of(args[0]);
        Map<String, Path> classPath = classPathByCoordinates();
        List<Path> ours = new ArrayList<>();
        ours.add(clientJar);
        ours.addAll(closure(dependencies(Path.of(args[1])), classPath));
        String official = args[2];
        if (!classPath.containsKey(official)) {
            throw new IllegalStateException(official + " is not on the class path");
        }
        List<Path> theirs = new ArrayList<>();
        theirs.add(classPath.get(official));
        theirs.addAll(closure(dependencies(pomOf(classPath.get(official))), classPath));
        long ourBytes = print("tcgen TRTC client", ours);
        long theirBytes = print("official SDK (" + official + ")", theirs);
        System.out.printf(Locale.ROOT, "%nfootprint: tcgen %d jars, %.2f MB; official %d jars, %.2f MB; ratio %.2f%n",
                ours.size(), ourBytes / 1e6, theirs.size(), theirBytes / 1e6, (double) ourBytes / theirBytes);
    }

    private static long print(String title, List<Path> jars) throws IOException {
        System.out.println();
        System.out.println(title + ":");
        long total = 0;
        for (Path jar : jars) {
            long size = Files.size(jar);
            total += size;
            System.out.printf(Locale.ROOT, "  %10d  %s%n", size, jar.getFileName());
        }
        System.out.printf(Locale.ROOT, "  %10d  total, %d jars%n", total, jars.size());
        return total;
    }

    /** The jars reached from these {@code group:artifact} coordinates, in the order first reached. */
    private static List<Path> closure(List<String> roots, Map<String, Path> classPath) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String coordinates = pending.removeFirst();
            Path jar = classPath.get(coordinates);
            if (jar == null || !seen.add(coordinates)) {
                continue;
            }
            pending.addAll(dependencies(pomOf(jar)));
        }
        List<Path> jars = new ArrayList<>();
        seen.forEach(coordinates -> jars.add(classPath.get(coordinates)));
        return jars;
    }

    /** {@code group:artifact} of each jar of the class path that has a POM beside it. */
    private static Map<String, Path> classPathByCoordinates() throws Exception {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path pom = pomOf(jar);
            if (entry.endsWith(".jar") && Files.isRegularFile(pom)) {
                Element project = parse(pom);
                jars.putIfAbsent(groupId(project) + ":" + text(project, "artifactId"), jar);
            }
        }
        return jars;
    }

    private static Path pomOf(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".pom");
    }

    /** The run-time dependencies a POM declares: compile and runtime scope, not optional. */
    private static List<String> dependencies(Path pom) throws Exception {
        if (!Files.isRegularFile(pom)) {
            return List.of();
        }
        Element project = parse(pom);
        List<String> dependencies = new ArrayList<>();
        Element list = child(project, "dependencies");
        if (list == null) {
            return dependencies;
        }
        for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element dependency && dependency.getTagName().equals("dependency")) {
                String scope = text(dependency, "scope");
                if ((scope.isEmpty() || scope.equals("compile") || scope.equals("runtime"))
                        && !text(dependency, "optional").equals("true")) {
                    String group = text(dependency, "groupId").replace("${project.groupId}", groupId(project));
                    dependencies.add(group + ":" + text(dependency, "artifactId"));
                }
            }
        }
        return dependencies;
    }

    private static String groupId(Element project) {
        String group = text(project, "groupId");
        Element parent = child(project, "parent");
        return group.isEmpty() && parent != null ? text(parent, "groupId") : group;
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}

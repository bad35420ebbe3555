package dev.tcgen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the tcgen runtime, which the {@code User-Agent} of every call names.
 *
 * <p>In the runtime jar it is read from {@code runtime-version.properties}, which the build writes. A client that
 * embeds the runtime gets instead a generated class of the same name whose constant the generator writes, since
 * generated sources carry no resources.
 */
final class RuntimeVersion {

    /** The version, e.g. {@code 0.1.0}. */
    static final String VERSION = load();

    private RuntimeVersion() {}

    private static String load() {
        try (InputStream in = RuntimeVersion.class.getResourceAsStream("runtime-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("runtime-version.properties is missing from the tcgen runtime jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.tcgen.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials from a profile of the file {@code ~/.tencentcloud/credentials}, the file the
 * Tencent Cloud command line tools and SDKs share:
 *
 * <pre>
 * [default]
 * secret_id = AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE
 * secret_key = Gu5t9xGARNpq86cd98joQYCN3EXAMPLE
 *
 * [staging]
 * secret_id = ...
 * secret_key = ...
 * token = ...
 * </pre>
 *
 * <p>Sections name profiles; {@code secret_id} and {@code secret_key} are required,
 * {@code token} is optional. Keys are case-insensitive; blank lines and lines starting with
 * {@code #} or {@code ;} are ignored. The file is read at the first call and the credentials
 * are kept; create a new provider to read it again.
 *
 * <pre>{@code
 * CredentialsProvider staging = ProfileCredentialsProvider.create("staging");
 * CredentialsProvider inTest = ProfileCredentialsProvider.of(
 *         ProfileCredentialsProvider.defaultFile(temporaryHome), "default");
 * }</pre>
 *
 * <p>Thread-safe. Error messages name the file and profile, never a value from the file.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {
    /**
     * The profile used unless another is named: {@code default}.
     */
    public static final String DEFAULT_PROFILE = "default";

    /**
     * The credentials file shared by all users of the machine, which the
     * {@link DefaultCredentialsChain default chain} reads after the home directory's:
     * {@code /etc/tencentcloud/credentials}.
     */
    public static final Path SYSTEM_FILE = Path.of("/etc/tencentcloud/credentials");

    private final Path file;

    private final String profile;

    private volatile Credentials loaded;

    private ProfileCredentialsProvider(Path file, String profile) {
        this.file = Objects.requireNonNull(file, "file");
        this.profile = Objects.requireNonNull(profile, "profile");
        if (profile.isBlank()) {
            throw new IllegalArgumentException("profile must not be blank");
        }
    }

    /**
     * The {@code default} profile of {@code ~/.tencentcloud/credentials}, where {@code ~} is
     * the {@code user.home} system property.
     *
     * @return the provider
     */
    public static ProfileCredentialsProvider create() {
        return create(DEFAULT_PROFILE);
    }

    /**
     * A named profile of {@code ~/.tencentcloud/credentials}.
     *
     * @param profile the section to read, e.g. {@code staging}
     * @return the provider
     * @throws IllegalArgumentException if the profile name is blank
     */
    public static ProfileCredentialsProvider create(String profile) {
        return of(defaultFile(userHome()), profile);
    }

    /**
     * A profile of any file in this format.
     *
     * @param file the credentials file
     * @param profile the section to read
     * @return the provider
     * @throws IllegalArgumentException if the profile name is blank
     */
    public static ProfileCredentialsProvider of(Path file, String profile) {
        return new ProfileCredentialsProvider(file, profile);
    }

    /**
     * Where the credentials file lives under a home directory:
     * {@code <home>/.tencentcloud/credentials}.
     *
     * @param home a home directory
     * @return the path of its credentials file
     */
    public static Path defaultFile(Path home) {
        return home.resolve(".tencentcloud").resolve("credentials");
    }

    /**
     * The file read.
     *
     * @return the path of the file
     */
    public Path file() {
        return file;
    }

    /**
     * The profile read.
     *
     * @return the profile name
     */
    public String profile() {
        return profile;
    }

    /**
     * The profile's credentials, read from the file at the first call.
     *
     * @return the credentials
     * @throws CredentialsException if the file cannot be read, has no such profile, or the
     *     profile lacks {@code secret_id} or {@code secret_key}
     */
    @Override
    public Credentials credentials() {
        Credentials current = loaded;
        if (current == null) {
            current = load();
            loaded = current;
        }
        return current;
    }

    /**
     * Names the file and profile, e.g.
     * {@code ProfileCredentialsProvider[file=/home/me/.tencentcloud/credentials, profile=default]}.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return "ProfileCredentialsProvider[file=" + file + ", profile=" + profile + ']';
    }

    private Credentials load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CredentialsException(file + " does not exist");
        } catch (IOException e) {
            throw new CredentialsException("cannot read " + file + ": " + e, e);
        }
        Map<String, String> values = section(lines, profile);
        if (values == null) {
            throw new CredentialsException(file + " has no [" + profile + "] profile");
        }
        for (String key : new String[] {"secret_id", "secret_key"}) {
            if (!values.containsKey(key)) {
                throw new CredentialsException("profile [" + profile + "] of " + file + " has no " + key);
            }
        }
        return Credentials.of(values.get("secret_id"), values.get("secret_key"), values.get("token"));
    }

    /**
     * The non-blank {@code key = value} pairs of a section, keys lowercase; {@code null}
     * if the section is absent. A section that appears twice is merged.
     */
    private static Map<String, String> section(List<String> lines, String profile) {
        Map<String, String> values = null;
        boolean inProfile = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inProfile = line.substring(1, line.length() - 1).strip().equals(profile);
                if (inProfile && values == null) {
                    values = new HashMap<>();
                }
                continue;
            }
            int equals = line.indexOf('=');
            if (inProfile && equals > 0) {
                String value = line.substring(equals + 1).strip();
                if (!value.isEmpty()) {
                    values.put(line.substring(0, equals).strip().toLowerCase(Locale.ROOT), value);
                }
            }
        }
        return values;
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home", "."));
    }
}

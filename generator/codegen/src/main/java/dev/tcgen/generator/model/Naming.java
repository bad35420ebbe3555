package dev.tcgen.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Java names for spec names, decided here once. Emitters never invent names.
 *
 * <ul>
 *   <li>Members: {@code SdkAppId} → {@code sdkAppId}, {@code URL} → {@code url}, {@code Foo_Bar} → {@code fooBar};
 *       a name that would be a keyword, clash with a generated method or obscure a package ({@code java}) gets
 *       the suffix {@code Value} ({@code Switch} → {@code switchValue}, {@code Java} → {@code javaValue}). Case
 *       is kept, so {@code Runid} and {@code RunId} stay apart.
 *   <li>Constants: {@code AuthFailure.UnRealNameAuthenticated} → {@code AUTH_FAILURE_UN_REAL_NAME_AUTHENTICATED},
 *       {@code ap-guangzhou} → {@code AP_GUANGZHOU}.
 *   <li>Types: {@code trtc} → {@code Trtc} (for {@code TrtcClient}); version {@code 2019-07-22} → package
 *       segment {@code v20190722}.
 * </ul>
 */
public final class Naming {

    /** Methods every generated value class has, or inherits from {@code Object}; no member may take these names. */
    /** The method of a response that lists the values it could not read; no member of a response takes its name. */
    public static final String PROBLEMS_METHOD = "problems";

    private static final Set<String> RESERVED_METHODS = Set.of("builder", "toBuilder", "build", "equals", "hashCode",
            "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize");

    /** The error-code enum's table of constants by code; no error code's constant may take this name. */
    public static final String ERROR_CODE_LOOKUP_TABLE = "BY_CODE";

    /** The {@code Region} class's table of constants by id; no region's constant may take this name. */
    public static final String REGION_LOOKUP_TABLE = "BY_ID";

    /**
     * Member names that would obscure a package: a field {@code java} makes javac read {@code java.lang.String.join}
     * (which generated code writes when a structure of the package is named {@code String}) as a field access.
     */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax");

    /**
     * Names Windows refuses as file names, with any extension and in any case ({@code Con.java}, {@code AUX.java}).
     */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    /** Wire names of members whose values are secrets: their values never appear in {@code toString()}. */
    private static final Pattern SENSITIVE = Pattern.compile(
            "(?i).*(password|passwd|secret|token|usersig|privatemapkey|privatekey|signature|credential).*");

    private Naming() {}

    /** Whether a member of this wire name holds a secret, such as {@code Password}, {@code UserSig} or {@code SecretKey}. */
    public static boolean isSensitive(String wireName) {
        return SENSITIVE.matcher(wireName).matches();
    }

    /** The words of a name: {@code SDKAppId} → [SDK, App, Id]; {@code Foo_Bar} → [Foo, Bar]; {@code ap-guangzhou} → [ap, guangzhou]. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0 && startsNewWord(name, i)) {
                flush(word, words);
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static boolean startsNewWord(String name, int i) {
        char previous = name.charAt(i - 1);
        char c = name.charAt(i);
        if (Character.isUpperCase(c)) {
            boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
            return Character.isLowerCase(previous) || Character.isDigit(previous)
                    || (Character.isUpperCase(previous) && nextIsLower);
        }
        return false;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /**
     * The field, accessor and builder-method name of a member: lower camel case, never a keyword or a reserved
     * method name.
     */
    public static String memberName(String wireName) {
        return safeIdentifier(lowerCamel(wireName), "Value");
    }

    /** The client method of an action: {@code StopPublishCdnStream} → {@code stopPublishCdnStream}. */
    public static String methodName(String actionName) {
        return safeIdentifier(lowerCamel(actionName), "Action");
    }

    /**
     * Lower camel case keeping the case of everything but a leading capital run: {@code SdkAppId} → {@code sdkAppId},
     * {@code URLPath} → {@code urlPath}, {@code URL} → {@code url}, {@code Runid} → {@code runid}. Underscores and
     * other separators are dropped, and the letter after them capitalised.
     */
    static String lowerCamel(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return "value";
        }
        StringBuilder out = new StringBuilder(words.get(0).toLowerCase(Locale.ROOT));
        for (String word : words.subList(1, words.size())) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return Character.isJavaIdentifierStart(out.charAt(0)) ? out.toString() : "_" + out;
    }

    /** Upper camel case of a lower-case name: {@code trtc} → {@code Trtc}, {@code tdmq} → {@code Tdmq}. */
    public static String upperCamel(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    /**
     * An enum constant: words upper-cased and joined by underscores; {@code .} and {@code -} separate words too.
     * {@code FailedOperation.CRUnsupportMethod} → {@code FAILED_OPERATION_CR_UNSUPPORT_METHOD}.
     */
    public static String constantName(String name) {
        String constant = String.join("_", words(name)).toUpperCase(Locale.ROOT);
        if (constant.isEmpty() || !Character.isJavaIdentifierStart(constant.charAt(0))) {
            constant = "_" + constant;
        }
        return SourceVersion.isKeyword(constant) ? constant + "_" : constant;
    }

    /** The package segment of an API version: {@code 2019-07-22} → {@code v20190722}. */
    public static String versionPackage(String version) {
        return "v" + version.replaceAll("[^0-9A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    /** The package segment of a service name, which must not be a keyword: {@code trtc} → {@code trtc}. */
    public static String servicePackage(String service) {
        String segment = service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
        return SourceVersion.isKeyword(segment) ? segment + "_" : segment;
    }

    /**
     * Whether a class of this simple name cannot be a file on every file system: {@code Con}, {@code Aux},
     * {@code Nul}, {@code Com1}... are devices on Windows, whatever the extension and case.
     */
    public static boolean isReservedFileName(String simpleName) {
        return WINDOWS_DEVICE.matcher(simpleName).matches();
    }

    private static String safeIdentifier(String name, String suffix) {
        return SourceVersion.isKeyword(name) || RESERVED_METHODS.contains(name) || PACKAGE_ROOTS.contains(name)
                || name.equals("_")
                ? name + suffix
                : name;
    }
}

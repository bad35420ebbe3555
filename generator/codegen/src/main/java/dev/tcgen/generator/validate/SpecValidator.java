package dev.tcgen.generator.validate;

import static dev.tcgen.generator.spec.SpecFormat.SCALAR_TYPES;

import dev.tcgen.generator.spec.ActionSpec;
import dev.tcgen.generator.spec.ErrorCodeSpec;
import dev.tcgen.generator.spec.LocatedJson;
import dev.tcgen.generator.spec.MemberSpec;
import dev.tcgen.generator.spec.PagingSpec;
import dev.tcgen.generator.spec.Problem;
import dev.tcgen.generator.spec.RegionSpec;
import dev.tcgen.generator.spec.ServiceSpec;
import dev.tcgen.generator.spec.SpecFormat;
import dev.tcgen.generator.spec.StructureSpec;
import dev.tcgen.generator.spec.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks what a spec means: names are well-formed and unique, types and references resolve, and actions refer only
 * to regions and error codes the service declares. Every problem is reported, each at its own place.
 *
 * <p>Values that are empty were already reported by the reader as missing, so they are not reported again here.
 */
public final class SpecValidator {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern VERSION = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern REGION_ID = Pattern.compile(SpecFormat.REGION_ID);
    private static final Pattern ACTION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern STRUCTURE_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");
    private static final Pattern WIRE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)*");
    private static final String LIST = "list";
    /**
     * The longest name (service, region id, action, structure, member, error code): the classes named after it must
     * stay within the 255-byte file names of common file systems ({@code <Action>Response$Builder.class}).
     */
    static final int MAX_NAME_LENGTH = 200;
    /**
     * The longest text that becomes a Java string constant (an error code's description, a region's name): a class
     * file holds constants of at most 65535 bytes, and a character takes up to three.
     */
    static final int MAX_CONSTANT_TEXT_LENGTH = 20_000;
    /**
     * The most members of one input, output or structure: its class's {@code toString()}, {@code equals} and
     * constructor grow with them, and the JVM limits a method to 64 KB of code (about 3,000 members).
     */
    static final int MAX_MEMBERS = 2_000;
    /** The most error codes: each is an enum constant set up in one static initialiser, limited to 64 KB. */
    static final int MAX_ERROR_CODES = 2_000;
    /** The most actions: the client's static initialiser grows with them (their names, limits and regions). */
    static final int MAX_ACTIONS = 1_000;
    /** The most regions of a service. */
    static final int MAX_REGIONS = 200;
    /** The most regions listed by all actions together, each a constant in the client's static initialiser. */
    static final int MAX_LISTED_REGIONS = 2_000;

    private final ServiceSpec spec;
    private final LocatedJson json;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> structureNames = new LinkedHashSet<>();
    private final Set<String> regionIds = new LinkedHashSet<>();
    private final Set<String> errorCodes = new LinkedHashSet<>();

    private SpecValidator(ServiceSpec spec, LocatedJson json) {
        this.spec = spec;
        this.json = json;
    }

    /**
     * Every problem in the spec, in no particular order.
     *
     * @param spec the spec as read
     * @param json the document it was read from, to place problems
     */
    public static List<Problem> validate(ServiceSpec spec, LocatedJson json) {
        SpecValidator validator = new SpecValidator(spec, json);
        validator.checkService();
        return List.copyOf(validator.problems);
    }

    private void checkService() {
        checkPattern("/service", spec.service(), SERVICE_NAME, "service name",
                "lower-case letters and digits, starting with a letter, e.g. \"trtc\"");
        checkPattern("/version", spec.version(), VERSION, "API version", "a date such as \"2019-07-22\"");
        checkPattern("/endpoints/china", spec.endpoints().china(), HOST_NAME, "host name",
                "a bare host name such as \"trtc.tencentcloudapi.com\", without scheme or path");
        checkPattern("/endpoints/international", spec.endpoints().international(), HOST_NAME, "host name",
                "a bare host name such as \"trtc.intl.tencentcloudapi.com\", without scheme or path");
        checkLength("/service", spec.service(), "service name");
        checkCount("/regions", spec.regions().size(), MAX_REGIONS, "regions", "the region enum");
        checkCount("/errorCodes", spec.errorCodes().size(), MAX_ERROR_CODES, "error codes", "the error-code enum");
        checkCount("/actions", spec.actions().size(), MAX_ACTIONS, "actions", "the client");
        checkUnique(spec.regions(), RegionSpec::id, RegionSpec::pointer, "region");
        for (RegionSpec region : spec.regions()) {
            checkPattern(region.pointer() + "/id", region.id(), REGION_ID, "region id", "e.g. \"ap-guangzhou\"");
            checkLength(region.pointer() + "/id", region.id(), "region id");
            checkConstantText(region.pointer() + "/name", region.name(), "region name");
            regionIds.add(region.id());
        }
        checkUnique(spec.errorCodes(), ErrorCodeSpec::code, ErrorCodeSpec::pointer, "error code");
        for (ErrorCodeSpec code : spec.errorCodes()) {
            checkPattern(code.pointer() + "/code", code.code(), ERROR_CODE, "error code",
                    "dot-separated names such as \"FailedOperation.CRUnsupportMethod\"");
            checkLength(code.pointer() + "/code", code.code(), "error code");
            checkConstantText(code.pointer() + "/description", code.description(), "error code description");
            errorCodes.add(code.code());
        }
        checkUnique(spec.structures(), StructureSpec::name, StructureSpec::pointer, "structure");
        for (StructureSpec structure : spec.structures()) {
            checkPattern(structure.pointer() + "/name", structure.name(), STRUCTURE_NAME, "structure name",
                    "letters, digits and underscores, starting with an upper-case letter, e.g. \"McuLayoutParams\"");
            checkLength(structure.pointer() + "/name", structure.name(), "structure name");
            structureNames.add(structure.name());
        }
        for (StructureSpec structure : spec.structures()) {
            checkMembers(structure.pointer() + "/members", structure.members());
        }
        checkUnique(spec.actions(), ActionSpec::name, ActionSpec::pointer, "action");
        checkUniqueIgnoringCase(spec.actions());
        spec.actions().forEach(this::checkAction);
        int listed = spec.actions().stream().mapToInt(a -> a.regions().map(List::size).orElse(0)).sum();
        checkCount("/actions", listed, MAX_LISTED_REGIONS, "regions listed by the actions together", "the client");
    }

    /**
     * Actions whose names differ only in case ({@code GetURL}, {@code GetUrl}) would have request classes that are
     * one file on file systems that ignore case (macOS, Windows), and client methods of one name. Structures are
     * renamed by the model instead: their class names are not part of what a caller types for each call.
     */
    private void checkUniqueIgnoringCase(List<ActionSpec> actions) {
        Map<String, ActionSpec> first = new HashMap<>();
        for (ActionSpec action : actions) {
            if (action.name().isEmpty()) {
                continue;
            }
            ActionSpec earlier = first.putIfAbsent(action.name().toLowerCase(Locale.ROOT), action);
            if (earlier != null && !earlier.name().equals(action.name())) {
                problem(action.pointer() + "/name", "action \"" + action.name() + "\" differs from action \""
                        + earlier.name() + "\" (at " + json.locate(earlier.pointer() + "/name") + ") only in case; "
                        + "their classes (" + action.name() + "Request.java, " + earlier.name() + "Request.java) would "
                        + "be one file on file systems that ignore case, such as those of macOS and Windows");
            }
        }
    }

    private void checkAction(ActionSpec action) {
        checkPattern(action.pointer() + "/name", action.name(), ACTION_NAME, "action name",
                "letters and digits, starting with an upper-case letter, e.g. \"StopPublishCdnStream\"");
        checkLength(action.pointer() + "/name", action.name(), "action name");
        checkMembers(action.pointer() + "/input", action.input());
        checkMembers(action.pointer() + "/output", action.output());
        action.regions().ifPresent(regions -> checkActionRegions(action, regions));
        action.paging().ifPresent(paging -> checkPaging(action, paging));
        for (int i = 0; i < action.errorCodes().size(); i++) {
            String code = action.errorCodes().get(i);
            if (!errorCodes.contains(code)) {
                problem(action.pointer() + "/errorCodes/" + i, "action " + action.name() + " lists error code \""
                        + code + "\", which the service's \"errorCodes\" does not declare"
                        + Suggestions.didYouMean(code, errorCodes));
            }
        }
        checkNoRepeats(action.pointer() + "/errorCodes", action.errorCodes(), "error code");
    }

    /** An action's paging (see {@link PagingCheck}), each problem at the property it is about. */
    private void checkPaging(ActionSpec action, PagingSpec paging) {
        PagingCheck.check(action.name(), paging, action.input(), action.output(), (key, message) ->
                problem(key.isEmpty() ? paging.pointer() : LocatedJson.child(paging.pointer(), key), message));
    }

    private void checkActionRegions(ActionSpec action, List<String> regions) {
        String pointer = action.pointer() + "/regions";
        if (regions.isEmpty()) {
            problem(pointer, "action " + action.name() + " lists no region; omit \"regions\" if it supports all the "
                    + "service's regions");
        }
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            if (!regionIds.contains(region)) {
                problem(pointer + "/" + i, "action " + action.name() + " supports region \"" + region
                        + "\", which is not among the service's regions"
                        + Suggestions.didYouMeanOr(region, regionIds, " (" + String.join(", ", regionIds) + ")"));
            }
        }
        checkNoRepeats(pointer, regions, "region");
    }

    private void checkMembers(String pointer, List<MemberSpec> members) {
        checkCount(pointer, members.size(), MAX_MEMBERS, "members", "its class");
        checkUnique(members, MemberSpec::name, MemberSpec::pointer, "member");
        members.forEach(this::checkMember);
    }

    private void checkMember(MemberSpec member) {
        if (!member.name().isEmpty() && !WIRE_NAME.matcher(member.name()).matches()) {
            problem(member.pointer() + "/name", "wire name \"" + member.name() + "\" is not an identifier; expected "
                    + "letters, digits and underscores, not starting with a digit");
        }
        checkLength(member.pointer() + "/name", member.name(), "member name");
        if (member.type().isEmpty()) {
            return;
        }
        if (member.type().equals(LIST)) {
            if (member.items().isEmpty()) {
                problem(member.pointer(), "list member \"" + member.name() + "\" has no \"items\"; expected the "
                        + "element type, e.g. \"items\": \"string\"");
            } else {
                checkTypeName(member.pointer() + "/items", member.items().get(), "element type");
            }
            return;
        }
        checkTypeName(member.pointer() + "/type", member.type(), "type");
        member.items().ifPresent(items -> problem(member.pointer() + "/items", "member \"" + member.name()
                + "\" has \"items\" but its type is \"" + member.type() + "\"; \"items\" belongs to lists only"));
    }

    private void checkTypeName(String pointer, String name, String what) {
        if (name.equals(LIST)) {
            problem(pointer, "lists of lists are not supported; expected a scalar type or a structure name");
        } else if (name.isEmpty()) {
            problem(pointer, "empty " + what + "; expected one of " + String.join(", ", SCALAR_TYPES)
                    + " or the name of a structure");
        } else if (Character.isUpperCase(name.charAt(0))) {
            if (!structureNames.contains(name)) {
                problem(pointer, "unknown structure \"" + name + "\"" + Suggestions.didYouMeanOr(name, structureNames,
                        "; no structure of that name is declared in \"structures\""));
            }
        } else if (!SCALAR_TYPES.contains(name)) {
            problem(pointer, "unknown " + what + " \"" + name + "\"" + Suggestions.didYouMean(name, SCALAR_TYPES)
                    + "; expected one of " + String.join(", ", SCALAR_TYPES) + ", or a structure name");
        }
    }

    private <T> void checkUnique(List<T> items, Function<T, String> name, Function<T, String> pointer, String what) {
        Map<String, T> first = new HashMap<>();
        for (T item : items) {
            String key = name.apply(item);
            if (key.isEmpty()) {
                continue;
            }
            T earlier = first.putIfAbsent(key, item);
            if (earlier != null) {
                problem(pointer.apply(item), "duplicate " + what + " \"" + key + "\"; it is first declared at "
                        + json.locate(pointer.apply(earlier)));
            }
        }
    }

    private void checkNoRepeats(String pointer, List<String> values, String what) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                problem(pointer + "/" + i, what + " \"" + values.get(i) + "\" is listed twice");
            }
        }
    }

    private void checkPattern(String pointer, String value, Pattern pattern, String what, String expected) {
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            problem(pointer, "invalid " + what + " \"" + value + "\"; expected " + expected);
        }
    }

    private void checkCount(String pointer, int count, int max, String what, String generated) {
        if (count > max) {
            problem(pointer, count + " " + what + "; at most " + max + " are supported, since the code generated for "
                    + generated + " would exceed the JVM's limits of 64 KB of code per method");
        }
    }

    private void checkLength(String pointer, String value, String what) {
        if (value.length() > MAX_NAME_LENGTH) {
            problem(pointer, what + " \"" + value.substring(0, 40) + "...\" is " + value.length()
                    + " characters long; at most " + MAX_NAME_LENGTH + " are allowed, so that the files named after it "
                    + "fit in a file name");
        }
    }

    private void checkConstantText(String pointer, String value, String what) {
        if (value.length() > MAX_CONSTANT_TEXT_LENGTH) {
            problem(pointer, what + " is " + value.length() + " characters long; at most " + MAX_CONSTANT_TEXT_LENGTH
                    + " are allowed, since it becomes a Java string constant");
        }
    }

    private void problem(String pointer, String message) {
        problems.add(json.problem(pointer, message));
    }
}

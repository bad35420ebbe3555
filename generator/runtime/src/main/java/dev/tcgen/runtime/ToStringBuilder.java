package dev.tcgen.runtime;

/**
 * The text of a generated value's {@code toString()}: {@code Name{Wire=value, Other=value}}, with the members' wire
 * names in the order of the spec, absent ({@code null}) members left out and secrets masked.
 *
 * <pre>{@code
 * return new ToStringBuilder("AgentConfig")
 *         .add("UserId", this.userId)
 *         .addSecret("UserSig", this.userSig)
 *         .build();
 * }</pre>
 */
public final class ToStringBuilder {

    /** What a secret's value shows as: {@value}. */
    public static final String MASK = "****";

    private final StringBuilder text;
    private boolean empty = true;

    /**
     * Starts the text of a value.
     *
     * @param typeName the value's type, e.g. {@code AgentConfig}
     */
    public ToStringBuilder(String typeName) {
        this.text = new StringBuilder(typeName).append('{');
    }

    /**
     * Adds {@code Wire=value}, unless the value is absent.
     *
     * @param wireName the member's name in the API, e.g. {@code UserId}
     * @param value the member's value, or {@code null}
     * @return this builder
     */
    public ToStringBuilder add(String wireName, Object value) {
        if (value != null) {
            member(wireName).append(value);
        }
        return this;
    }

    /**
     * Adds {@code Wire=****}, unless the value is absent: whether a secret is set shows, never the secret.
     *
     * @param wireName the member's name in the API, e.g. {@code UserSig}
     * @param value the secret, or {@code null}
     * @return this builder
     */
    public ToStringBuilder addSecret(String wireName, Object value) {
        if (value != null) {
            member(wireName).append(MASK);
        }
        return this;
    }

    /**
     * The text so far.
     *
     * @return {@code Name{Wire=value, ...}}
     */
    public String build() {
        return text + "}";
    }

    private StringBuilder member(String wireName) {
        if (!empty) {
            text.append(", ");
        }
        empty = false;
        return text.append(wireName).append('=');
    }
}

package org.annals.base;

/**
 * Turns what a person typed into a search box into a SQL {@code LIKE} pattern that matches it
 * literally: {@code %} and {@code _} in their text are characters, not wildcards ({@code q=_} must
 * not match everything). Every query that puts user text into a {@code LIKE} takes one of these
 * patterns as a parameter and names the escape character: {@code like :pattern escape '!'}.
 *
 * <p>The escape character is named in every query because the databases disagree on the default
 * (PostgreSQL and H2 use a backslash, the SQL standard has none), and it is {@code !} rather than a
 * backslash because a backslash would need escaping again in HQL string literals and Java text.
 */
public final class LikePattern {

    /** The pattern of an empty search text: matches everything, and queries compare with it to skip the filter. */
    public static final String ANY = "%";

    private LikePattern() {
    }

    /** Matches text that contains {@code text} anywhere; {@link #ANY} for an empty text. */
    public static String containing(String text) {
        return text.isEmpty() ? ANY : "%" + escape(text) + "%";
    }

    /** Matches text that starts with {@code text}. */
    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    /** The text with the escape character and both wildcards escaped. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                escaped.append('!');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}

package org.annals.search;

import java.util.List;

/**
 * A hit in context: the matched words and a few words around them, as parts to be rendered as text
 * (never as markup: the words are the users').
 */
public record Snippet(List<Part> parts) {

    public Snippet {
        parts = List.copyOf(parts);
    }

    public record Part(String text, boolean match) {
    }

    public static Snippet plain(String text) {
        return new Snippet(List.of(new Part(text, false)));
    }

    /** The text without marks. */
    public String text() {
        var all = new StringBuilder();
        parts.forEach(p -> all.append(p.text()));
        return all.toString();
    }
}

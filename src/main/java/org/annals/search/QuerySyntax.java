package org.annals.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.annals.base.InvalidInputException;

/**
 * Reads what a person typed as a {@link UserQuery}: words, "exact phrases", prefix*, -exclusion and OR
 * (or {@code |}) between words or phrases. Nothing else is an operator: {@code title:x}, {@code foo~2},
 * {@code ^2}, {@code [a TO z]}, {@code &&}, {@code !}, brackets and backslashes are plain text, which the
 * engine reads as words like any other (so no one can ask it for a huge fuzzy or range expansion).
 * <p>
 * Odd input is read safely, and {@link UserQuery#notices()} says how (a missing closing quote, a lone
 * {@code *}, a prefix too short, control characters); only input no one types by hand is refused with a
 * message ({@link #MAX_LENGTH}, {@link #MAX_PARTS}).
 */
public final class QuerySyntax {

    /** Longer queries are refused: nobody types them, and each word costs the engine. */
    public static final int MAX_LENGTH = 500;
    /** Words and phrases in one query, excluded ones included: each is a clause the engine must run. */
    public static final int MAX_PARTS = 32;
    /** Letters (or digits) needed before {@code *}: shorter prefixes match too many words to be useful. */
    public static final int MIN_PREFIX = 2;

    private static final String QUOTES = "\"\u201C\u201D\u201E\u00AB\u00BB\uFF02";
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private QuerySyntax() {
    }

    public static UserQuery read(String typed) {
        if (typed.length() > MAX_LENGTH) {
            throw new InvalidInputException("Search for at most " + MAX_LENGTH + " characters.");
        }
        return new Reading(clean(typed)).read();
    }

    /**
     * Line breaks and tabs become spaces; invisible formatting characters (direction marks an Arabic
     * keyboard inserts, a byte order mark) are dropped silently, as they are not words; other control
     * characters and broken surrogates are dropped with a notice.
     */
    private static Cleaned clean(String typed) {
        var text = new StringBuilder(typed.length());
        boolean removed = false;
        for (int i = 0; i < typed.length(); ) {
            int c = typed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (c == '\t' || c == '\n' || c == '\r') {
                text.append(' ');
            } else if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                removed = true;
            } else if (type == Character.FORMAT && c != ZWNJ && c != ZWJ) {
                // direction marks and the like: nothing to search for, nothing to tell
            } else {
                text.appendCodePoint(c);
            }
        }
        return new Cleaned(text.toString(), removed);
    }

    private record Cleaned(String text, boolean controlsRemoved) {
    }

    /** A word or phrase as read, before OR joins it with its neighbours; or an OR ({@link #OR}). */
    private record Item(UserQuery.Part part, boolean excluded, boolean or) {

        static final Item OR = new Item(new UserQuery.Word("OR", false), false, true);
    }

    private static final class Reading {

        private final String text;
        private final List<String> notices = new ArrayList<>();
        private final Set<String> meaningless = new LinkedHashSet<>();
        private final List<Item> items = new ArrayList<>();
        private int at;

        Reading(Cleaned cleaned) {
            this.text = cleaned.text();
            if (cleaned.controlsRemoved()) {
                notices.add("Control characters were removed from the search.");
            }
        }

        UserQuery read() {
            while (skipSpaces()) {
                int c = text.codePointAt(at);
                if (c == '|') {
                    at++;
                    items.add(Item.OR);
                } else if (c == '-' && at + 1 < text.length() && !isSpace(text.codePointAt(at + 1))
                        && text.charAt(at + 1) != '|' && text.charAt(at + 1) != '-') {
                    at++;
                    next(true);
                } else {
                    next(false);
                }
            }
            if (!meaningless.isEmpty()) {
                notices.add("Left out what has no letters or digits: " + String.join(" ", meaningless) + ".");
            }
            UserQuery query = join();
            long parts = items.stream().filter(i -> !i.or()).count();
            if (parts > MAX_PARTS) {
                throw new InvalidInputException("Search for at most " + MAX_PARTS + " words or phrases at a time.");
            }
            if (query.required().isEmpty() && !query.excluded().isEmpty()) {
                List<String> all = new ArrayList<>(query.notices());
                all.add("Add at least one word to search for: excluded words (-word) alone find nothing.");
                return new UserQuery(List.of(), query.excluded(), all);
            }
            return query;
        }

        /** Skips spaces; whether anything is left. */
        private boolean skipSpaces() {
            while (at < text.length() && isSpace(text.codePointAt(at))) {
                at += Character.charCount(text.codePointAt(at));
            }
            return at < text.length();
        }

        private void next(boolean excluded) {
            if (at < text.length() && isQuote(text.charAt(at))) {
                phrase(excluded);
            } else {
                word(excluded);
            }
        }

        private void phrase(boolean excluded) {
            int start = ++at;
            while (at < text.length() && !isQuote(text.charAt(at))) {
                at++;
            }
            String words = text.substring(start, at).strip();
            if (at < text.length()) {
                at++;
            } else {
                notices.add("The closing quote was missing: searched for the phrase \"" + words + "\".");
            }
            if (words.isEmpty()) {
                return;
            }
            if (!meaningful(words)) {
                meaningless.add("\"" + words + "\"");
                return;
            }
            items.add(new Item(new UserQuery.Phrase(words), excluded, false));
        }

        private void word(boolean excluded) {
            int start = at;
            while (at < text.length()) {
                int c = text.codePointAt(at);
                if (isSpace(c) || c == '|' || isQuote(c)) {
                    break;
                }
                at += Character.charCount(c);
            }
            String word = text.substring(start, at);
            if (word.equals("OR") && !excluded) {
                items.add(Item.OR);
                return;
            }
            String stem = word;
            while (stem.endsWith("*")) {
                stem = stem.substring(0, stem.length() - 1);
            }
            boolean prefix = stem.length() < word.length();
            if (prefix && letters(stem) < MIN_PREFIX) {
                if (letters(stem) == 0) {
                    notices.add("A lone * would match every word: it was left out.");
                    return;
                }
                notices.add("Type at least " + MIN_PREFIX + " letters before *: searched for \"" + stem
                        + "\" as a whole word.");
                prefix = false;
            }
            if (!meaningful(stem)) {
                meaningless.add(word);
                return;
            }
            items.add(new Item(new UserQuery.Word(stem, prefix), excluded, false));
        }

        /**
         * Joins words and phrases on either side of OR into one {@link UserQuery.AnyOf}. An OR without a
         * word to search for on each side (at either end, next to an exclusion or another OR) is left out.
         */
        private UserQuery join() {
            List<UserQuery.Part> required = new ArrayList<>();
            List<UserQuery.Part> excluded = new ArrayList<>();
            List<UserQuery.Part> group = new ArrayList<>();
            boolean orDropped = false;
            boolean joinNext = false;
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                if (item.or()) {
                    boolean before = i > 0 && searchable(items.get(i - 1));
                    boolean after = i + 1 < items.size() && searchable(items.get(i + 1));
                    if (before && after) {
                        joinNext = true;
                    } else {
                        orDropped = true;
                    }
                } else if (item.excluded()) {
                    excluded.add(item.part());
                } else {
                    if (!joinNext) {
                        close(group, required);
                    }
                    group.add(item.part());
                    joinNext = false;
                }
            }
            close(group, required);
            if (orDropped) {
                notices.add("OR needs a word or phrase to search for on each side: it was left out.");
            }
            return new UserQuery(required, excluded, notices);
        }

        private static boolean searchable(Item item) {
            return !item.or() && !item.excluded();
        }

        private static void close(List<UserQuery.Part> group, List<UserQuery.Part> required) {
            if (group.size() == 1) {
                required.add(group.getFirst());
            } else if (group.size() > 1) {
                required.add(new UserQuery.AnyOf(group));
            }
            group.clear();
        }
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isQuote(int c) {
        return c < Character.MIN_SUPPLEMENTARY_CODE_POINT && QUOTES.indexOf(c) >= 0;
    }

    /** Letters, digits, or symbols such as emoji: what an engine can find as a word. */
    private static boolean meaningful(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetterOrDigit(c) || Character.getType(c) == Character.OTHER_SYMBOL);
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
    }
}

package org.annals.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.annals.search.lucene.FoldedWords;
import org.jspecify.annotations.Nullable;

/**
 * The project's registry compiled for finding its names in a text: every name and alias, folded as search
 * folds text, matched on word boundaries, longest first; an alias several entities share is one match with
 * each of them. Aliases that would flood a text (one letter, a number, a common word) are refused, each with its
 * reason for the project's managers. Immutable: built once per registry version and shared by every reader.
 * <p>
 * How: names and texts become words with search's own analyser ({@link FoldedWords}), so a name is found here
 * exactly when search finds it. Each word becomes a key (apostrophes dropped, so "Hay'at" = "Hayat"; the Arabic
 * article dropped, so "الجولاني" = "جولاني"), each distinct key a number, and every alias a path of numbers in a
 * trie whose edges sit in one open-addressed table of longs (100,000 aliases: a few megabytes, no object per
 * edge). A text is read once into its words; from each word the trie is walked as far as the next words allow,
 * keeping the longest name that ends there; the longest of all win, then the leftmost, and a name inside a longer
 * one ("Aleppo" in "New Aleppo") is not a second match. An Arabic word may carry a conjunction and a preposition
 * ("بحلب", "والجولاني", "للجولاني"): the first word of a name is also tried without them, and the match starts
 * after them. A transliterated article before a hyphen is optional too: "al-Rastan" is also found as "Rastan". Words of a name may be apart by spaces, one line break, a hyphen, an apostrophe or an abbreviation's full
 * stop ("Hay'at Tahrir\nal-Sham", "St. Simeon"), not by other punctuation, a sentence's end or a blank line.
 */
public final class RegistryMatcher {

    /** A registry name found in a text: the span, the folded alias, and every entry it may mean. */
    public record Match(int start, int end, String alias, List<RegistryEntry> entries) {

        public Match {
            entries = List.copyOf(entries);
        }
    }

    /** An alias not matched, and why (shown to the project's managers). */
    public record Refused(RegistryEntry entry, String alias, String reason) {
    }

    static final String ONE_LETTER = "One letter would match inside every text.";
    static final String NO_LETTERS = "No letters or digits to match.";
    static final String NUMBER = "A number, not a name: it would match every figure and date.";
    static final String COMMON_WORD = "A common word, not a name: it would match in every text.";

    public static final RegistryMatcher EMPTY = of(List.of());

    private static final int ROOT = 0;
    private static final byte ACRONYM = 1;
    private static final byte WORD = 2;

    private final RegistryEntry[] entries;
    private final List<Refused> refused;
    private final Map<String, Integer> keyIds;
    private final String[] keys;
    private final Edges edges;
    private final int[] parentOf;
    private final int[] keyOf;
    /** Per node: the entries a name ending there means (null: no name ends there). */
    private final int @Nullable [][] meanings;
    /** Per node: whether the names ending there are acronyms written in capitals ("US", "SDF"), or words. */
    private final byte[] spelling;
    private final int aliasCount;
    /** Per node, made when first matched: the alias and the entries as a match gives them. */
    private final @Nullable String[] aliases;
    private final @Nullable List<RegistryEntry>[] meaningLists;

    @SuppressWarnings("unchecked")
    private RegistryMatcher(Builder built) {
        this.entries = built.entries.toArray(RegistryEntry[]::new);
        this.refused = List.copyOf(built.refused);
        this.keyIds = built.keyIds;
        this.keys = built.keys.toArray(String[]::new);
        this.edges = built.edges.trimmed();
        this.parentOf = Arrays.copyOf(built.parentOf, built.nodes);
        this.keyOf = Arrays.copyOf(built.keyOf, built.nodes);
        this.meanings = Arrays.copyOf(built.meanings, built.nodes);
        this.spelling = Arrays.copyOf(built.spelling, built.nodes);
        this.aliasCount = built.aliases;
        this.aliases = new String[built.nodes];
        this.meaningLists = new List[built.nodes];
    }

    public static RegistryMatcher of(Collection<RegistryEntry> registry) {
        var builder = new Builder();
        registry.forEach(builder::add);
        return new RegistryMatcher(builder);
    }

    /**
     * The folded form an alias is matched by ("Hay’at Taḥrīr al-Sham" → "hayat tahrir al sham"; "الجولاني" →
     * "جولاني"): what a match's {@link Match#alias()} says, and what "never here" remembers. Empty when the alias
     * has no words.
     */
    public static String aliasKey(String alias) {
        var words = new ArrayList<String>();
        FoldedWords.forEach(alias, (folded, start, end) -> words.add(key(folded)));
        return String.join(" ", words);
    }

    /** Every registry name in the text, in text order, none overlapping another. */
    public List<Match> find(String text) {
        if (aliasCount == 0 || text.isEmpty()) {
            return List.of();
        }
        return find(text, Words.read(text, this));
    }

    /** The same, from the text's words already read ({@link FoldedWords#of}): readers of one text share them. */
    public List<Match> find(String text, List<FoldedWords.Word> folded) {
        if (aliasCount == 0 || text.isEmpty()) {
            return List.of();
        }
        var words = new Words();
        for (FoldedWords.Word word : folded) {
            words.add(this, word.folded(), word.start(), word.end());
        }
        return find(text, words);
    }

    private List<Match> find(String text, Words words) {
        int n = words.count;
        // For each word: the longest name starting there (its last word, node and proclitic letters skipped).
        var found = new ArrayList<int[]>();
        for (int i = 0; i < n; i++) {
            int @Nullable [] best = longestFrom(text, words, i, words.ids[i], 0, null);
            int @Nullable [] more = words.proclitics[i];
            for (int k = 0; more != null && k < more.length; k += 2) {
                best = longestFrom(text, words, i, more[k], more[k + 1], best);
            }
            if (best != null) {
                found.add(best);
            }
        }
        // Longest first (in words, then letters), then leftmost; a name overlapping one already taken is dropped.
        found.sort((a, b) -> a[1] - a[0] != b[1] - b[0] ? (b[1] - b[0]) - (a[1] - a[0])
                : words.length(b) != words.length(a) ? words.length(b) - words.length(a) : a[0] - b[0]);
        var taken = new boolean[n];
        var chosen = new ArrayList<int[]>();
        for (int[] match : found) {
            boolean free = true;
            for (int w = match[0]; w <= match[1] && free; w++) {
                free = !taken[w];
            }
            if (free) {
                Arrays.fill(taken, match[0], match[1] + 1, true);
                chosen.add(match);
            }
        }
        chosen.sort((a, b) -> a[0] - b[0]);
        var matches = new ArrayList<Match>(chosen.size());
        for (int[] match : chosen) {
            int start = skipLetters(text, words.starts[match[0]], match[3]);
            matches.add(new Match(start, words.ends[match[1]], alias(match[2]), meaning(match[2])));
        }
        return matches;
    }

    /** The longest name from word {@code first} read as key {@code id}, if longer than {@code best}. */
    private int @Nullable [] longestFrom(String text, Words words, int first, int id, int skip, int @Nullable [] best) {
        int node = id < 0 ? -1 : edges.child(ROOT, id);
        int last = -1;
        int lastNode = -1;
        for (int w = first; node >= 0; ) {
            if (meanings[node] != null && (spelling[node] != ACRONYM || capitals(text, words.starts[w] + skip, words.ends[w]))) {
                last = w;
                lastNode = node;
            }
            if (w + 1 >= words.count || words.ids[w + 1] < 0 || !joins(text, words.starts[w], words.ends[w], words.starts[w + 1])) {
                break;
            }
            w++;
            node = edges.child(node, words.ids[w]);
        }
        if (last < 0 || (best != null && best[1] >= last)) {
            return best;
        }
        return new int[] {first, last, lastNode, skip};
    }

    /**
     * Whatever may lie between two words of one name: spaces, one line break, a hyphen, an apostrophe, and a full
     * stop only after an abbreviation of one to three letters ("St. Petersburg", "Jr."), not at a sentence's end
     * ("… held Hama. Governorate officials …").
     */
    private static boolean joins(String text, int wordStart, int from, int to) {
        int lineBreaks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineBreaks++;
            } else if (c == '.') {
                if (from - wordStart > 3) {
                    return false;
                }
            } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || "-\u2010\u2011\u2012\u2013'\u2019\u00AD\u200B\u200C\u200D\u200E\u200F\u0640".indexOf(c) >= 0)) {
                return false;
            }
        }
        return lineBreaks <= 1;
    }

    /** An acronym matches where the text writes it in capitals: "US" the country, not "us". */
    private static boolean capitals(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The offset after {@code letters} letters from {@code start} (marks on them belong to them). */
    private static int skipLetters(String text, int start, int letters) {
        int at = start;
        for (int seen = 0; seen < letters && at < text.length(); at++) {
            if (!isMark(text.charAt(at))) {
                seen++;
            }
        }
        while (at < text.length() && isMark(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK || c == '\u0640';
    }

    /** The alias a node stands for, kept once made: a long source names the same few entities again and again. */
    private String alias(int node) {
        String alias = aliases[node];
        if (alias == null) {
            var words = new ArrayList<String>();
            for (int at = node; at != ROOT; at = parentOf[at]) {
                words.add(keys[keyOf[at]]);
            }
            alias = String.join(" ", words.reversed());
            aliases[node] = alias; // readers racing here make equal strings: harmless
        }
        return alias;
    }

    private List<RegistryEntry> meaning(int node) {
        List<RegistryEntry> meaning = meaningLists[node];
        if (meaning == null) {
            int[] ids = meanings[node];
            var list = new ArrayList<RegistryEntry>(ids.length);
            for (int id : ids) {
                list.add(entries[id]);
            }
            meaning = List.copyOf(list);
            meaningLists[node] = meaning;
        }
        return meaning;
    }

    public List<Refused> refused() {
        return refused;
    }

    public int entryCount() {
        return entries.length;
    }

    /** How many distinct aliases (names included) the matcher finds, after folding and refusals. */
    public int aliasCount() {
        return aliasCount;
    }

    // ---- words and their keys ----

    private static final String APOSTROPHES = "'\u2019\u2018\u02BC\u02BE\u02BF`\u00B4";
    private static final String[] CONJUNCTIONS = {"", "و", "ف"};
    private static final String[] PREPOSITIONS = {"", "ب", "ل", "ك"};
    private static final String PROCLITIC_LETTERS = "وفبلك";

    /**
     * A folded word as names are matched: without apostrophes, an Arabic word without its article, and أبو in
     * any case.
     */
    static String key(String folded) {
        String word = folded;
        if (containsAny(word, APOSTROPHES)) {
            var kept = new StringBuilder(word.length());
            word.chars().filter(c -> APOSTROPHES.indexOf(c) < 0).forEach(c -> kept.append((char) c));
            if (!kept.isEmpty()) {
                word = kept.toString();
            }
        }
        if (word.length() >= 4 && word.startsWith("ال")) {
            word = word.substring(2);
        }
        // "أبو" takes its case in a sentence ("بأبي محمد", "أبا محمد"): one name whatever its case.
        if (word.equals("ابي") || word.equals("ابا")) {
            word = "ابو";
        }
        return word;
    }

    private static boolean containsAny(String word, String chars) {
        for (int i = 0; i < word.length(); i++) {
            if (chars.indexOf(word.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArabic(String word) {
        return !word.isEmpty() && word.charAt(0) >= '\u0600' && word.charAt(0) <= '\u06FF';
    }

    /** A text's words as key numbers (-1: no name has this word), with their offsets and proclitic readings. */
    private static final class Words {
        int count;
        int[] ids = new int[256];
        int[] starts = new int[256];
        int[] ends = new int[256];
        /** Per word, mostly null: pairs of (key number, letters skipped) for the word without its proclitics. */
        int @Nullable [][] proclitics = new int[256][];

        static Words read(String text, RegistryMatcher matcher) {
            var words = new Words();
            FoldedWords.forEach(text, (folded, start, end) -> words.add(matcher, folded, start, end));
            return words;
        }

        void add(RegistryMatcher matcher, String folded, int start, int end) {
            if (count == ids.length) {
                int size = count * 2;
                ids = Arrays.copyOf(ids, size);
                starts = Arrays.copyOf(starts, size);
                ends = Arrays.copyOf(ends, size);
                proclitics = Arrays.copyOf(proclitics, size);
            }
            ids[count] = matcher.keyIds.getOrDefault(key(folded), -1);
            starts[count] = start;
            ends[count] = end;
            proclitics[count] = isArabic(folded) && PROCLITIC_LETTERS.indexOf(folded.charAt(0)) >= 0
                    ? withoutProclitics(matcher, folded) : null;
            count++;
        }

        /** "وبحلب" as "حلب" (two letters skipped), "للجولاني" as "الجولاني" (one): the readings a name may start with. */
        private static int @Nullable [] withoutProclitics(RegistryMatcher matcher, String word) {
            int @Nullable [] found = null;
            for (String conjunction : CONJUNCTIONS) {
                for (String preposition : PREPOSITIONS) {
                    String prefix = conjunction + preposition;
                    if (prefix.isEmpty() || !word.startsWith(prefix) || word.length() - prefix.length() < 2) {
                        continue;
                    }
                    String rest = word.substring(prefix.length());
                    found = add(found, matcher.keyIds.getOrDefault(key(rest), -1), prefix.length());
                    if (preposition.equals("ل") && rest.startsWith("ل") && rest.length() >= 3) {
                        // "لل": the preposition with the article's alef dropped.
                        found = add(found, matcher.keyIds.getOrDefault(key("ا" + rest), -1), prefix.length());
                    }
                }
            }
            return found;
        }

        private static int @Nullable [] add(int @Nullable [] found, int id, int skip) {
            if (id < 0) {
                return found;
            }
            int[] more = found == null ? new int[2] : Arrays.copyOf(found, found.length + 2);
            more[more.length - 2] = id;
            more[more.length - 1] = skip;
            return more;
        }

        int length(int[] match) {
            return ends[match[1]] - starts[match[0]];
        }
    }

    // ---- building ----

    private static final class Builder {
        final List<RegistryEntry> entries = new ArrayList<>();
        final List<Refused> refused = new ArrayList<>();
        final Map<String, Integer> keyIds = new HashMap<>();
        final List<String> keys = new ArrayList<>();
        final Edges edges = new Edges(1024);
        int nodes = 1;
        int aliases;
        int[] parentOf = new int[1024];
        int[] keyOf = new int[1024];
        int @Nullable [][] meanings = new int[1024][];
        byte[] spelling = new byte[1024];
        final Set<String> stopWords = FoldedWords.stopWords();
        /** The Arabic article as transliterations write it before a hyphen: al-, el-, as-, ash-, ad-, an-, ar-, at-, az-. */
        static final Set<String> LATIN_ARTICLES = Set.of("al", "el", "as", "ash", "ad", "an", "ar", "at", "az", "adh");

        void add(RegistryEntry entry) {
            int index = entries.size();
            entries.add(entry);
            var names = new LinkedHashSet<String>();
            names.add(entry.name());
            names.addAll(entry.aliases());
            for (String name : names) {
                var folded = new ArrayList<String>();
                var written = new ArrayList<String>();
                int[] firstGap = {-1, -1};
                FoldedWords.forEach(name, (word, start, end) -> {
                    if (folded.size() == 1) {
                        firstGap[1] = start;
                    } else if (folded.isEmpty()) {
                        firstGap[0] = end;
                    }
                    folded.add(word);
                    written.add(name.substring(start, end));
                });
                boolean hyphenatedArticle = folded.size() >= 2 && name.substring(firstGap[0], firstGap[1]).strip().equals("-");
                String reason = refusal(folded);
                if (reason != null) {
                    refused.add(new Refused(entry, name, reason));
                    continue;
                }
                boolean acronym = isAcronym(written);
                if (insert(folded, index, acronym)) {
                    aliases++;
                }
                // "al-Julani" is also written "Julani": the transliterated article is optional, as the Arabic one is.
                if (hyphenatedArticle && LATIN_ARTICLES.contains(folded.getFirst())
                        && refusal(folded.subList(1, folded.size())) == null) {
                    insert(folded.subList(1, folded.size()), index, acronym);
                }
            }
        }

        /** The alias's path in the trie, meaning the entry; whether the path named nothing before. */
        private boolean insert(List<String> folded, int index, boolean acronym) {
            int node = ROOT;
            for (String word : folded) {
                node = child(node, keyId(key(word)));
            }
            boolean fresh = meanings[node] == null;
            if (fresh) {
                meanings[node] = new int[] {index};
            } else if (meanings[node][meanings[node].length - 1] != index) {
                int[] more = Arrays.copyOf(meanings[node], meanings[node].length + 1);
                more[more.length - 1] = index;
                meanings[node] = more;
            }
            spelling[node] |= acronym ? ACRONYM : WORD;
            return fresh;
        }

        /** Why an alias would flood a text, or null when it is a name. */
        private @Nullable String refusal(List<String> words) {
            if (words.isEmpty()) {
                return NO_LETTERS;
            }
            if (words.stream().allMatch(w -> w.chars().allMatch(Character::isDigit))) {
                return NUMBER;
            }
            if (words.stream().mapToInt(w -> key(w).codePointCount(0, key(w).length())).sum() < 2) {
                return ONE_LETTER;
            }
            if (words.stream().allMatch(w -> stopWords.contains(w) || stopWords.contains(key(w)))) {
                return COMMON_WORD;
            }
            return null;
        }

        /** "US", "SDF", "HTS": one word of two to five Latin capitals, as the alias writes it. */
        private static boolean isAcronym(List<String> written) {
            if (written.size() != 1) {
                return false;
            }
            String word = written.getFirst();
            return word.length() >= 2 && word.length() <= 5 && word.chars().allMatch(c -> c >= 'A' && c <= 'Z')
                    && word.equals(word.toUpperCase(Locale.ROOT));
        }

        private int keyId(String key) {
            Integer id = keyIds.get(key);
            if (id == null) {
                id = keys.size();
                keys.add(key);
                keyIds.put(key, id);
            }
            return id;
        }

        private int child(int node, int key) {
            int child = edges.child(node, key);
            if (child >= 0) {
                return child;
            }
            if (nodes == parentOf.length) {
                int size = nodes * 2;
                parentOf = Arrays.copyOf(parentOf, size);
                keyOf = Arrays.copyOf(keyOf, size);
                meanings = Arrays.copyOf(meanings, size);
                spelling = Arrays.copyOf(spelling, size);
            }
            child = nodes++;
            parentOf[child] = node;
            keyOf[child] = key;
            edges.put(node, key, child);
            return child;
        }
    }

    /** The trie's edges, (node, key) → child, open-addressed in two arrays: no object per edge. */
    private static final class Edges {
        private long[] slots;
        private int[] children;
        private int size;

        Edges(int capacity) {
            int slotsNeeded = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
            slots = new long[slotsNeeded];
            Arrays.fill(slots, -1L);
            children = new int[slotsNeeded];
        }

        int child(int node, int key) {
            long wanted = ((long) node << 32) | (key & 0xFFFFFFFFL);
            int mask = slots.length - 1;
            for (int at = mix(wanted) & mask; ; at = (at + 1) & mask) {
                if (slots[at] == wanted) {
                    return children[at];
                }
                if (slots[at] == -1L) {
                    return -1;
                }
            }
        }

        void put(int node, int key, int child) {
            if ((size + 1) * 4 > slots.length * 3) {
                grow(slots.length * 2);
            }
            insert(((long) node << 32) | (key & 0xFFFFFFFFL), child);
            size++;
        }

        /** The same edges in a table about half full (what the built matcher keeps). */
        Edges trimmed() {
            var trimmed = new Edges(Math.max(16, size));
            for (int at = 0; at < slots.length; at++) {
                if (slots[at] != -1L) {
                    trimmed.insert(slots[at], children[at]);
                    trimmed.size++;
                }
            }
            return trimmed;
        }

        private void grow(int length) {
            long[] oldSlots = slots;
            int[] oldChildren = children;
            slots = new long[length];
            Arrays.fill(slots, -1L);
            children = new int[length];
            for (int at = 0; at < oldSlots.length; at++) {
                if (oldSlots[at] != -1L) {
                    insert(oldSlots[at], oldChildren[at]);
                }
            }
        }

        private void insert(long edge, int child) {
            int mask = slots.length - 1;
            int at = mix(edge) & mask;
            while (slots[at] != -1L) {
                at = (at + 1) & mask;
            }
            slots[at] = edge;
            children[at] = child;
        }

        private static int mix(long edge) {
            long h = edge * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}

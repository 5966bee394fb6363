package org.annals.suggest;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.annals.entity.EntityKind;
import org.annals.search.lucene.FoldedWords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Names the registry lacks, offered as "new entity?" with the kind they look like, ranked below everything else:
 * in English, runs of capitalised words with their particles ("Abu Mohammad al-Julani", "Hayat Tahrir al-Sham",
 * "Tal Rifaat", "Battle of Aleppo"), at least two capitalised words (a title before them is left out and makes
 * the name a person's: "President Bashar al-Assad");
 * in Arabic, which has no capitals, the patterns names take (أبو X, عبد X, X بن Y, a group's or a place's word
 * followed by its name: هيئة تحرير الشام, لواء المهاجرين والأنصار, تل رفعت, مدينة سراقب). A capitalised word
 * that starts a sentence and is written in lower case elsewhere in the text ("Rebels", "Opposition") is not part
 * of a name, nor are common words, months and weekdays. A name overlapping a registry match is left out: that
 * one is the registry's. Words come from search's analyser ({@link FoldedWords}), as the registry's do.
 * <p>
 * The proposed kind comes from the words: a title or a personal-name pattern (Abu, bin, عبد) makes a person;
 * Brigade, Division, لواء, فرقة a military unit; Front, Army, Forces, Movement, جبهة, هيئة, جيش a group; Tal, Jabal,
 * "the town of", مدينة, قرية a place; nothing: other.
 */
@Component
public class NewNameRecogniser implements Recogniser {

    /** Below the registry ({@link RegistryRecogniser#RANK}) and dates and figures: a guess from the shape of words. */
    static final double RANK = 0.3;

    /** Lower-case words that may stand between two capitalised words of one name ("al-Sham", "Battle of Aleppo"). */
    private static final Set<String> PARTICLES = Set.of("al", "el", "ad", "ed", "as", "ash", "at", "az", "an", "ar",
            "adh", "ibn", "bin", "bint", "wal", "abu", "of", "de", "du", "la", "le", "van", "von", "der", "den");
    /** Words before a name that make it a person's and are not part of it. */
    private static final Set<String> TITLES = Set.of("president", "general", "colonel", "col", "major", "brigadier",
            "lieutenant", "captain", "sheikh", "shaykh", "dr", "mr", "mrs", "ms", "minister", "commander", "emir",
            "imam", "king", "prince", "sultan", "lt", "gen", "maj", "sgt", "sergeant", "prime", "foreign", "defence",
            "defense", "leader", "chief", "spokesman", "spokesperson", "envoy", "ambassador");
    private static final Set<String> PERSON_WORDS = Set.of("abu", "umm", "ibn", "bin", "bint");
    private static final Set<String> UNIT_WORDS = Set.of("brigade", "brigades", "division", "regiment", "battalion",
            "battalions", "corps", "squadron", "liwa", "katibat", "firqa", "faylaq");
    private static final Set<String> GROUP_WORDS = Set.of("front", "army", "forces", "force", "movement", "party",
            "council", "government", "organization", "organisation", "group", "militia", "militias", "units", "command",
            "committee", "legion", "guard", "guards", "jaysh", "jabhat", "harakat", "hayat", "tahrir", "ahrar",
            "administration", "coalition", "alliance", "state", "room", "operations", "company", "agency", "ministry",
            "authority");
    private static final Set<String> PLACE_WORDS = Set.of("tal", "tell", "jabal", "jebel", "mount", "ras", "kafr",
            "deir", "ain", "khan", "maarat", "city", "governorate", "district", "province", "airport", "airbase", "base",
            "village", "town", "mountain", "mountains", "river", "valley", "square", "bridge", "prison", "highway",
            "road", "plain", "countryside", "camp", "dam", "crossing", "subdistrict", "nahiya");
    private static final Set<String> PLACE_BEFORE = Set.of("town", "village", "city", "towns", "villages", "cities",
            "neighbourhood", "neighborhood", "district", "region", "area");
    private static final Set<String> CALENDAR = calendarWords();

    private static final Set<String> AR_PERSON_START = folded("أبو", "عبد");
    private static final Set<String> AR_UNITS = folded("لواء", "فرقة", "كتيبة", "فيلق", "كتائب", "ألوية");
    private static final Set<String> AR_GROUPS = folded("جبهة", "هيئة", "جيش", "حركة", "تجمع", "غرفة", "قوات",
            "تنظيم", "حزب", "مجلس", "فصيل");
    /** Place words that are part of the name (تل رفعت) and words before a name that say it is a place (مدينة حلب). */
    private static final Set<String> AR_PLACE_NAMED = folded("تل", "جبل", "رأس", "كفر", "دير", "عين", "خان", "معرة",
            "سد", "مطار");
    private static final Set<String> AR_PLACE_BEFORE = folded("مدينة", "بلدة", "قرية", "محافظة", "ريف", "بلدات",
            "قرى", "مدن", "حي", "منطقة", "ناحية");
    private static final String AR_PROCLITICS = "وفبلك";
    /** Words before a name in quotes: an operation's or a battle's (عملية "ردع العدوان"). */
    private static final Set<String> AR_NAMED_IN_QUOTES = folded("عملية", "معركة");
    /** Directions after a place's name ("ريف إدلب الجنوبي"): they say which part, they are not the name. */
    private static final Set<String> AR_DIRECTIONS = folded("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشمالية",
            "الجنوبية", "الشرقية", "الغربية", "الأوسط");

    @Override
    public SuggestionKind kind() {
        return SuggestionKind.NEW_NAME;
    }

    @Override
    public List<Suggestion> recognise(Reading reading) {
        String text = reading.text();
        if (text.isEmpty()) {
            return List.of();
        }
        List<FoldedWords.Word> words = reading.words();
        var found = new ArrayList<Suggestion>();
        english(text, words, lowerCaseWords(text, words), found);
        arabic(text, words, found);
        List<RegistryMatcher.Match> registered = reading.registryMatches();
        found.sort(Comparator.comparingInt(Suggestion::start).thenComparingInt(s -> s.start() - s.end()));
        var kept = new ArrayList<Suggestion>();
        int registryAt = 0;
        for (Suggestion name : found) {
            if (!kept.isEmpty() && kept.getLast().end() > name.start()) {
                continue;
            }
            while (registryAt < registered.size() && registered.get(registryAt).end() <= name.start()) {
                registryAt++;
            }
            if (registryAt < registered.size() && registered.get(registryAt).start() < name.end()) {
                continue;
            }
            kept.add(name);
        }
        return kept;
    }

    // ---- English: capitalised words ----

    private static void english(String text, List<FoldedWords.Word> words, Set<String> lowerCase, List<Suggestion> found) {
        int i = 0;
        while (i < words.size()) {
            if (!capitalised(text, words.get(i))) {
                i++;
                continue;
            }
            // The run: capitalised words, and particles between two of them ("Tahrir al-Sham", "Battle of Aleppo").
            int last = i;
            int j = i;
            while (j + 1 < words.size() && joins(text, words.get(j), words.get(j + 1))) {
                FoldedWords.Word next = words.get(j + 1);
                if (capitalised(text, next)) {
                    j++;
                    last = j;
                } else if (isParticle(text, next) && j + 2 < words.size() && joins(text, next, words.get(j + 2))
                        && (capitalised(text, words.get(j + 2)) || isParticle(text, words.get(j + 2)))) {
                    j++;
                } else {
                    break;
                }
            }
            name(text, words, i, last, lowerCase, found);
            i = Math.max(last, j) + 1;
        }
    }

    /** The name in the run of words {@code [first, last]}, trimmed of what is not a name, if one is left. */
    private static void name(String text, List<FoldedWords.Word> words, int first, int last, Set<String> lowerCase,
            List<Suggestion> found) {
        int from = first;
        boolean titled = false;
        // A sentence's first word written in lower case elsewhere is a word, not a name; so is a common word.
        if (sentenceStart(text, words.get(from).start()) && lowerCase.contains(words.get(from).folded())
                || FoldedWords.stopWords().contains(words.get(from).folded())) {
            from++;
        }
        while (from <= last && TITLES.contains(words.get(from).folded())) {
            titled = true;
            from++;
        }
        while (from <= last && PARTICLES.contains(words.get(from).folded()) && !PERSON_WORDS.contains(words.get(from).folded())) {
            from++;
        }
        int to = last;
        while (to >= from && PARTICLES.contains(words.get(to).folded())) {
            to--;
        }
        if (from > to) {
            return;
        }
        long capitals = words.subList(from, to + 1).stream().filter(w -> capitalised(text, w)).count();
        if (capitals < 2) {
            return;
        }
        List<String> folded = words.subList(from, to + 1).stream().map(w -> RegistryMatcher.key(w.folded())).toList();
        EntityKind kind = titled ? EntityKind.PERSON : kindOf(folded, words, from);
        int start = words.get(from).start();
        int end = words.get(to).end();
        found.add(new Suggestion(SuggestionKind.NEW_NAME, start, end, text.substring(start, end),
                new Suggestion.NewName(kind), RANK));
    }

    private static EntityKind kindOf(List<String> name, List<FoldedWords.Word> words, int from) {
        if (name.stream().anyMatch(UNIT_WORDS::contains)) {
            return EntityKind.MILITARY_UNIT;
        }
        if (name.stream().anyMatch(GROUP_WORDS::contains)) {
            return EntityKind.ORGANIZATION;
        }
        String before = from >= 2 && words.get(from - 1).folded().equals("of") ? words.get(from - 2).folded() : "";
        if (name.stream().anyMatch(PLACE_WORDS::contains) || PLACE_BEFORE.contains(before)) {
            return EntityKind.PLACE;
        }
        if (PERSON_WORDS.contains(name.getFirst()) || name.stream().anyMatch(w -> w.equals("bin") || w.equals("ibn"))
                || name.size() >= 3 && name.get(name.size() - 2).equals("al") && !name.getFirst().equals("al")) {
            return EntityKind.PERSON;
        }
        return EntityKind.OTHER;
    }

    /** A Latin word written with a capital, not a month or a weekday, not a number. */
    private static boolean capitalised(String text, FoldedWords.Word word) {
        char first = text.charAt(word.start());
        return Character.isUpperCase(first) && Character.UnicodeScript.of(first) == Character.UnicodeScript.LATIN
                && !CALENDAR.contains(word.folded());
    }

    private static boolean isParticle(String text, FoldedWords.Word word) {
        return PARTICLES.contains(word.folded()) && Character.isLowerCase(text.charAt(word.start()));
    }

    /** Two words of one name: apart by spaces, one line break, a hyphen or an apostrophe; never a full stop. */
    private static boolean joins(String text, FoldedWords.Word a, FoldedWords.Word b) {
        int lineBreaks = 0;
        for (int i = a.end(); i < b.start(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineBreaks++;
            } else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\u00A0' || "-\u2010\u2011'\u2019".indexOf(c) >= 0)) {
                return false;
            }
        }
        return lineBreaks <= 1 && b.start() > a.end();
    }

    /** Whether a word starts a sentence, a line or a list item; citation markers before it ("[13] Various") do not count. */
    private static boolean sentenceStart(String text, int at) {
        int i = at - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c == ']' && text.lastIndexOf('[', i) >= 0 && i - text.lastIndexOf('[', i) <= 40) {
                i = text.lastIndexOf('[', i) - 1;
            } else if (Character.isWhitespace(c) || "\"'“‘([".indexOf(c) >= 0) {
                i--;
            } else {
                break;
            }
        }
        return i < 0 || ".!?:;|=*-•".indexOf(text.charAt(i)) >= 0;
    }

    /** Folded words the text writes in lower case somewhere: common words, whatever their case at a sentence's start. */
    private static Set<String> lowerCaseWords(String text, List<FoldedWords.Word> words) {
        var lower = new HashSet<String>();
        for (FoldedWords.Word word : words) {
            if (Character.isLowerCase(text.charAt(word.start()))) {
                lower.add(word.folded());
            }
        }
        return lower;
    }

    /** Arabic words as the analyser folds them (ة as ه, أ as ا, ئ as ي), written here as people write them. */
    private static Set<String> folded(String... words) {
        return Arrays.stream(words).map(FoldedWords::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Set<String> calendarWords() {
        var symbols = DateFormatSymbols.getInstance(ULocale.ENGLISH);
        return Stream.of(symbols.getMonths(), symbols.getShortMonths(), symbols.getWeekdays(), symbols.getShortWeekdays())
                .flatMap(Arrays::stream).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    // ---- Arabic: the patterns names take ----

    private static void arabic(String text, List<FoldedWords.Word> words, List<Suggestion> found) {
        for (int i = 0; i < words.size(); i++) {
            FoldedWords.Word word = words.get(i);
            if (!isArabic(word)) {
                continue;
            }
            int skip = 0;
            String cue = word.folded();
            if (!isCue(cue) && cue.length() > 2 && AR_PROCLITICS.indexOf(cue.charAt(0)) >= 0 && isCue(cue.substring(1))) {
                skip = 1;
                cue = cue.substring(1);
            }
            Span span = null;
            if (AR_PERSON_START.contains(cue)) {
                span = arabicName(text, words, i, i + 1, skip, EntityKind.PERSON);
            } else if (cue.equals("بن") && i > 0 && nameWord(text, words, i - 1, i)) {
                span = arabicName(text, words, i - 1, i + 1, 0, EntityKind.PERSON);
            } else if (AR_UNITS.contains(cue) || AR_GROUPS.contains(cue)) {
                span = arabicGroup(text, words, i, skip, AR_UNITS.contains(cue) ? EntityKind.MILITARY_UNIT
                        : EntityKind.ORGANIZATION);
            } else if (AR_PLACE_NAMED.contains(cue)) {
                span = arabicName(text, words, i, i + 1, skip, EntityKind.PLACE);
            } else if (AR_NAMED_IN_QUOTES.contains(cue)) {
                span = quoted(text, words, i);
            } else if (AR_PLACE_BEFORE.contains(cue) && i + 1 < words.size()) {
                span = arabicName(text, words, i + 1, i + 1, 0, EntityKind.PLACE);
            }
            if (span != null) {
                found.add(new Suggestion(SuggestionKind.NEW_NAME, span.start, span.end, text.substring(span.start,
                        span.end), new Suggestion.NewName(span.kind), RANK));
            }
        }
    }

    private record Span(int start, int end, EntityKind kind) {
    }

    private static boolean isCue(String word) {
        return AR_PERSON_START.contains(word) || AR_UNITS.contains(word) || AR_GROUPS.contains(word)
                || AR_PLACE_NAMED.contains(word) || AR_PLACE_BEFORE.contains(word) || AR_NAMED_IN_QUOTES.contains(word);
    }

    /**
     * A name from word {@code first}: the words up to {@code next} and the one after it, and then one more when it
     * carries the article ("أبو محمد الجولاني", "عبد الرحمن", "تل رفعت", "معرة النعمان").
     */
    private static @Nullable Span arabicName(String text, List<FoldedWords.Word> words, int first, int next, int skip,
            EntityKind kind) {
        if (!nameWord(text, words, next - 1 < first ? first : next - 1, next)) {
            return null;
        }
        int last = next;
        if (last + 1 < words.size() && nameWord(text, words, last, last + 1)
                && !AR_DIRECTIONS.contains(words.get(last + 1).folded())
                && (words.get(last + 1).folded().startsWith("ال") != words.get(next).folded().startsWith("ال"))) {
            // "محمد الجولاني", "معرة النعمان"; and after a word with the article one without ("الشيخ مقصود").
            last++;
        }
        return new Span(words.get(first).start() + skip, words.get(last).end(), kind);
    }

    /** The words in quotes right after word {@code cue}, at most five: an operation's name ("ردع العدوان"). */
    private static @Nullable Span quoted(String text, List<FoldedWords.Word> words, int cue) {
        if (cue + 1 >= words.size() || !opensQuote(text.substring(words.get(cue).end(), words.get(cue + 1).start()))) {
            return null;
        }
        for (int w = cue + 1; w <= cue + 5 && w < words.size(); w++) {
            int after = w + 1 < words.size() ? words.get(w + 1).start() : text.length();
            String gap = text.substring(words.get(w).end(), after);
            if (gap.chars().anyMatch(c -> "\"»”".indexOf(c) >= 0)) {
                return new Span(words.get(cue + 1).start(), words.get(w).end(), EntityKind.OTHER);
            }
            if (!gap.isBlank()) {
                return null;
            }
        }
        return null;
    }

    private static boolean opensQuote(String gap) {
        return !gap.isEmpty() && gap.strip().length() == 1 && "\"«“".indexOf(gap.strip().charAt(0)) >= 0;
    }

    /** A group's word and its name, up to the first word with the article, at most three ("هيئة تحرير الشام"). */
    private static @Nullable Span arabicGroup(String text, List<FoldedWords.Word> words, int cue, int skip, EntityKind kind) {
        int last = -1;
        for (int w = cue + 1; w <= cue + 3 && nameWord(text, words, w - 1, w); w++) {
            String folded = words.get(w).folded();
            if (folded.startsWith("ال")) {
                last = w;
                // "المهاجرين والأنصار": a second name joined by "and" belongs to it.
                if (w + 1 < words.size() && nameWord(text, words, w, w + 1) && words.get(w + 1).folded().startsWith("وال")) {
                    last = w + 1;
                }
                break;
            }
        }
        if (last < 0) {
            return null;
        }
        return new Span(words.get(cue).start() + skip, words.get(last).end(), kind);
    }

    /** Word {@code w} may be part of a name after word {@code before}: Arabic, next to it, not a common word. */
    private static boolean nameWord(String text, List<FoldedWords.Word> words, int before, int w) {
        if (w >= words.size() || w < 0) {
            return false;
        }
        FoldedWords.Word word = words.get(w);
        if (!isArabic(word) || FoldedWords.stopWords().contains(word.folded()) || isCue(word.folded())) {
            return false;
        }
        if (before == w) {
            return true;
        }
        for (int i = words.get(before).end(); i < word.start(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\n' && i > words.get(before).end()
                    && text.charAt(i - 1) == '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isArabic(FoldedWords.Word word) {
        char c = word.folded().isEmpty() ? ' ' : word.folded().charAt(0);
        return c >= '\u0620' && c <= '\u064A';
    }
}

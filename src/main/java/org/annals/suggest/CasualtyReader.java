package org.annals.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.event.prefill.FoldedText;
import org.jspecify.annotations.Nullable;

/**
 * Reads the casualty figures a text reports, in English and Arabic, as people count them: the killed ("killed at
 * least 40", "40 people were killed", "between 40 and 60 dead", "the death toll rose to 45", "مقتل ٤٠ شخصا", "40
 * قتيلا"), the injured ("injured 62 others", "٣٠ جريحا"), or both together ("killing and injuring 16", "30
 * casualties"); of civilians or combatants when the words say so ("killed 11 civilians", "20 fighters dead"); in
 * digits or words ("twelve", "twenty-three"); a number or a range ("40-60"); exact, "at least" ("more than", "500+",
 * "ما لا يقل عن") or "about" ("nearly", "نحو"). Counts without a number ("dozens", "hundreds", "عشرات") are read as
 * the least they mean, "at least" (decision 0033). "Up to 40" is neither a number nor a floor, so it gives nothing.
 */
final class CasualtyReader {

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+\\+?|\\d+\\+?|" + NumberWords.SPELLED + "|"
            + NumberWords.VAGUE + ")(?![\\p{L}\\d])"
            // "killed 5 December": a day, not a toll
            + "(?!\\s+(?:january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?![\\p{L}]))";
    private static final String QUALIFIER = "(at\\s+least|more\\s+than|over|some|about|around|nearly|almost|up\\s+to"
            + "|approximately|an\\s+estimated|roughly|as\\s+many\\s+as)";
    /** What a figure counts; the forms of both together first, so that "killed and injured" is not read as killed. */
    private static final String OUTCOME = "((?:killed|dead)\\s+(?:and|or)\\s+(?:injured|wounded)|casualties|killed|dead"
            + "|died|dying|deaths|fatalities|lost\\s+their\\s+lives|injured|wounded|injuries)(?![\\p{L}\\d])";
    /**
     * A word between a number and what it counts: it starts with a letter (an infobox's "- " is no word), and it
     * is not itself what befell them ("21 captured, 25 killed": the 21 were not killed) nor a verb of its own.
     */
    private static final String WORD = "(?!(?:killed|dead|died|dying|injured|wounded|captured|detained|arrested"
            + "|displaced|missing|abducted|kidnapped|fled|freed|released|were|was)(?![\\p{L}]))\\p{L}[\\p{L}'’-]*";
    private static final String VERB = "(kill(?:ed|ing|s)?(?:\\s+(?:and|or)\\s+(?:injur|wound)(?:ed|ing|es|s)?)?"
            + "|injur(?:ed|ing|es|e)|wound(?:ed|ing|s)?)";
    private static final String RANGE = "\\s*(?:-|–|—|to)\\s*";
    /** The word after a figure, which may say whose it is ("killed 11 civilians"); not part of the figure's words. */
    private static final String WHOSE_AFTER = "(?:(?=\\s+(?:other\\s+|more\\s+|of\\s+)?(?:the\\s+)?([\\p{L}]+)))?";
    private static final String WAS = "(?:(?:were|was|have\\s+been|had\\s+been|are|been|reportedly|reported|also)\\s+)*";

    private static final Pattern EN_BETWEEN = Pattern.compile("(?<![\\p{L}])(?:killing\\s+|killed\\s+)?between\\s+"
            + NUMBER + "\\s+and\\s+" + NUMBER + "((?:\\s+" + WORD + "){0,4}?)\\s+" + WAS + OUTCOME);
    private static final Pattern EN_TOLL = Pattern.compile("(?<![\\p{L}])death\\s+toll(?:\\s+[\\p{L}'’-]+){0,4}?\\s+"
            + "(?:rose\\s+to|rising\\s+to|reached|climbed\\s+to|stood\\s+at|of|at|to|was|is)\\s+(?:" + QUALIFIER + "\\s+)?"
            + NUMBER + "(?:" + RANGE + NUMBER + ")?");
    /** Verb first, then the number on the same line: "killed[c]\n13+" in an infobox is two lines, not one figure. */
    private static final Pattern EN_VERB_N = Pattern.compile("(?<![\\p{L}])" + VERB + "[^\\S\\n]+(?:" + QUALIFIER + "\\s+)?"
            + NUMBER + "(?:" + RANGE + NUMBER + ")?" + WHOSE_AFTER);
    /** Starts with a qualifier or a number: a digit or one of the letters such words start with, checked first. */
    private static final Pattern EN_N_OUTCOME = Pattern.compile("(?=[\\datofsenmdhur])(?<![\\p{L}\\d,])(?:" + QUALIFIER
            + "\\s+)?" + NUMBER
            + "(?:" + RANGE + NUMBER + ")?((?:\\s+[\\p{L}'’-]+){0,8}?)\\s+" + WAS + OUTCOME);

    private static final String NUMBER_NC = NUMBER.replaceFirst("^\\(", "(?:");
    private static final String QUALIFIER_NC = QUALIFIER.replaceFirst("^\\(", "(?:");
    private static final String ITEM = "(?:" + QUALIFIER_NC + "\\s+)?" + NUMBER_NC + "(?:\\s+" + WORD + "){1,6}?";
    private static final String ITEM_SEPARATOR = "(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)";
    /** "at least 48 HTS fighters, 5 SNA fighters and 34 SAA soldiers were killed": one figure per number. */
    private static final Pattern EN_LIST = Pattern.compile("(?<![\\p{L}\\d,])" + ITEM + "(?:" + ITEM_SEPARATOR + ITEM
            + "){1,5}\\s+" + WAS + OUTCOME);
    /** One number of such a list and its words, up to the next number or the outcome. */
    private static final Pattern EN_ITEM = Pattern.compile("(?<![\\p{L}\\d,])(?:" + QUALIFIER + "\\s+)?" + NUMBER
            + "((?:\\s+" + WORD + "){1,6}?)(?=" + ITEM_SEPARATOR + "(?:" + QUALIFIER_NC + "\\s+)?" + NUMBER_NC + "|\\s+"
            + WAS + OUTCOME + ")");
    private static final String AR_QUALIFIER = "(" + folded("ما لا يقل عن|أكثر من|نحو|حوالي|قرابة") + ")";
    private static final String AR_NUMBER = "(\\d{1,3}(?:[,٬]\\d{3})+|\\d+|" + folded("عشرات|مئات|آلاف") + ")(?![\\p{L}\\d])";
    private static final String AR_OUTCOME = "(?:ال)?(" + folded("قتيلاً|قتيل|قتلى|جريحاً|جريح|جرحى|مصاباً|مصابين")
            + ")(?![\\p{L}])";
    private static final Pattern AR_BETWEEN = Pattern.compile("بين\\s+" + AR_NUMBER + "\\s+و\\s*" + AR_NUMBER + "\\s+"
            + AR_OUTCOME);
    private static final Pattern AR_VERB_N = Pattern.compile("(?<![\\p{L}])(?:[وف]?ب?)(" + folded("مقتل|قتل|وفاة"
            + "|استشهاد|إصابة|جرح") + ")\\s+(?:" + AR_QUALIFIER + "\\s+)?" + AR_NUMBER + WHOSE_AFTER);
    private static final String AR_NUMBER_NC = AR_NUMBER.replaceFirst("^\\(", "(?:");
    private static final String AR_ITEM = "(?:" + AR_QUALIFIER.replaceFirst("^\\(", "(?:") + "\\s+)?" + AR_NUMBER_NC
            + "(?:\\s+[\\p{L}]+){1,5}?";
    /** The verb after the count: "37 عنصراً من قوات النظام و60 مقاتلاً من الفصائل قتلوا". */
    private static final String AR_VERB_AFTER = "(?:قد\\s+)?(" + folded("قتلوا|قتلو|لقوا حتفهم|أصيبوا|جرحوا") + ")(?![\\p{L}])";
    private static final Pattern AR_LIST = Pattern.compile("(?<![\\p{L}\\d])" + AR_ITEM + "(?:\\s+و?\\s*" + AR_ITEM
            + "){0,4}\\s+" + AR_VERB_AFTER);
    private static final Pattern AR_ITEM_ONE = Pattern.compile("(?:" + AR_QUALIFIER + "\\s+)?" + AR_NUMBER
            + "((?:\\s+[\\p{L}]+){1,5}?)(?=\\s+و?\\s*" + AR_NUMBER_NC + "|\\s+" + AR_VERB_AFTER + ")");
    private static final Pattern AR_N_OUTCOME = Pattern.compile("(?:" + AR_QUALIFIER + "\\s+)?" + AR_NUMBER
            + "\\s+(?:من\\s+)?" + AR_OUTCOME);

    /** A count without a number in the words of a figure: such a figure ranks below one with a number. */
    private static final Pattern VAGUE_WORDS = Pattern.compile("(?<![\\p{L}])(?:" + NumberWords.VAGUE + "|(?:"
            + folded("عشرات|مئات|آلاف") + ")(?![\\p{L}]))");
    /** How much less sure a floor read from "dozens" is than a number the text gives. */
    static final double VAGUE_RANK_FACTOR = 0.8;

    private static final java.util.Map<String, Integer> AR_FLOORS = java.util.Map.of(folded("عشرات"), 20,
            folded("مئات"), 200, folded("آلاف"), 2000);

    private CasualtyReader() {
    }

    /** Words without which no English figure is read ({@link Cues}): what befell people. */
    private static final long CASUALTY_WORD = Cues.FIRST_WORD_BIT;
    private static final Map<String, Long> CUE_WORDS = Stream.of("kill", "killed", "killing", "kills", "dead", "died",
            "dying", "death", "deaths", "fatalities", "lives", "injure", "injured", "injuring", "injures", "injuries",
            "wound", "wounded", "wounding", "wounds", "casualties").collect(Collectors.toUnmodifiableMap(w -> w,
            w -> CASUALTY_WORD));
    /*
     * English figures are read near a word for what befell people, each pattern as far as its words reach from
     * it: "between 1,000 and 2,000 residents of the old city have reportedly been killed" about 130 chars before
     * the outcome, "at least twenty-three (eight words) were reportedly also killed" up to 200, "killed and injured
     * at least 1,200 people" and "the death toll (four words) climbed to approximately 1,200" after the word.
     * Generous: a wider stretch costs a little time, a narrower one a figure.
     */
    private static final Cues.Where BEFORE_OUTCOME = Cues.near(CASUALTY_WORD, 200, 24, Cues.any(CASUALTY_WORD));
    private static final Cues.Where AFTER_VERB = Cues.near(CASUALTY_WORD, 4, 110, Cues.any(CASUALTY_WORD));
    private static final Cues.Where AFTER_TOLL = Cues.near(CASUALTY_WORD, 4, 180, Cues.any(CASUALTY_WORD));
    /** A list ("48 HTS fighters, 5 SNA fighters and 34 SAA soldiers were killed") may be long: its paragraph. */
    private static final Cues.Where ENGLISH_LIST = Cues.in(Cues.any(CASUALTY_WORD));
    private static final Cues.Where ARABIC = Cues.in(Cues.any(Cues.ARABIC));

    static List<Suggestion> read(String original, double rank) {
        return read(PlainText.of(original), rank);
    }

    /** The figures of a text already made plain (a {@link org.annals.suggest.Reading} shares it with the dates). */
    static List<Suggestion> read(PlainText plain, double rank) {
        var text = new Cued(plain, Cues.of(plain.text(), CUE_WORDS));
        var spans = new Spans();
        var found = new ArrayList<Suggestion>();
        each(EN_BETWEEN, BEFORE_OUTCOME, text, spans, found, rank, m -> figure(category(m.group(4)), party(m.group(3)), null,
                m.group(1), m.group(2)));
        each(AR_BETWEEN, ARABIC, text, spans, found, rank, m -> figure(category(m.group(3)), CasualtyParty.ALL, null,
                m.group(1), m.group(2)));
        lists(EN_LIST, EN_ITEM, ENGLISH_LIST, text, spans, found, rank, (list, item) -> figure(category(list.group(list.groupCount())),
                party(item.group(3)), item.group(1), item.group(2), null));
        lists(AR_LIST, AR_ITEM_ONE, ARABIC, text, spans, found, rank, (list, item) -> figure(category(list.group(
                list.groupCount())), party(item.group(3)), item.group(1), item.group(2), null));
        each(EN_TOLL, AFTER_TOLL, text, spans, found, rank, m -> figure(CasualtyCategory.KILLED, CasualtyParty.ALL, m.group(1),
                m.group(2), m.group(3)));
        each(EN_VERB_N, AFTER_VERB, text, spans, found, rank, m -> plain.markerWithin(m.end(1), m.start(3)) ? null : figure(category(m.group(1)), party(m.group(5)), m.group(2),
                m.group(3), m.group(4)));
        each(EN_N_OUTCOME, BEFORE_OUTCOME, text, spans, found, rank, m -> m.group(2).equals("one") ? null // "one of them was killed"
                : figure(category(m.group(5)), party(m.group(4)), m.group(1), m.group(2), m.group(3)));
        each(AR_VERB_N, ARABIC, text, spans, found, rank, m -> figure(category(m.group(1)), party(m.group(4)), m.group(2),
                m.group(3), null));
        each(AR_N_OUTCOME, ARABIC, text, spans, found, rank, m -> figure(category(m.group(3)), CasualtyParty.ALL,
                m.group(1), m.group(2), null));
        found.sort(Comparator.comparingInt(Suggestion::start));
        return found;
    }

    private interface Reading {
        @Nullable Casualties figure(Matcher m);
    }

    /** A plain text and its cues. */
    private record Cued(PlainText plain, Cues cues) {
    }

    private static void each(Pattern pattern, Cues.Where where, Cued text, Spans spans, List<Suggestion> found,
            double rank, Reading reading) {
        PlainText plain = text.plain();
        where.find(text.cues(), pattern.matcher(plain.text()), m -> {
            if (spans.overlaps(m.start(), m.end())) {
                return;
            }
            Casualties figure = reading.figure(m);
            if (figure != null) {
                spans.take(m.start(), m.end());
                int start = plain.originalStart(m.start());
                int end = plain.originalEnd(m.end());
                boolean vague = VAGUE_WORDS.matcher(plain.text().substring(m.start(), m.end())).find();
                found.add(new Suggestion(SuggestionKind.FIGURE, start, end, plain.original().substring(start, end),
                        new Suggestion.Figure(figure), vague ? rank * VAGUE_RANK_FACTOR : rank));
            }
        });
    }

    private interface ItemReading {
        @Nullable Casualties figure(Matcher list, Matcher item);
    }

    /** A list of counts that share one outcome: each number is a figure with its own words. */
    private static void lists(Pattern listPattern, Pattern itemPattern, Cues.Where where, Cued text, Spans spans,
            List<Suggestion> found, double rank, ItemReading reading) {
        PlainText plain = text.plain();
        where.find(text.cues(), listPattern.matcher(plain.text()), list -> {
            if (spans.overlaps(list.start(), list.end())) {
                return;
            }
            Matcher item = itemPattern.matcher(plain.text()).region(list.start(), list.end());
            item.useTransparentBounds(true);
            var figures = new ArrayList<Suggestion>();
            while (item.find()) {
                Casualties figure = reading.figure(list, item);
                if (figure != null) {
                    int start = plain.originalStart(item.start());
                    int end = plain.originalEnd(item.end());
                    figures.add(new Suggestion(SuggestionKind.FIGURE, start, end, plain.original().substring(start, end),
                            new Suggestion.Figure(figure), rank));
                }
            }
            if (figures.size() > 1) {
                spans.take(list.start(), list.end());
                found.addAll(figures);
            }
        });
    }

    private static @Nullable Casualties figure(CasualtyCategory category, CasualtyParty party,
            @Nullable String qualifier, String first, @Nullable String second) {
        Integer floor = floor(first);
        if (floor != null) {
            // "dozens", "hundreds": the least the word means, never more (decision 0033); "up to hundreds" says nothing
            return second != null || "up to".equals(normal(qualifier)) ? null
                    : new Casualties(category, party, floor, floor, CountQualifier.AT_LEAST);
        }
        Integer low = NumberWords.value(first.replace("+", ""));
        Integer high = second == null ? low : NumberWords.value(second.replace("+", ""));
        CountQualifier how = first.endsWith("+") && qualifier == null ? CountQualifier.AT_LEAST : qualifier(qualifier);
        if (low == null || high == null || high < low || high > Casualties.MAX || how == null || looksLikeYear(first)) {
            return null;
        }
        return new Casualties(category, party, low, high, how);
    }

    private static @Nullable Integer floor(String word) {
        Integer english = NumberWords.floor(word);
        if (english != null) {
            return english;
        }
        // "عشرات" (tens), "مئات" (hundreds), "آلاف" (thousands), each as its least
        return AR_FLOORS.get(word);
    }

    /** What the words count: "killed and injured" and "casualties" both, "injured" and "wounded" the injured. */
    private static CasualtyCategory category(String words) {
        String w = words.toLowerCase(Locale.ROOT);
        if (w.matches("(?s).*(?:and|or)\\s+(?:injur|wound).*") || w.equals("casualties")) {
            return CasualtyCategory.KILLED_AND_INJURED;
        }
        if (w.startsWith("injur") || w.startsWith("wound") || w.startsWith("اصاب") || w.startsWith("جر")
                || w.startsWith("مصاب")) {
            return CasualtyCategory.INJURED;
        }
        return CasualtyCategory.KILLED;
    }

    /** Whose figure the words say: civilians, combatants, or (nothing said) everyone. */
    private static CasualtyParty party(@Nullable String words) {
        if (words == null) {
            return CasualtyParty.ALL;
        }
        String w = words.toLowerCase(Locale.ROOT);
        if (w.matches("(?s).*(?<![\\p{L}])(?:civilians?|non-?combatants|children|women|(?:ال)?(?:" + folded("مدني|مدنيا|مدنيين")
                + "))(?![\\p{L}]).*")) {
            return CasualtyParty.CIVILIANS;
        }
        if (w.matches("(?s).*(?<![\\p{L}])(?:fighters|soldiers|troops|combatants|militants|rebels|gunmen|militiamen"
                + "|servicemen|personnel|insurgents|militia|militias|(?:ال)?(?:" + folded("عنصرا|عناصر|مقاتلا|مقاتلين|جنديا|جنود")
                + "))(?![\\p{L}]).*")) {
            return CasualtyParty.COMBATANTS;
        }
        return CasualtyParty.ALL;
    }

    /** "at least" and "more than" set a floor; "about", "nearly" and the like an estimate; "up to" is neither. */
    private static @Nullable CountQualifier qualifier(@Nullable String words) {
        String w = normal(words);
        if (w == null) {
            return CountQualifier.EXACTLY;
        }
        if (w.equals("up to") || w.equals("as many as")) {
            return null;
        }
        if (Stream.of("at least", "more than", "over", "ما لا يقل عن", "أكثر من").map(CasualtyReader::folded)
                .anyMatch(w::equals)) {
            return CountQualifier.AT_LEAST;
        }
        return CountQualifier.ABOUT;
    }

    private static @Nullable String normal(@Nullable String words) {
        return words == null ? null : words.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** "In 2024 ... were killed": a four-digit year is not a toll. */
    private static boolean looksLikeYear(String number) {
        return number.matches("(19|20)\\d\\d");
    }

    /** Arabic words as {@link FoldedText} folds the text ("|" keeps alternatives apart). */
    private static String folded(String words) {
        return Stream.of(words.split("\\|")).map(FoldedText::fold).collect(Collectors.joining("|"));
    }
}

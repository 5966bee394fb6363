package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.event.prefill.Suggestions.Found;
import org.jspecify.annotations.Nullable;

/**
 * Reads the casualty figures a passage reports, in English and Arabic, as people count them: the killed
 * ("killed at least 40", "40 people were killed", "between 40 and 60 dead", "مقتل ٤٠ شخصا", "40 قتيلا"), the
 * injured ("injured 62 others", "٣٠ جريحا"), or both together ("16 killed and injured", "30 casualties"); of
 * civilians or combatants when the words say so ("killed 11 civilians", "20 fighters dead"); a number or a
 * range; exact, "at least" ("more than", "ما لا يقل عن") or "about" ("nearly", "نحو"). A figure without a
 * number ("dozens", "hundreds") gives nothing, and so does "up to 40", which is neither.
 */
public final class CasualtyReader {

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("a hundred", 100), Map.entry("one hundred", 100));
    private static final String WORD_NUMBER = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a hundred|one hundred|eleven|twelve|thirteen"
            + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)";
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+|" + WORD_NUMBER + ")(?![\\p{L}\\d])";
    private static final String QUALIFIER = "(at\\s+least|more\\s+than|over|some|about|around|nearly|almost|up\\s+to"
            + "|approximately|an\\s+estimated)";
    /** What a figure counts; the forms of both together first, so that "killed and injured" is not read as killed. */
    private static final String OUTCOME = "((?:killed|dead)\\s+(?:and|or)\\s+(?:injured|wounded)|casualties|killed|dead"
            + "|died|deaths|fatalities|lost\\s+their\\s+lives|injured|wounded|injuries)(?![\\p{L}])";
    private static final String VERB = "(kill(?:ed|ing|s)?(?:\\s+(?:and|or)\\s+(?:injur|wound)(?:ed|ing|s)?)?"
            + "|injur(?:ed|ing|es|e)|wound(?:ed|ing|s)?)";
    private static final String RANGE = "\\s*(?:-|–|to)\\s*";
    /** The word after a figure, which may say whose it is ("killed 11 civilians"); not part of the figure's words. */
    private static final String WHOSE_AFTER = "(?:(?=\\s+(?:other\\s+|more\\s+)?([\\p{L}]+)))?";
    private static final String WAS = "(?:(?:were|was|have\\s+been|had\\s+been|are|been|reportedly|reported)\\s+)*";

    private static final Pattern EN_BETWEEN = Pattern.compile("(?<![\\p{L}])(?:killing\\s+|killed\\s+)?between\\s+"
            + NUMBER + "\\s+and\\s+" + NUMBER + "((?:\\s+[\\p{L}'’-]+){0,4}?)\\s+" + WAS + OUTCOME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_VERB_N = Pattern.compile("(?<![\\p{L}])" + VERB + "\\s+(?:" + QUALIFIER + "\\s+)?"
            + NUMBER + "(?:" + RANGE + NUMBER + ")?" + WHOSE_AFTER, Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_N_OUTCOME = Pattern.compile("(?<![\\p{L}\\d,])(?:" + QUALIFIER + "\\s+)?" + NUMBER
            + "(?:" + RANGE + NUMBER + ")?((?:\\s+[\\p{L}'’-]+){0,8}?)\\s+" + WAS + OUTCOME, Pattern.CASE_INSENSITIVE);
    private static final String AR_QUALIFIER = "(ما\\s+لا\\s+يقل\\s+عن|اكثر\\s+من|نحو|حوالي|قرابه)";
    private static final String AR_NUMBER = "(\\d{1,3}(?:[,٬]\\d{3})+|\\d+)(?![\\p{L}\\d])";
    private static final String AR_OUTCOME = "(قتيلا|قتيل|قتلي|جريحا|جريح|جرحي|مصابا|مصابين)(?![\\p{L}])";
    private static final Pattern AR_BETWEEN = Pattern.compile("بين\\s+" + AR_NUMBER + "\\s+و\\s*" + AR_NUMBER + "\\s+"
            + AR_OUTCOME);
    private static final Pattern AR_VERB_N = Pattern.compile("(?<![\\p{L}])(?:[وف]?ب?)(مقتل|قتل|وفاه|استشهاد|اصابه|جرح)\\s+(?:"
            + AR_QUALIFIER + "\\s+)?" + AR_NUMBER + WHOSE_AFTER);
    private static final Pattern AR_N_OUTCOME = Pattern.compile("(?:" + AR_QUALIFIER + "\\s+)?" + AR_NUMBER + "\\s+"
            + AR_OUTCOME);

    private CasualtyReader() {
    }

    public static List<Found<Casualties>> read(String passage) {
        FoldedText folding = FoldedText.of(passage);
        String text = folding.folded();
        var spans = new Spans();
        var found = new ArrayList<Found<Casualties>>();
        each(EN_BETWEEN, text, folding, spans, found, m -> figure(category(m.group(4)), party(m.group(3)), null,
                m.group(1), m.group(2)));
        each(AR_BETWEEN, text, folding, spans, found, m -> figure(category(m.group(3)), CasualtyParty.ALL, null,
                m.group(1), m.group(2)));
        each(EN_VERB_N, text, folding, spans, found, m -> figure(category(m.group(1)), party(m.group(5)), m.group(2),
                m.group(3), m.group(4)));
        each(EN_N_OUTCOME, text, folding, spans, found, m -> figure(category(m.group(5)), party(m.group(4)), m.group(1),
                m.group(2), m.group(3)));
        each(AR_VERB_N, text, folding, spans, found, m -> figure(category(m.group(1)), party(m.group(4)), m.group(2),
                m.group(3), null));
        each(AR_N_OUTCOME, text, folding, spans, found, m -> figure(category(m.group(3)), CasualtyParty.ALL,
                m.group(1), m.group(2), null));
        found.sort(java.util.Comparator.comparingInt(f -> f.span().start()));
        return found;
    }

    private interface Reading {
        @Nullable Casualties figure(Matcher m);
    }

    private static void each(Pattern pattern, String text, FoldedText folding, Spans spans,
            List<Found<Casualties>> found, Reading reading) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (spans.overlaps(m.start(), m.end())) {
                continue;
            }
            Casualties figure = reading.figure(m);
            if (figure != null) {
                spans.take(m.start(), m.end());
                found.add(new Found<>(figure, Spans.span(folding, m.start(), m.end())));
            }
        }
    }

    private static @Nullable Casualties figure(CasualtyCategory category, CasualtyParty party,
            @Nullable String qualifier, String first, @Nullable String second) {
        Integer low = number(first);
        Integer high = second == null ? low : number(second);
        CountQualifier how = qualifier(qualifier);
        if (low == null || high == null || high < low || high > Casualties.MAX || how == null || looksLikeYear(first)) {
            return null;
        }
        return new Casualties(category, party, low, high, how);
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
        if (w.matches("(?s).*(?<![\\p{L}])(?:civilians?|non-?combatants|مدني|مدنيا|مدنيين)(?![\\p{L}]).*")) {
            return CasualtyParty.CIVILIANS;
        }
        if (w.matches("(?s).*(?<![\\p{L}])(?:fighters|soldiers|troops|combatants|militants|rebels|gunmen|militiamen"
                + "|servicemen|personnel|عنصرا|عناصر|مقاتلا|مقاتلين|جنديا|جنود)(?![\\p{L}]).*")) {
            return CasualtyParty.COMBATANTS;
        }
        return CasualtyParty.ALL;
    }

    /** "at least" and "more than" set a floor; "about", "nearly" and the like an estimate; "up to" is neither. */
    private static @Nullable CountQualifier qualifier(@Nullable String words) {
        if (words == null) {
            return CountQualifier.EXACTLY;
        }
        return switch (words.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)) {
            case "at least", "more than", "over", "ما لا يقل عن", "اكثر من" -> CountQualifier.AT_LEAST;
            case "up to" -> null;
            default -> CountQualifier.ABOUT;
        };
    }

    /** "In 2024 ... were killed": a four-digit year is not a toll. */
    private static boolean looksLikeYear(String number) {
        return number.matches("(19|20)\\d\\d");
    }

    private static @Nullable Integer number(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace(",", "").replace("٬", "").strip();
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        Integer whole = WORDS.get(t);
        if (whole != null) {
            return whole;
        }
        String[] parts = t.split("[- ]");
        if (parts.length == 2 && WORDS.containsKey(parts[0]) && WORDS.containsKey(parts[1])) {
            return WORDS.get(parts[0]) + WORDS.get(parts[1]);
        }
        return null;
    }

}

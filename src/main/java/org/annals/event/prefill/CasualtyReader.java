package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.event.FatalityClaim;
import org.annals.event.prefill.Suggestions.Found;
import org.jspecify.annotations.Nullable;

/**
 * Reads the death tolls a passage reports, in English and Arabic: "killed at least 40", "40 people were
 * killed", "between 40 and 60 dead", "مقتل ٤٠ شخصا", "40 قتيلا". A figure without a number ("dozens",
 * "hundreds") gives nothing. Each becomes a claim whose source is the passage's source; words such as
 * "at least" are kept as the claim's note, so the person sees what the number means.
 */
final class CasualtyReader {

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
    private static final String DEATH = "(?:killed|dead|died|deaths|fatalities|lost\\s+their\\s+lives)(?![\\p{L}])";
    private static final String RANGE = "\\s*(?:-|–|to)\\s*";

    private static final Pattern EN_BETWEEN = Pattern.compile("(?<![\\p{L}])(?:killing\\s+|killed\\s+)?between\\s+"
            + NUMBER + "\\s+and\\s+" + NUMBER + "(?:\\s+[\\p{L}'’-]+){0,4}?\\s+(?:(?:were|have\\s+been|had\\s+been)\\s+)?"
            + DEATH, Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_KILLED_N = Pattern.compile("(?<![\\p{L}])(?:killed|killing|kills|kill)\\s+(?:"
            + QUALIFIER + "\\s+)?" + NUMBER + "(?:" + RANGE + NUMBER + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_N_KILLED = Pattern.compile("(?<![\\p{L}\\d,])(?:" + QUALIFIER + "\\s+)?" + NUMBER
            + "(?:" + RANGE + NUMBER + ")?(?:\\s+[\\p{L}'’-]+){0,8}?\\s+(?:(?:were|was|have\\s+been|had\\s+been|are|been"
            + "|reportedly|reported)\\s+)*" + DEATH, Pattern.CASE_INSENSITIVE);
    private static final String AR_QUALIFIER = "(ما\\s+لا\\s+يقل\\s+عن|اكثر\\s+من|نحو|حوالي|قرابه)";
    private static final String AR_NUMBER = "(\\d{1,3}(?:[,٬]\\d{3})+|\\d+)(?![\\p{L}\\d])";
    private static final String AR_DEAD = "(?:قتيلا|قتيل|قتلي)(?![\\p{L}])";
    private static final Pattern AR_BETWEEN = Pattern.compile("بين\\s+" + AR_NUMBER + "\\s+و\\s*" + AR_NUMBER + "\\s+"
            + AR_DEAD);
    private static final Pattern AR_KILLING_N = Pattern.compile("(?<![\\p{L}])(?:[وف]?ب?)(?:مقتل|قتل|وفاه|استشهاد)\\s+(?:"
            + AR_QUALIFIER + "\\s+)?" + AR_NUMBER);
    private static final Pattern AR_N_DEAD = Pattern.compile("(?:" + AR_QUALIFIER + "\\s+)?" + AR_NUMBER + "\\s+" + AR_DEAD);

    private CasualtyReader() {
    }

    static List<Found<FatalityClaim>> read(String passage, UUID sourceId) {
        FoldedText folding = FoldedText.of(passage);
        String text = folding.folded();
        var spans = new Spans();
        var found = new ArrayList<Found<FatalityClaim>>();
        each(EN_BETWEEN, text, folding, spans, found, m -> claim(null, m.group(1), m.group(2), sourceId));
        each(AR_BETWEEN, text, folding, spans, found, m -> claim(null, m.group(1), m.group(2), sourceId));
        each(EN_KILLED_N, text, folding, spans, found, m -> claim(m.group(1), m.group(2), m.group(3), sourceId));
        each(EN_N_KILLED, text, folding, spans, found, m -> claim(m.group(1), m.group(2), m.group(3), sourceId));
        each(AR_KILLING_N, text, folding, spans, found, m -> claim(m.group(1), m.group(2), null, sourceId));
        each(AR_N_DEAD, text, folding, spans, found, m -> claim(m.group(1), m.group(2), null, sourceId));
        found.sort(java.util.Comparator.comparingInt(f -> f.span().start()));
        return found;
    }

    private interface Reading {
        @Nullable FatalityClaim claim(Matcher m);
    }

    private static void each(Pattern pattern, String text, FoldedText folding, Spans spans,
            List<Found<FatalityClaim>> found, Reading reading) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (spans.overlaps(m.start(), m.end())) {
                continue;
            }
            FatalityClaim claim = reading.claim(m);
            if (claim != null) {
                spans.take(m.start(), m.end());
                found.add(new Found<>(claim, Spans.span(folding, m.start(), m.end())));
            }
        }
    }

    private static @Nullable FatalityClaim claim(@Nullable String qualifier, String first, @Nullable String second,
            UUID sourceId) {
        Integer low = number(first);
        Integer high = second == null ? low : number(second);
        if (low == null || high == null || high < low || looksLikeYear(first)) {
            return null;
        }
        return new FatalityClaim(low, high, sourceId, qualifier == null ? null : note(qualifier));
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

    private static String note(String qualifier) {
        return switch (qualifier.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)) {
            case "ما لا يقل عن" -> "at least";
            case "اكثر من" -> "more than";
            case "نحو", "حوالي", "قرابه" -> "about";
            case String other -> other;
        };
    }
}

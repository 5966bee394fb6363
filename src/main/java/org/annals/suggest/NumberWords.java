package org.annals.suggest;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Numbers as English reports spell them ("twelve", "twenty-three", "a hundred", "two hundred and twelve", "a
 * dozen"), and the words that give a count without a number ("dozens", "hundreds"), each as the least it can mean
 * (decision 0033). Read from folded text, so lower case.
 */
final class NumberWords {

    private static final String UNIT = "one|two|three|four|five|six|seven|eight|nine";
    private static final String TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private static final String BELOW_HUNDRED = "(?:(?:" + TENS + ")(?:[- ](?:" + UNIT + "))?|" + TEEN + "|" + UNIT + ")";
    /** A spelled-out number below ten thousand, longest form first; no group. */
    static final String SPELLED = "(?:(?:(?:a|" + UNIT + ")\\s+hundred(?:\\s+(?:and\\s+)?" + BELOW_HUNDRED + ")?)"
            + "|(?:a|" + BELOW_HUNDRED + ")\\s+thousand|a\\s+dozen|" + BELOW_HUNDRED + ")(?![\\p{L}])";
    /** Counts without a number: plural units that say "more than one of these". */
    static final String VAGUE = "(?:tens|dozens|scores|hundreds|thousands)(?![\\p{L}])";

    private static final Map<String, Integer> VALUES = Map.ofEntries(Map.entry("a", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90));

    /**
     * The least each vague count can mean: "dozens" is at least two dozen, "scores" two score, "hundreds" two
     * hundred; "tens" (as Arabic "عشرات" is often translated) two tens.
     */
    private static final Map<String, Integer> FLOORS = Map.of("tens", 20, "dozens", 24, "scores", 40, "hundreds", 200,
            "thousands", 2000);

    private NumberWords() {
    }

    /** The value of digits ("1,200", "40") or of a spelled-out number; null when it is neither. */
    static @Nullable Integer value(String words) {
        String t = words.toLowerCase(Locale.ROOT).replace(",", "").replace("٬", "").strip().replaceAll("\\s+", " ");
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        if (t.equals("a dozen")) {
            return 12;
        }
        int total = 0;
        int current = 0;
        for (String part : t.replace("-", " ").split(" ")) {
            if (part.equals("and")) {
                continue;
            }
            if (part.equals("hundred")) {
                current = Math.max(current, 1) * 100;
            } else if (part.equals("thousand")) {
                total += Math.max(current, 1) * 1000;
                current = 0;
            } else {
                Integer v = VALUES.get(part);
                if (v == null) {
                    return null;
                }
                current += v;
            }
        }
        return total + current;
    }

    /** The least a vague count means ("dozens": 24), or null when the word is not one. */
    static @Nullable Integer floor(String word) {
        return FLOORS.get(word.toLowerCase(Locale.ROOT).strip());
    }
}

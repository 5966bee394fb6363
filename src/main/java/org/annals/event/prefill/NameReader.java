package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.event.prefill.Suggestions.Candidate;
import org.annals.event.prefill.Suggestions.NameMatch;
import org.annals.event.prefill.Suggestions.Span;

/**
 * Finds the registry's names and aliases in a passage, on word boundaries, after folding both the
 * same way ({@link FoldedText}): "ALEPPO", "Alep", "حلب", "بحلب" (in Aleppo) all find Aleppo. Where
 * names overlap the longest wins ("New Aleppo" over "Aleppo"); a name that several records share is one
 * match with every record as a candidate.
 */
final class NameReader {

    /** Arabic proclitics a name may carry in running text: and, so, in/with, for, like. */
    private static final Set<String> ARABIC_PREFIXES = Set.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك");

    private NameReader() {
    }

    static List<NameMatch> read(String passage, List<RegistryName> registry) {
        FoldedText text = FoldedText.of(passage);
        String folded = text.folded();
        record Hit(int start, int end, RegistryName record) {
        }
        var hits = new ArrayList<Hit>();
        for (RegistryName record : registry) {
            var names = new ArrayList<String>();
            names.add(record.name());
            names.addAll(record.aliases());
            for (String name : names) {
                String needle = FoldedText.fold(name);
                if (needle.length() < 2) {
                    continue;
                }
                for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
                    int end = at + needle.length();
                    if (startsWord(folded, at, needle) && endsWord(folded, end)) {
                        hits.add(new Hit(at, end, record));
                    }
                }
            }
        }
        // Longest first, then leftmost: a shorter name inside a longer one is not a second match.
        hits.sort(Comparator.comparingInt((Hit h) -> h.start() - h.end()).thenComparingInt(Hit::start));
        Map<String, List<Hit>> bySpan = new LinkedHashMap<>();
        var taken = new Spans();
        for (Hit hit : hits) {
            String key = hit.start() + ":" + hit.end();
            if (bySpan.containsKey(key)) {
                bySpan.get(key).add(hit);
            } else if (!taken.overlaps(hit.start(), hit.end())) {
                taken.take(hit.start(), hit.end());
                bySpan.put(key, new ArrayList<>(List.of(hit)));
            }
        }
        var matches = new ArrayList<NameMatch>();
        var seen = new java.util.HashSet<java.util.UUID>();
        bySpan.values().stream().sorted(Comparator.comparingInt(list -> list.getFirst().start())).forEach(list -> {
            List<Candidate> candidates = list.stream().map(Hit::record).distinct()
                    .map(r -> new Candidate(r.id(), r.kind(), r.name())).toList();
            // The same record named again later in the passage is the same suggestion.
            if (candidates.size() == 1 && !seen.add(candidates.getFirst().id())) {
                return;
            }
            int start = text.originalStart(list.getFirst().start());
            int end = text.originalEnd(list.getFirst().end());
            matches.add(new NameMatch(new Span(start, end, passage.substring(start, end)), candidates));
        });
        return matches;
    }

    private static boolean startsWord(String text, int at, String needle) {
        if (at == 0 || !isWordChar(text.codePointBefore(at))) {
            return true;
        }
        if (!isArabic(needle.codePointAt(0))) {
            return false;
        }
        // "بحلب": the name with a proclitic attached, which itself starts a word.
        for (int length = 1; length <= 2 && at - length >= 0; length++) {
            String prefix = text.substring(at - length, at);
            if (ARABIC_PREFIXES.contains(prefix) && (at - length == 0 || !isWordChar(text.codePointBefore(at - length)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWord(String text, int end) {
        return end >= text.length() || !isWordChar(text.codePointAt(end));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isArabic(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC;
    }
}

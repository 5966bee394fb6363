package org.annals.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.annals.event.prefill.FoldedText;

/**
 * The project's registry compiled for finding its names in a text: every name and alias, folded as search
 * folds text, matched on word boundaries, longest first; an alias several entities share is one match with
 * each of them. Aliases that would flood a text (one letter, a common word) are refused, each with its reason
 * for the project's managers. Immutable: built once per registry version and shared by every reader.
 * <p>
 * SKELETON: a naive scan per alias. The registry helper replaces the inside (a matcher over word sequences
 * that holds 100,000 aliases); the methods stay.
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

    public static final RegistryMatcher EMPTY = new RegistryMatcher(List.of(), List.of());

    private final List<RegistryEntry> entries;
    private final List<Refused> refused;

    private RegistryMatcher(List<RegistryEntry> entries, List<Refused> refused) {
        this.entries = entries;
        this.refused = refused;
    }

    public static RegistryMatcher of(Collection<RegistryEntry> registry) {
        var refused = new ArrayList<Refused>();
        for (RegistryEntry entry : registry) {
            for (String alias : names(entry)) {
                if (FoldedText.fold(alias).strip().codePointCount(0, FoldedText.fold(alias).strip().length()) < 2) {
                    refused.add(new Refused(entry, alias, "One letter would match everywhere."));
                }
            }
        }
        return new RegistryMatcher(List.copyOf(registry), List.copyOf(refused));
    }

    private static List<String> names(RegistryEntry entry) {
        var names = new ArrayList<String>();
        names.add(entry.name());
        names.addAll(entry.aliases());
        return names;
    }

    /** Every registry name in the text, in text order, none overlapping another. */
    public List<Match> find(String text) {
        FoldedText folding = FoldedText.of(text);
        String folded = folding.folded();
        var matches = new ArrayList<Match>();
        for (RegistryEntry entry : entries) {
            for (String name : names(entry)) {
                String needle = FoldedText.fold(name);
                if (needle.strip().length() < 2) {
                    continue;
                }
                for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
                    int end = at + needle.length();
                    boolean starts = at == 0 || !Character.isLetterOrDigit(folded.codePointBefore(at));
                    boolean ends = end >= folded.length() || !Character.isLetterOrDigit(folded.codePointAt(end));
                    if (starts && ends) {
                        matches.add(new Match(folding.originalStart(at), folding.originalEnd(end), needle,
                                List.of(entry)));
                    }
                }
            }
        }
        matches.sort(java.util.Comparator.comparingInt(Match::start));
        return matches;
    }

    public List<Refused> refused() {
        return refused;
    }

    public int entryCount() {
        return entries.size();
    }
}

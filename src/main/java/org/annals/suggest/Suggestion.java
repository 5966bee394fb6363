package org.annals.suggest;

import java.util.List;
import org.annals.entity.EntityKind;
import org.annals.event.Casualties;
import org.annals.event.PartialDate;
import org.jspecify.annotations.Nullable;

/**
 * What a recogniser found: the span {@code [start, end)} of the text (UTF-16 offsets, as annotations use), its
 * words, what it means, and a rank (higher is surer; names the registry lacks rank lowest). The {@link #key()}
 * names it within one source: kind and span, so a suggestion rejected there stays rejected while the text is
 * the same.
 */
public record Suggestion(SuggestionKind kind, int start, int end, String text, Value value, double rank) {

    public Suggestion {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
    }

    public String key() {
        return kind.name() + ":" + start + ":" + end;
    }

    /** What the words mean, by kind. */
    public sealed interface Value {
    }

    /**
     * Registry names: every entity the words may mean (more than one: the person chooses), and the folded
     * alias that matched (what "never here" remembers for the project).
     */
    public record Mention(List<Candidate> candidates, String alias) implements Value {

        public Mention {
            candidates = List.copyOf(candidates);
        }
    }

    /** A date, or a range when {@code endDate} is set; each with its precision. */
    public record DateValue(PartialDate date, @Nullable PartialDate endDate) implements Value {

        /** As people read it: "5 December 2024", "27 November 2024 – 5 December 2024". */
        public String display() {
            return endDate == null ? date.display() : date.display() + " – " + endDate.display();
        }
    }

    /** A casualty figure: killed, injured or both, how many, of whom, how sure. */
    public record Figure(Casualties casualties) implements Value {
    }

    /** A name the registry lacks, with the kind it looks like (a person, a group, a place). */
    public record NewName(EntityKind proposedKind) implements Value {
    }
}

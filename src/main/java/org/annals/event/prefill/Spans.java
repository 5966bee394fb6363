package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.List;

/** Spans already read, so that a shorter reading inside a longer one ("30 November" in "30 November 2024") is skipped. */
final class Spans {

    private final List<int[]> taken = new ArrayList<>();

    boolean overlaps(int start, int end) {
        return taken.stream().anyMatch(t -> start < t[1] && t[0] < end);
    }

    void take(int start, int end) {
        taken.add(new int[] {start, end});
    }

    /** A span of the folded text as the passage's own offsets and words. */
    static Suggestions.Span span(FoldedText folding, int start, int end) {
        int from = folding.originalStart(start);
        int to = folding.originalEnd(end);
        return new Suggestions.Span(from, to, folding.original().substring(from, to));
    }
}

package org.annals.suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans a reader has already read, so that a shorter reading inside a longer one ("30 November" in "30 November
 * 2024", "40" in "between 40 and 60 dead") is skipped: patterns run longest form first and take what they read.
 */
final class Spans {

    private final List<int[]> taken = new ArrayList<>();

    boolean overlaps(int start, int end) {
        return taken.stream().anyMatch(t -> start < t[1] && t[0] < end);
    }

    void take(int start, int end) {
        taken.add(new int[] {start, end});
    }
}

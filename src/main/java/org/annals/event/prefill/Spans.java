package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.List;

/** Spans already read, so that a shorter name inside a longer one ("Hama" in "Hama Governorate") is skipped. */
final class Spans {

    private final List<int[]> taken = new ArrayList<>();

    boolean overlaps(int start, int end) {
        return taken.stream().anyMatch(t -> start < t[1] && t[0] < end);
    }

    void take(int start, int end) {
        taken.add(new int[] {start, end});
    }
}

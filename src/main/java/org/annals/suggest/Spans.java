package org.annals.suggest;

import java.util.Map;
import java.util.TreeMap;

/**
 * The spans a reader has already read, so that a shorter reading inside a longer one ("30 November" in "30 November
 * 2024", "40" in "between 40 and 60 dead") is skipped: patterns run longest form first and take what they read.
 * Taken spans never overlap one another, so the one starting last before a span's end is the only one that can
 * overlap it: a look-up stays logarithmic in a long source with thousands of dates.
 */
final class Spans {

    private final TreeMap<Integer, Integer> taken = new TreeMap<>();

    boolean overlaps(int start, int end) {
        Map.Entry<Integer, Integer> before = taken.floorEntry(end - 1);
        return before != null && before.getValue() > start;
    }

    void take(int start, int end) {
        taken.put(start, end);
    }
}

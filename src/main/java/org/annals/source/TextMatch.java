package org.annals.source;

import java.util.UUID;

/** Where a sentence occurs in a source's frozen text: {@code [start, end)} with a little context either side. */
public record TextMatch(UUID sourceId, String sourceTitle, int start, int end, String before, String exact,
        String after) {
}

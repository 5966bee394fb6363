package org.annals.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages of the paged sources (PDFs) an export meets, so that a quote can be cited by page: for each source the
 * passages that carry pages, by offset. Read once per source and export; a source without pages costs one empty
 * query. Bounded like the other per-export caches.
 */
final class SourcePages {

    private static final int MAX_SOURCES = 10_000;

    private final JdbcTemplate jdbc;
    private final Map<UUID, Passages> bySource = new HashMap<>();

    SourcePages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The pages a span {@code [start, end)} of the source's text stands on, or null when the source has none. */
    DatasetRows.@Nullable PageSpan of(UUID sourceId, int start, int end) {
        if (bySource.size() > MAX_SOURCES) {
            bySource.clear();
        }
        return bySource.computeIfAbsent(sourceId, this::load).span(start, end);
    }

    private Passages load(UUID sourceId) {
        var starts = new ArrayList<Integer>();
        var ends = new ArrayList<Integer>();
        var firsts = new ArrayList<Integer>();
        var lasts = new ArrayList<Integer>();
        jdbc.query("select p.start_offset, p.end_offset, p.first_page, p.last_page from source s"
                + " join text_segment p on p.text_version_id = s.text_version_id"
                + " where s.id = ? and p.kind = 'PASSAGE' and p.first_page is not null order by p.start_offset",
                rs -> {
                    starts.add(rs.getInt(1));
                    ends.add(rs.getInt(2));
                    firsts.add(rs.getInt(3));
                    int last = rs.getInt(4);
                    lasts.add(rs.wasNull() ? rs.getInt(3) : last);
                }, sourceId);
        return new Passages(ints(starts), ints(ends), ints(firsts), ints(lasts));
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Passages with pages, by start offset (they do not overlap). */
    private record Passages(int[] starts, int[] ends, int[] firsts, int[] lasts) {

        DatasetRows.@Nullable PageSpan span(int start, int end) {
            if (starts.length == 0) {
                return null;
            }
            int from = containing(start);
            int to = containing(Math.max(start, end - 1));
            if (from < 0 || to < 0) {
                return null;
            }
            return new DatasetRows.PageSpan(firsts[from], Math.max(firsts[from], lasts[to]));
        }

        /** The passage holding this offset, or the first one after it (a span may start on a blank line), or -1. */
        private int containing(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            if (i < 0) {
                i = -i - 2; // the passage starting before the offset
            }
            if (i >= 0 && offset < ends[i]) {
                return i;
            }
            return i + 1 < starts.length ? i + 1 : (i >= 0 ? i : -1);
        }
    }
}

package org.annals.search;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A search as the engine runs it: the person's parsed words, the filters, and what the person may see
 * (decided by {@link SearchService} from their role; the engine only applies it).
 *
 * @param viewerId the person asking: their own drafts are found
 * @param seesProposals whether proposals waiting for review are found (editors and up)
 * @param kinds the kinds wanted; empty means all
 * @param subtypes annotation types or entity kinds wanted (names of the enums); empty means all
 * @param from,to documents whose dates overlap this range; null for open ends
 * @param fuzzy match words with small spelling differences (the fallback when exact search finds little)
 * @param offset,limit the page
 * @param countKinds count the matches of each kind (a results page shows them); without, {@code perKind} is
 *     empty and the total is at least the hits found: for pickers, which need the best few only and would
 *     pay for counting on every keystroke (the counts cost more than the page, docs/performance.md)
 */
public record EngineQuery(UserQuery query, UUID projectId, UUID viewerId, boolean seesProposals,
        Set<SearchKind> kinds, @Nullable UUID sourceId, Set<String> subtypes, @Nullable LocalDate from,
        @Nullable LocalDate to, boolean fuzzy, int offset, int limit, boolean countKinds) {

    public EngineQuery {
        kinds = Set.copyOf(kinds);
        subtypes = Set.copyOf(subtypes);
    }

    /** A search that counts the matches of each kind, as a results page needs. */
    public EngineQuery(UserQuery query, UUID projectId, UUID viewerId, boolean seesProposals, Set<SearchKind> kinds,
            @Nullable UUID sourceId, Set<String> subtypes, @Nullable LocalDate from, @Nullable LocalDate to,
            boolean fuzzy, int offset, int limit) {
        this(query, projectId, viewerId, seesProposals, kinds, sourceId, subtypes, from, to, fuzzy, offset, limit, true);
    }
}

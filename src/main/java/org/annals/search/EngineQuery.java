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
 * @param offset,limit the page (ignored when counting)
 */
public record EngineQuery(UserQuery query, UUID projectId, UUID viewerId, boolean seesProposals,
        Set<SearchKind> kinds, @Nullable UUID sourceId, Set<String> subtypes, @Nullable LocalDate from,
        @Nullable LocalDate to, boolean fuzzy, int offset, int limit) {

    public EngineQuery {
        kinds = Set.copyOf(kinds);
        subtypes = Set.copyOf(subtypes);
    }

    /** The same search without its page: what {@link SearchEngine#count} is asked (and caches by). */
    public EngineQuery unpaged() {
        return new EngineQuery(query, projectId, viewerId, seesProposals, kinds, sourceId, subtypes, from, to, fuzzy, 0, 0);
    }
}

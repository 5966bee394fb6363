package org.annals.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.annals.base.TextFolding;
import org.annals.base.TextFolding.Folded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a sentence in the project's other sources although they differ from it in white space,
 * punctuation, quote and dash forms, citation markers ("[3]", "(Reuters)"), case, diacritics or
 * Arabic letter forms ({@link TextFolding#foldSentence}), with exact offsets in each frozen text. No
 * permission check of its own: callers are services that have checked the project role already.
 *
 * <p>A bounded scan (decision 26): every other text of the project, folded once and kept in memory
 * while it is used (frozen texts never change, so a folded text stays valid for ever), is searched
 * with {@link String#indexOf}. The folded forms are kept within a budget, like {@link SourceAnchors}.
 */
@Component
@Transactional(readOnly = true)
public class SameWords {

    /** Shorter folded sentences match too much ("Aleppo", "the army") to be worth offering. */
    public static final int MIN_FOLDED_LENGTH = 16;
    /** More matches than this are not useful to list; the first ones (oldest sources first) are kept. */
    public static final int MAX_MATCHES = 50;
    private static final int CONTEXT = 60;
    /** A folded text of n characters weighs about 10 n bytes (the string and two offset arrays). */
    private static final long CACHE_BUDGET_BYTES = 64L * 1024 * 1024;

    private final SourceRepository sources;
    private final SourceAnchors anchors;
    private final Map<UUID, Folded> folded = new ConcurrentHashMap<>();
    private final java.util.Deque<UUID> foldedOrder = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicLong foldedWeight = new java.util.concurrent.atomic.AtomicLong();

    SameWords(SourceRepository sources, SourceAnchors anchors) {
        this.sources = sources;
        this.anchors = anchors;
    }

    /** The source's published date, for reading days named without a year. */
    public Optional<LocalDate> publishedOn(UUID projectId, UUID sourceId) {
        return sources.findByIdAndProjectId(sourceId, projectId).map(s -> s.metadata().publishedOn());
    }

    /** Where {@code sentence} occurs in the project's sources other than {@code exceptSourceId}. */
    public List<TextMatch> find(UUID projectId, UUID exceptSourceId, String sentence) {
        String needle = TextFolding.foldSentence(sentence).text();
        if (needle.length() < MIN_FOLDED_LENGTH) {
            return List.of();
        }
        var matches = new ArrayList<TextMatch>();
        for (UUID sourceId : sources.idsOf(projectId)) {
            if (sourceId.equals(exceptSourceId)) {
                continue;
            }
            AnchorText text = anchors.anchorText(projectId, sourceId).orElse(null);
            if (text == null) {
                continue;
            }
            Folded haystack = folded(text);
            String f = haystack.text();
            for (int at = f.indexOf(needle); at >= 0 && matches.size() < MAX_MATCHES; at = f.indexOf(needle, at + 1)) {
                int end = at + needle.length();
                boolean wholeWords = (at == 0 || f.charAt(at - 1) == ' ') && (end == f.length() || f.charAt(end) == ' ');
                if (wholeWords) {
                    int[] span = haystack.originalSpan(at, end);
                    matches.add(new TextMatch(sourceId, text.title(), span[0], span[1], text.prefix(span[0], CONTEXT),
                            text.slice(span[0], span[1]), text.suffix(span[1], CONTEXT)));
                }
            }
            if (matches.size() >= MAX_MATCHES) {
                break;
            }
        }
        return matches;
    }

    private Folded folded(AnchorText text) {
        Folded cached = folded.get(text.textVersionId());
        if (cached != null) {
            return cached;
        }
        Folded fresh = TextFolding.foldSentence(text.text());
        if (folded.putIfAbsent(text.textVersionId(), fresh) == null) {
            foldedOrder.addLast(text.textVersionId());
            long weight = foldedWeight.addAndGet(10L * fresh.text().length());
            while (weight > CACHE_BUDGET_BYTES && foldedOrder.size() > 1) {
                UUID eldest = foldedOrder.pollFirst();
                Folded dropped = eldest == null ? null : folded.remove(eldest);
                weight = dropped == null ? foldedWeight.get() : foldedWeight.addAndGet(-10L * dropped.text().length());
            }
        }
        return fresh;
    }
}

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
 * within a budget (frozen texts never change, so a folded text stays valid for ever), is searched
 * with {@link String#contains}; only a text that holds the words is read again with its passages and
 * folded with offsets, to map the match back to exact offsets.
 */
@Component
@Transactional(readOnly = true)
public class SameWords {

    /** Shorter folded sentences match too much ("Aleppo", "the army") to be worth offering. */
    public static final int MIN_FOLDED_LENGTH = 16;
    /** More matches than this are not useful to list; the first ones (oldest sources first) are kept. */
    public static final int MAX_MATCHES = 50;
    private static final int CONTEXT = 60;
    /** Folded texts kept: 200 sources of 100 KB in Latin script weigh 20 MB, in Arabic 40 MB. */
    private static final long CACHE_BUDGET_BYTES = 64L * 1024 * 1024;

    private final SourceRepository sources;
    private final SourceAnchors anchors;
    private final TextVersionRepository texts;
    private final Map<UUID, String> folded = new ConcurrentHashMap<>();
    private final java.util.Deque<UUID> foldedOrder = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicLong foldedWeight = new java.util.concurrent.atomic.AtomicLong();

    SameWords(SourceRepository sources, SourceAnchors anchors, TextVersionRepository texts) {
        this.sources = sources;
        this.texts = texts;
        this.anchors = anchors;
    }

    /** The source's published date, for reading days named without a year. */
    public Optional<LocalDate> publishedOn(UUID projectId, UUID sourceId) {
        return sources.findByIdAndProjectId(sourceId, projectId).map(s -> s.metadata().publishedOn());
    }

    /** Where {@code sentence} occurs in the project's sources other than {@code exceptSourceId}. */
    public List<TextMatch> find(UUID projectId, UUID exceptSourceId, String sentence) {
        String needle = TextFolding.foldSentenceText(sentence);
        if (needle.length() < MIN_FOLDED_LENGTH) {
            return List.of();
        }
        var matches = new ArrayList<TextMatch>();
        for (Object[] row : sources.textsOf(projectId)) {
            UUID sourceId = (UUID) row[0];
            if (sourceId.equals(exceptSourceId) || !folded((UUID) row[1]).contains(needle)) {
                continue;
            }
            // Rare: only a text that holds the words is folded again, with offsets, to map them back.
            AnchorText text = anchors.anchorText(projectId, sourceId).orElse(null);
            if (text == null) {
                continue;
            }
            Folded haystack = TextFolding.foldSentence(text.text());
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

    /** The folded form of a frozen text, kept while the budget allows (texts never change). */
    private String folded(UUID textVersionId) {
        String cached = folded.get(textVersionId);
        if (cached != null) {
            return cached;
        }
        String fresh = TextFolding.foldSentenceText(texts.findContent(textVersionId));
        if (folded.putIfAbsent(textVersionId, fresh) == null) {
            foldedOrder.addLast(textVersionId);
            long weight = foldedWeight.addAndGet(weight(fresh));
            while (weight > CACHE_BUDGET_BYTES && foldedOrder.size() > 1) {
                UUID eldest = foldedOrder.pollFirst();
                String dropped = eldest == null ? null : folded.remove(eldest);
                weight = dropped == null ? foldedWeight.get() : foldedWeight.addAndGet(-weight(dropped));
            }
        }
        return fresh;
    }

    /** Bytes a string holds: one per character when all are Latin-1 (Java's compact strings), else two. */
    private static long weight(String text) {
        return text.chars().allMatch(c -> c < 256) ? text.length() : 2L * text.length();
    }
}

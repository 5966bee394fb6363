package org.annals.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.source.AnchorText;
import org.annals.source.SourceAnchors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a quote occurs in a source's frozen text, with the anchor an annotation of it needs (offsets
 * in UTF-16 code units and the context on each side, exactly as approval checks them). A script can
 * then annotate a sentence by its words, without counting code units or cutting context itself.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class QuoteLocator {

    /** A quote of a few common words can occur thousands of times; nobody annotates all of them by hand. */
    public static final int MAX_OCCURRENCES = 1000;

    private final ProjectAccess access;
    private final SourceAnchors anchors;

    QuoteLocator(ProjectAccess access, SourceAnchors anchors) {
        this.access = access;
        this.anchors = anchors;
    }

    /**
     * One occurrence of the quote: what an annotation's payload takes as {@code start, end, exact,
     * prefix, suffix}, and why it cannot be annotated as it stands (crossing passages, say), or null.
     */
    public record Occurrence(int start, int end, String exact, String prefix, String suffix, @Nullable String problem) {
    }

    /** Every occurrence of {@code quote} (exactly as written) in the source's text, in text order, at most {@value #MAX_OCCURRENCES}. */
    public List<Occurrence> find(UUID projectId, UUID sourceId, String quote) {
        access.require(projectId, ProjectRole.VIEWER);
        if (quote.isBlank()) {
            throw new InvalidInputException("Give the words to find in the source.");
        }
        if (quote.length() > AnnotationRecordType.MAX_LENGTH) {
            throw new InvalidInputException("An annotation spans at most " + AnnotationRecordType.MAX_LENGTH
                    + " characters; this quote has " + quote.length() + ".");
        }
        AnchorText text = anchors.anchorText(projectId, sourceId).orElseThrow(() -> new NotFoundException("Source"));
        String whole = text.slice(0, text.length());
        var found = new ArrayList<Occurrence>();
        for (int start = whole.indexOf(quote); start >= 0 && found.size() < MAX_OCCURRENCES;
                start = whole.indexOf(quote, start + 1)) {
            int end = start + quote.length();
            String problem = null;
            try {
                AnnotationRecordType.checkSpan(text, start, end);
            } catch (InvalidInputException refused) {
                problem = refused.getMessage();
            }
            found.add(new Occurrence(start, end, quote, text.prefix(start, AnnotationRecordType.CONTEXT_LENGTH),
                    text.suffix(end, AnnotationRecordType.CONTEXT_LENGTH), problem));
        }
        return found;
    }
}

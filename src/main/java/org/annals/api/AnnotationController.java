package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.annals.source.TextMatch;
import org.annals.annotation.AnnotationService;
import org.annals.event.QuotedClaim;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.annotation.QuoteLocator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Annotations", description = "Vetted spans of a source's frozen text")
class AnnotationController {

    private final AnnotationService annotations;
    private final QuoteLocator quotes;

    private final SourceService sources;

    AnnotationController(AnnotationService annotations, QuoteLocator quotes, SourceService sources) {
        this.annotations = annotations;
        this.quotes = quotes;
        this.sources = sources;
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/sources/{sourceId}/quotes",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where a quote occurs in a source, with the anchor an annotation of it needs",
            description = "Each occurrence of the text, exactly as written, with 'start' and 'end' in UTF-16 code units"
                    + " and the 'prefix' and 'suffix' that an ANNOTATION payload must send, and 'problem' when it cannot"
                    + " be annotated as it stands (it crosses a passage boundary, say). At most "
                    + QuoteLocator.MAX_OCCURRENCES + " occurrences. Needs any role in the project.")
    ApiPage<QuoteLocator.Occurrence> quotes(@PathVariable UUID projectId, @PathVariable UUID sourceId,
            @Parameter(description = "The words to find, exactly as the text has them") @RequestParam String text,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return ApiPage.slice(quotes.find(projectId, sourceId, text), page, size);
    }

    @Schema(description = "A vetted annotation: [start, end) in UTF-16 code units of the source's text, with the exact"
            + " quote and some context on each side (as a W3C TextQuoteSelector), and the record it is evidence for")
    record VettedAnnotation(UUID id, int start, int end, String exact, String prefix, String suffix, AnnotationType type,
            @Schema(description = "EVENT or ENTITY") @Nullable String linkKind, @Nullable UUID linkId, String linkLabel,
            @Schema(description = "For a PDF source: the page the quote starts on (from 1, as the file counts pages);"
                    + " absent for other sources") @Nullable Integer page,
            @Schema(description = "For a PDF source: the page the quote ends on") @Nullable Integer lastPage) {

        static VettedAnnotation of(EditorAnnotation a, List<SourceText.Passage> passages) {
            int[] pages = SourceText.pagesOf(passages, a.start(), a.end());
            return new VettedAnnotation(a.id(), a.start(), a.end(), a.exact(), a.prefix(), a.suffix(), a.type(),
                    a.linkKind(), a.linkId(), a.linkLabel(), pages == null ? null : pages[0],
                    pages == null ? null : pages[1]);
        }
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/sources/{sourceId}/annotations",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The vetted annotations of a source, in text order",
            description = "Only approved annotations: proposals and drafts are not part of the API's reading side."
                    + " Needs any role in the project.")
    ApiPage<VettedAnnotation> ofSource(@PathVariable UUID projectId, @PathVariable UUID sourceId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        List<SourceText.Passage> passages = sources.passages(projectId, sourceId);
        var vetted = annotations.editor(projectId, sourceId).annotations().stream()
                .filter(a -> a.state() == EditorAnnotation.State.VETTED)
                .map(a -> VettedAnnotation.of(a, passages))
                .toList();
        return ApiPage.slice(vetted, page, size);
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/annotations/{annotationId}/claims",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The event claims an annotation is the quote of",
            description = "The way back from a quote to what it says: each vetted claim whose 'annotationId' is this"
                    + " annotation, with its event ('eventId', 'eventLabel'), the claim as in the event's"
                    + " 'values.claims', and its value as text. Empty for an annotation that backs no claim."
                    + " Needs any role in the project.")
    ApiPage<QuotedClaim> claims(@PathVariable UUID projectId, @PathVariable UUID annotationId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return ApiPage.slice(annotations.claimsBackedBy(projectId, annotationId), page, size);
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/sources/{sourceId}/claim-from-quote",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The claim a date or casualty-figure quote makes, read from its words",
            description = "For a span [start, end) of the source and an annotation type DATE or CASUALTY_FIGURE: the"
                    + " claim its words make (a date with its precision, or a casualty figure with its category,"
                    + " party, range and qualifier), citing the source, to check and then send in an event's 'claims'"
                    + " with the annotation's id as 'annotationId'. 204 when the words give none."
                    + " Needs the Editor role.")
    org.springframework.http.ResponseEntity<org.annals.event.EventClaim> claimFromQuote(@PathVariable UUID projectId,
            @PathVariable UUID sourceId,
            @Parameter(description = "Start of the span, in UTF-16 code units") @RequestParam int start,
            @Parameter(description = "End of the span (exclusive)") @RequestParam int end,
            @Parameter(description = "DATE or CASUALTY_FIGURE") @RequestParam AnnotationType type) {
        return annotations.claimFromQuote(projectId, sourceId, start, end, type)
                .map(org.springframework.http.ResponseEntity::ok)
                .orElseGet(() -> org.springframework.http.ResponseEntity.noContent().build());
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/sources/{sourceId}/same-words",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where the words of a span occur in the project's other sources",
            description = "The same sentence but for white space, punctuation, quote and dash forms, citation markers"
                    + " ([1], [citation needed], (Reuters)), case, diacritics and Arabic letter forms; each with its"
                    + " exact [start, end) in that source's text. Places already marked with that span, vetted or"
                    + " proposed, are left out. Propose them as annotations with POST .../changesets."
                    + " Needs the Editor role.")
    ApiPage<TextMatch> sameWords(@PathVariable UUID projectId, @PathVariable UUID sourceId,
            @Parameter(description = "Start of the span, in UTF-16 code units") @RequestParam int start,
            @Parameter(description = "End of the span (exclusive)") @RequestParam int end,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return ApiPage.slice(annotations.sameWords(projectId, sourceId, start, end), page, size);
    }
}

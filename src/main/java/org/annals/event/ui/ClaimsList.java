package org.annals.event.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.annals.annotation.Evidence;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.event.EventClaims;
import org.annals.event.TimelineEntry;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ui.CitedSources;
import org.jspecify.annotations.Nullable;

/**
 * What each source says about an event, field by field (decision 0030): every claim with its source, linked to
 * the quote in the source when an annotation makes it, which claim is preferred and why, and where the sources
 * disagree ("date disputed: 30 November 2024 or 1 December 2024"). A field holding a single value entered without
 * a source is not repeated here: the event's facts show it.
 */
class ClaimsList extends Div {

    /** The parameter that opens a source at an annotation (the reader's {@code annotation=}). */
    static final String ANNOTATION_PARAMETER = "annotation";

    /**
     * @param evidence the vetted annotations that may be the claims' quotes (the event's evidence and the quotes
     *     of its claims): where a claim's quote is among them, its words are shown and the link opens the source
     *     at them
     * @param prefer what "Prefer this claim" does; null for people who may not propose changes
     */
    ClaimsList(UUID projectId, TimelineEntry event, List<Evidence> evidence, @Nullable Consumer<EventClaim> prefer) {
        addClassName("claims");
        Map<UUID, Evidence> quotes = evidence.stream().collect(Collectors.toMap(Evidence::annotationId,
                Function.identity(), (a, b) -> a));
        List<EventClaim> all = event.values().claims();
        boolean any = false;
        for (ClaimField field : ClaimField.values()) {
            List<EventClaim> claims = EventClaims.of(all, field);
            if (claims.isEmpty() || field != ClaimField.CASUALTIES && claims.size() == 1 && claims.getFirst().plain()) {
                continue;
            }
            any = true;
            var block = new Div();
            block.addClassName("field-claims");
            block.getElement().setAttribute("data-field", field.name());
            var heading = new Span(field.displayName());
            heading.addClassName("field-claims-heading");
            block.add(heading);
            event.disputes().stream().filter(d -> d.field() == field).forEach(d -> {
                var flag = new Span(d.display(event::valueText));
                flag.addClassName("disagree-badge");
                block.add(flag);
            });
            for (EventClaim claim : claims) {
                boolean competes = all.stream().filter(c -> c.competition().equals(claim.competition())).count() > 1;
                block.add(claim(projectId, event, claim, quotes, competes ? prefer : null));
            }
            add(block);
        }
        if (!any) {
            add(new Paragraph("No claims yet: every value was entered without a source. Propose changes to add what"
                    + " a source says, with its quote."));
        }
    }

    /** "1 December 2024 · per “Battle of Aleppo” (link to the quote) “quote” · preferred: reason · note". */
    private static Div claim(UUID projectId, TimelineEntry event, EventClaim claim, Map<UUID, Evidence> quotes,
            @Nullable Consumer<EventClaim> prefer) {
        var value = new Span(event.valueText(claim));
        value.addClassName("claim-value");
        var line = new Div(value, new Span(" · "));
        line.addClassName("claim");
        if (claim.id() != null) {
            line.getElement().setAttribute("data-claim", claim.id().toString());
        }
        if (claim.sourceId() == null) {
            line.add(new Span("no source given"));
        } else {
            String title = event.claimSources().getOrDefault(claim.sourceId(), "a source no longer here");
            Evidence quote = claim.annotationId() == null ? null : quotes.get(claim.annotationId());
            line.add(new Span("per "), sourceLink(projectId, claim, title, quote));
            if (quote != null) {
                var words = new Span(" “" + quote.exact() + "”");
                words.addClassName("claim-quote");
                line.add(words);
            }
        }
        if (claim.preferred()) {
            var badge = new Span(claim.reason() == null ? "preferred" : "preferred: " + claim.reason());
            badge.addClassName("preferred-badge");
            line.add(new Span(" · "), badge);
        }
        if (claim.note() != null) {
            line.add(new Span(" · " + claim.note()));
        }
        if (prefer != null && !claim.preferred() && claim.id() != null) {
            var button = new Button("Prefer this claim", e -> prefer.accept(claim));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            line.add(button);
        }
        return line;
    }

    /**
     * The source, opened at the quote when the claim has one: at its words when they are known, else at the
     * annotation. A claim is never shown without its source.
     */
    static Anchor sourceLink(UUID projectId, EventClaim claim, String title, @Nullable Evidence quote) {
        Anchor link = CitedSources.link(projectId, claim.sourceId(), title);
        if (quote != null) {
            link.setHref(ProjectRoutes.sourceAt(projectId, quote.sourceId(), quote.start(), quote.end(), null));
        } else if (claim.annotationId() != null) {
            link.setHref(ProjectRoutes.sourcePath(projectId, claim.sourceId()) + "?" + ANNOTATION_PARAMETER + "="
                    + claim.annotationId());
        }
        link.addClassName("claim-source");
        return link;
    }
}

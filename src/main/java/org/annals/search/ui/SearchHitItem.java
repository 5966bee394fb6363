package org.annals.search.ui;

import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;
import org.annals.base.ui.Moments;
import org.annals.search.Audience;
import org.annals.search.SearchDocument;
import org.annals.search.SearchHit;
import org.annals.search.SearchKind;
import org.annals.search.Snippet;

/**
 * One hit on the results page: its title as a link to where it opens, where it is, whether it is a
 * proposal or the person's draft, the words in context with the matches marked, and its date. Every
 * word is the users' and is set as text, never as markup.
 */
final class SearchHitItem extends Div {

    static final String PROPOSAL = "Proposal";
    static final String DRAFT = "Your draft";

    private final Anchor link;

    SearchHitItem(SearchHit hit, UUID viewerId, String words) {
        SearchDocument document = hit.document();
        addClassName("search-hit");
        getElement().setAttribute("role", "listitem");
        link = new Anchor(SearchLinks.of(document, viewerId, words), document.title().isBlank() ? "(untitled)"
                : document.title());
        link.addClassName("search-hit-title");
        var heading = new Div(link);
        heading.addClassName("search-hit-heading");
        if (document.audience() != Audience.MEMBERS) {
            var badge = new Span(document.audience() == Audience.OWNER ? DRAFT : PROPOSAL);
            badge.addClassName("pending-badge");
            heading.add(badge);
        }
        add(heading);
        String where = where(document);
        if (!where.isEmpty()) {
            var place = new Span(where);
            place.addClassName("search-hit-where");
            add(place);
        }
        add(snippet(hit.snippet()));
        var date = new Span(date(document));
        date.addClassName("search-hit-date");
        add(date);
    }

    /** The address the hit opens. */
    String href() {
        return link.getHref();
    }

    /** The matched words marked with {@code <mark>}, the rest as plain text. */
    static Paragraph snippet(Snippet snippet) {
        var text = new Paragraph();
        text.addClassName("search-hit-snippet");
        for (Snippet.Part part : snippet.parts()) {
            if (part.match()) {
                var mark = new HtmlComponent("mark");
                mark.getElement().setText(part.text());
                text.add(mark);
            } else {
                text.add(new Span(part.text()));
            }
        }
        return text;
    }

    /** For passages: the section path; for annotations: the type; nothing else the title does not say. */
    private static String where(SearchDocument document) {
        if (document.kind() == SearchKind.PASSAGE && document.section() != null && !document.section().isBlank()) {
            return document.section();
        }
        if ((document.kind() == SearchKind.ANNOTATION || document.kind() == SearchKind.ENTITY)
                && document.subtype() != null) {
            return readable(document.subtype());
        }
        return "";
    }

    private static String date(SearchDocument document) {
        if (document.from() != null) {
            return document.to() != null && !document.to().equals(document.from())
                    ? document.from() + " – " + document.to() : document.from().toString();
        }
        return "Changed " + Moments.day(document.updated());
    }

    private static String readable(String enumName) {
        String words = enumName.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

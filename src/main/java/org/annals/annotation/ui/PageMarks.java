package org.annals.annotation.ui;

import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import org.annals.source.SourceText;
import org.jspecify.annotations.Nullable;

/**
 * The page numbers of a paged source (a PDF) beside its text: "p. 12" in the margin of the first passage of each
 * page and "pp. 12–13" beside a passage that runs over a page break, so a reader can cite the page. Drawn by CSS
 * generated content keyed on the passages' offsets: not part of the text (selections and offsets stay as they
 * are, copying leaves it out), and it survives the text component redrawing a passage. The rules hold only
 * numbers the server computed, never text of the source.
 */
final class PageMarks {

    private PageMarks() {
    }

    /** A {@code <style>} element with the marks, or null for a source without pages. */
    static @Nullable Element style(SourceText.Outline source) {
        String css = css(source.passages());
        if (css.isEmpty()) {
            return null;
        }
        var style = new Element("style");
        style.setText(css);
        return style;
    }

    static String css(List<SourceText.Passage> passages) {
        var rules = new StringBuilder();
        var marked = new ArrayList<String>();
        Integer lastPage = null;
        for (SourceText.Passage p : passages) {
            if (p.firstPage() == null) {
                continue;
            }
            int last = p.lastPage() == null ? p.firstPage() : p.lastPage();
            if (last != p.firstPage() || !p.firstPage().equals(lastPage)) {
                String selector = "annals-text .passage[data-start=\"" + p.start() + "\"]";
                marked.add(selector);
                rules.append(selector).append("::before{content:\"").append(p.pagesCited()).append("\"}\n");
            }
            lastPage = last;
        }
        if (marked.isEmpty()) {
            return "";
        }
        return ":is(" + String.join(",", marked) + ")::before{float:inline-end;margin-inline-start:1em;"
                + "font-size:var(--lumo-font-size-xs,0.75rem);font-weight:normal;line-height:2;"
                + "color:var(--lumo-secondary-text-color,#666);user-select:none;pointer-events:none}\n" + rules;
    }
}

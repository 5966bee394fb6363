package org.annals.review.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.annals.review.ChangeAction;
import org.annals.review.ChangesetDetails;
import org.annals.review.ChangesetState;
import org.annals.discussion.ui.CommentThread;

/**
 * A changeset opened: its message and author, every operation as a diff (field by field for updates,
 * the whole record for creates and deletes), and the discussion with a box to add to it.
 */
class ChangesetPanel extends Div {


    ChangesetPanel(ChangesetDetails details, CommentThread discussion) {
        addClassName("changeset-panel");
        var summary = details.summary();
        add(new H3(summary.message()));
        add(new Paragraph(summary.state().displayName() + " · proposed by " + summary.authorName()
                + (summary.submittedAt() == null ? "" : " · submitted " + Moments.format(summary.submittedAt()))
                + (details.decidedBy() == null ? "" : " · decided by " + details.decidedBy())));
        if (!details.dependsOn().isEmpty()) {
            add(links("Depends on: ", details.dependsOn(), "depends-on",
                    " Approving this one approves them too, or waits until they are approved."));
        }
        if (!details.neededBy().isEmpty()) {
            add(links("Needed by: ", details.neededBy(), "needed-by",
                    " Rejecting this one sends them back to their authors."));
        }
        // Once approved, "before" is the revision the changeset replaced, not the record now.
        boolean applied = summary.state() == ChangesetState.APPROVED;
        for (var op : details.operations()) {
            add(operation(summary.projectId(), op, applied));
        }
        // The same thread as on records: live, with mentions; decision comments are part of it.
        add(discussion);
    }

    /** Other open changesets tied to this one, by message and author, as text. */
    private static Paragraph links(String what, java.util.List<ChangesetDetails.Link> links, String className,
            String consequence) {
        var line = new Paragraph(what + links.stream()
                .map(l -> "\"" + l.message() + "\" by " + l.authorName() + " (" + l.state().displayName().toLowerCase(
                        java.util.Locale.ROOT) + ")")
                .collect(java.util.stream.Collectors.joining("; ")) + "." + consequence);
        line.addClassName(className);
        return line;
    }

    private static Div operation(java.util.UUID projectId, ChangesetDetails.OperationDiff op, boolean applied) {
        var block = new Div();
        block.addClassName("operation");
        String verb = switch (op.action()) {
            case CREATE -> "New";
            case UPDATE -> "Change to";
            case DELETE -> "Deletion of";
        };
        block.add(new H4(verb + " " + op.kindName().toLowerCase(java.util.Locale.ROOT) + ": " + op.label()));
        if (op.stale()) {
            var warning = new Paragraph(op.currentVersion() == null
                    ? "This record no longer exists."
                    : "Someone changed this record after the proposal was made (based on version " + op.baseVersion()
                            + ", now version " + op.currentVersion() + "). \"Now\" shows its current values; approving"
                            + " will be refused until the author proposes again.");
            warning.addClassName("stale-warning");
            block.add(warning);
        }
        var table = new Div();
        table.addClassName("diff");
        table.add(cell("Field", "diff-head"),
                cell(op.action() == ChangeAction.CREATE ? "" : applied ? "Before" : "Now", "diff-head"),
                cell(op.action() == ChangeAction.DELETE ? "" : applied ? "After" : "Proposed", "diff-head"));
        for (var field : op.fields()) {
            if (op.action() == ChangeAction.UPDATE && !field.changed()) {
                continue;
            }
            String style = field.changed() ? "diff-changed" : "diff-same";
            table.add(cell(field.field(), "diff-field"), cell(field.before(), style + " diff-before"),
                    cell(field.after(), style + " diff-after"));
        }
        block.add(table);
        block.add(new CitedSources(projectId, op.citations()));
        return block;
    }

    private static Span cell(String text, String classes) {
        var span = new Span(text == null ? "" : text);
        for (String c : classes.split(" ")) {
            span.addClassName(c);
        }
        return span;
    }
}

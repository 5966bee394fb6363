package org.annals.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Locale;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.ui.Moments;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectSummary;
import org.annals.review.ChangesetDetails;
import org.annals.review.HistoryService;

/**
 * The history of one record, newest first: when, who proposed, who approved, the changeset's message,
 * each changed field as before → after, the sources cited, and for editors "Revert to this" on every
 * earlier state (a new changeset, reviewed like any change). Record pages of every kind share it.
 */
public class RecordHistory extends Div {

    public RecordHistory(HistoryService history, ProjectSummary project, String kind, UUID recordId) {
        addClassName("history");
        var revisions = history.history(project.id(), kind, recordId);
        boolean mayRevert = project.myRole().includes(ProjectRole.EDITOR);
        for (int i = revisions.size() - 1; i >= 0; i--) {
            var revision = revisions.get(i);
            var item = new Div();
            item.addClassName("revision");
            var when = new Span(Moments.format(revision.appliedAt()));
            when.addClassName("revision-when");
            item.add(new Div(when, new Span(" · " + revision.action().name().toLowerCase(Locale.ROOT) + " proposed by "
                    + revision.author() + ", approved by " + revision.reviewer() + " · \"" + revision.changesetMessage()
                    + "\"")));
            for (var change : revision.changes()) {
                item.add(change(change));
            }
            item.add(new CitedSources(project.id(), revision.citations()));
            // The newest state is the record as it is; any earlier one that did not delete it can come back.
            if (i < revisions.size() - 1 && mayRevert && revision.version() != null) {
                var revert = new Button("Revert to this", e -> revert(history, project, kind, recordId, revision.id()));
                revert.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                item.add(revert);
            }
            add(item);
        }
        if (revisions.isEmpty()) {
            add(new Paragraph("No history."));
        }
    }

    private static void revert(HistoryService history, ProjectSummary project, String kind, UUID recordId,
            UUID revisionId) {
        try {
            history.revert(project.id(), kind, recordId, revisionId, true);
        } catch (InvalidInputException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            return;
        }
        Notification.show("A changeset restoring these values was submitted for review.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static Div change(ChangesetDetails.FieldChange change) {
        var before = new Span(change.before() == null ? "" : change.before());
        before.addClassName("before");
        var row = new Div(new Span(change.field() + ": "), before, new Span(" → "),
                new Span(change.after() == null ? "" : change.after()));
        row.addClassName("revision-change");
        return row;
    }
}

package org.annals.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.notification.Notification;
import java.util.UUID;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * The line at the top of an open record form that says the record changed under it: someone's change
 * was approved (with a way to compare and carry the values over), or the record was deleted or merged
 * (with a way on). While the form is open it follows the project's approvals of this record (and
 * reloads after a {@code RESYNC}); the form decides, by comparing versions, whether anything changed.
 */
public final class ConflictNotice extends Div {

    /** Asked when the record may have changed; {@code approvedBy} names whose change it was, if known. */
    @FunctionalInterface
    public interface Check {
        void recordMayHaveChanged(@Nullable String approvedBy);
    }

    public ConflictNotice() {
        addClassName("conflict-notice");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    /** Follows approvals of {@code record} while {@code form} is attached (open). */
    public void follow(com.vaadin.flow.component.Component form, CollabService collab, ChangesetService changesets,
            UUID projectId, RecordRef record, Check check) {
        LiveRefresh.of(form, collab).follow(projectId,
                event -> event.kind() == CollabEvent.Kind.RESYNC
                        || event.kind() == CollabEvent.Kind.APPROVED && event.concernsRecord(record),
                events -> check.recordMayHaveChanged(events.stream()
                        .filter(e -> e.kind() == CollabEvent.Kind.APPROVED && e.changesetId() != null)
                        .reduce((first, last) -> last).map(e -> authorOf(changesets, e.changesetId())).orElse(null)));
    }

    private static @Nullable String authorOf(ChangesetService changesets, UUID changesetId) {
        try {
            return changesets.details(changesetId).summary().authorName();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** The record changed: says so, with the action that compares. */
    public void changed(String text, String actionLabel, Runnable action) {
        show(text, "conflict-changed", actionLabel, action);
    }

    /** The record is gone (deleted, merged): says so, with a way on if there is one. */
    public void gone(String text, @Nullable String actionLabel, @Nullable Runnable action) {
        show(text, "conflict-gone", actionLabel, action);
    }

    /** The conflict is settled: a short confirmation instead. */
    public void resolved(String text) {
        show(text, "conflict-resolved", null, null);
    }

    /**
     * Whether saving must wait (the person has not settled the conflict yet); if so, tells them why, for a
     * record called {@code what} ("event").
     */
    public boolean holdsSave(String what) {
        if (!unresolved()) {
            return false;
        }
        Notification.show(whySaveIsHeld(what), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
        return true;
    }

    private String whySaveIsHeld(String what) {
        return hasClassName("conflict-gone")
                ? "This " + what + " was deleted or merged while you were editing, so these values cannot change it any"
                        + " more: see the top of the form for what you can do with them."
                : "This " + what + " changed while you were editing: compare first (see the top of the form), so that"
                        + " your proposal is not based on an old version.";
    }

    public boolean unresolved() {
        return isVisible() && !hasClassName("conflict-resolved");
    }

    private void show(String text, String state, @Nullable String actionLabel, @Nullable Runnable action) {
        removeAll();
        removeClassNames("conflict-changed", "conflict-gone", "conflict-resolved");
        addClassName(state);
        add(new Span(text));
        if (actionLabel != null && action != null) {
            var button = new Button(actionLabel, e -> action.run());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(button);
        }
        setVisible(true);
    }
}

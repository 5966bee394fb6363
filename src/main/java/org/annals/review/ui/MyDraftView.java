package org.annals.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.base.ui.TypedWork;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.security.CurrentUser;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ChangeAction;
import org.annals.review.WorkingDraftService;
import org.annals.review.WorkingDraftService.DraftItem;
import org.jspecify.annotations.Nullable;

/**
 * The editor's working draft for the project, whole: every item (marks in any source, new records,
 * edits) with a link to where it can be seen, a remove button per item, and the ways to finish it:
 * submit with a message, move chosen items into a changeset of their own, or discard it. The list is
 * read a page at a time as it scrolls, so a draft of a thousand items opens as fast as one of ten.
 */
@Route(ProjectRoutes.PREFIX + "/draft")
@PermitAll
public class MyDraftView extends ProjectPage {

    private final WorkingDraftService drafts;
    private final Map<String, RecordLinks> linksByKind;
    private final Grid<DraftItem> grid = new Grid<>();
    private final Span summary = new Span();
    private final Button submit = new Button("Submit for review…");
    private final Button split = new Button("Move selected to a new changeset…");
    private final Button discard = new Button("Discard draft…");
    /** Links of the items on the pages read so far, filled as the list reads them. */
    private final Map<UUID, RecordLinks.Link> links = new HashMap<>();
    private @Nullable UUID projectId;

    private final LiveRefresh live;

    MyDraftView(ProjectService projects, WorkingDraftService drafts, List<RecordLinks> links, CollabService collab) {
        super(projects, ProjectRole.EDITOR, "My draft");
        this.drafts = drafts;
        this.live = LiveRefresh.of(this, collab);
        this.linksByKind = links.stream().collect(Collectors.toMap(RecordLinks::kind, l -> l));
        setSizeFull();
        addClassName("my-draft");
        summary.addClassName("draft-summary");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submitDialog());
        split.addClickListener(e -> splitDialog());
        split.setEnabled(false);
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(e -> discardQuestion());
        buildGrid();
    }

    @Override
    protected void render(ProjectSummary project) {
        projectId = project.id();
        links.clear();
        UUID id = project.id();
        grid.setItems(query -> {
            List<DraftItem> page = drafts.items(id, query.getOffset(), query.getLimit());
            readLinks(id, page);
            return page.stream();
        }, query -> (int) drafts.count(id));
        var help = new Paragraph("Everything you mark in any source, and every record you add to your draft from a"
                + " form, waits here until you submit it as one changeset. Remove what you do not want; move items"
                + " into a changeset of their own to have them reviewed apart.");
        help.addClassName("draft-help");
        var actions = new HorizontalLayout(summary, submit, split, discard);
        actions.setAlignItems(Alignment.BASELINE);
        actions.addClassName("draft-actions");
        add(help, actions, grid);
        showSummary();
        // The person's own changes in another tab (a mark in a source, a form): the list follows them.
        UUID me = CurrentUser.require().userId();
        live.follow(id, event -> event.changesRecords() && me.equals(event.actorId()), events -> refresh());
    }

    private void buildGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(DraftItem::kindName).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> actionWord(item.action())).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DraftItem::label).setHeader("DraftItem").setFlexGrow(3);
        grid.addComponentColumn(this::where).setHeader("Where").setFlexGrow(1);
        grid.addComponentColumn(item -> {
            var remove = new Button("Remove", e -> remove(item));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.getElement().setAttribute("aria-label", "Remove " + item.label() + " from the draft");
            return remove;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("Your draft is empty. Mark passages in a source, or choose \"Add to my draft\" in an"
                + " event or entity form.");
        grid.addSelectionListener(e -> split.setEnabled(!e.getAllSelectedItems().isEmpty()));
    }

    private static String actionWord(ChangeAction action) {
        return switch (action) {
            case CREATE -> "New";
            case UPDATE -> "Change";
            case DELETE -> "Delete";
        };
    }

    /** Asks each kind's links for one page of items, in one call per kind. */
    private void readLinks(UUID projectId, List<DraftItem> page) {
        Map<String, List<DraftItem>> byKind = page.stream().collect(Collectors.groupingBy(DraftItem::kind));
        byKind.forEach((kind, items) -> {
            RecordLinks kindLinks = linksByKind.get(kind);
            if (kindLinks != null) {
                links.putAll(kindLinks.links(projectId, items));
            }
        });
    }

    private com.vaadin.flow.component.Component where(DraftItem item) {
        RecordLinks.Link link = links.get(item.recordId());
        if (link == null) {
            return new Span(item.action() == ChangeAction.CREATE ? "Only in your draft" : "");
        }
        var anchor = new Anchor(link.path(), link.text());
        anchor.getElement().setAttribute("router-link", true);
        anchor.addClassName("draft-item-link");
        return anchor;
    }

    private UUID project() {
        if (projectId == null) {
            throw new IllegalStateException("The page has not been shown yet.");
        }
        return projectId;
    }

    private void showSummary() {
        var overview = drafts.overview(project());
        long size = overview.map(WorkingDraftService.Overview::size).orElse(0L);
        summary.setText(size == 0 ? "Nothing in your draft." : size + (size == 1 ? " item" : " items") + " in your draft.");
        submit.setEnabled(size > 0);
        discard.setEnabled(size > 0);
    }

    /** After any change: read the list again from the server, forget the selection and old links. */
    private void refresh() {
        links.clear();
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        showSummary();
    }

    /** Removes one item; when other items use the record it creates, asks first whether they go too. */
    private void remove(DraftItem item) {
        List<DraftItem> dependents = attempt(() -> drafts.dependents(project(), Set.of(item.recordId())));
        if (dependents == null) {
            return;
        }
        if (dependents.isEmpty()) {
            removeNow(item, false);
            return;
        }
        var question = new ConfirmDialog();
        question.setHeader("Remove what uses it too?");
        question.setText("\"" + item.label() + "\" is used by " + (dependents.size() == 1 ? "another item"
                : dependents.size() + " other items") + " of your draft, which would point to nothing without it: "
                + dependents.stream().map(d -> d.kindName() + " " + d.label()).collect(Collectors.joining("; "))
                + ". Remove " + (dependents.size() == 1 ? "it" : "them") + " too?");
        question.setCancelable(true);
        question.setCancelText("Keep all");
        question.setConfirmText("Remove " + (dependents.size() + 1) + " items");
        question.setConfirmButtonTheme("error primary");
        question.addConfirmListener(e -> removeNow(item, true));
        question.open();
    }

    private void removeNow(DraftItem item, boolean withDependents) {
        List<DraftItem> removed = attempt(() -> drafts.remove(project(), Set.of(item.recordId()), withDependents));
        if (removed != null) {
            refresh();
            Notification.show(removed.size() == 1 ? "Removed from your draft." : "Removed " + removed.size()
                    + " items from your draft.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    private void submitDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Submit your draft for review");
        var message = new TextArea("Message for the reviewers");
        message.setValue(drafts.overview(project()).map(WorkingDraftService.Overview::message).orElse(""));
        message.setWidthFull();
        var error = new Div();
        error.addClassName("form-error");
        var send = new Button("Submit", e -> {
            try {
                drafts.submit(project(), message.getValue());
                dialog.close();
                refresh();
                Notification.show("Submitted for review: follow it under My changes.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                error.setText(refused.getMessage());
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(message, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        TypedWork.guard(dialog, message);
        dialog.open();
    }

    /** Moves the selected items (and the new records they need) into a changeset of their own. */
    private void splitDialog() {
        var chosen = new ArrayList<>(grid.getSelectedItems());
        if (chosen.isEmpty()) {
            return;
        }
        var dialog = new Dialog();
        dialog.setHeaderTitle("Move " + (chosen.size() == 1 ? "1 item" : chosen.size() + " items")
                + " to a new changeset");
        var message = new TextArea("Message for the reviewers");
        message.setWidthFull();
        var note = new Paragraph("New records of your draft that these items use move with them, so that the new"
                + " changeset can be reviewed on its own.");
        var error = new Div();
        error.addClassName("form-error");
        Set<UUID> ids = chosen.stream().map(DraftItem::recordId).collect(Collectors.toSet());
        var submitNow = new Button("Move and submit", e -> splitNow(dialog, error, ids, message.getValue(), true));
        submitNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var keep = new Button("Move to a separate draft", e -> splitNow(dialog, error, ids, message.getValue(), false));
        dialog.add(note, message, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), keep, submitNow);
        TypedWork.guard(dialog, message);
        dialog.open();
    }

    private void splitNow(Dialog dialog, Div error, Set<UUID> ids, String message, boolean submitNow) {
        try {
            var split = drafts.split(project(), ids, message, submitNow);
            dialog.close();
            refresh();
            String also = split.alsoMoved().isEmpty() ? "" : " (with " + split.alsoMoved().stream()
                    .map(DraftItem::label).collect(Collectors.joining("; ")) + ", which they use)";
            Notification.show("Moved " + split.moved().size() + (split.moved().size() == 1 ? " item" : " items") + also
                    + (submitNow ? " and submitted them for review." : " to a separate draft under My changes."))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException refused) {
            error.setText(refused.getMessage());
        }
    }

    private void discardQuestion() {
        var question = new ConfirmDialog();
        question.setHeader("Discard your whole draft?");
        question.setText("Every item in it, in every source, is withdrawn. This cannot be undone here.");
        question.setCancelable(true);
        question.setConfirmText("Discard draft");
        question.setConfirmButtonTheme("error primary");
        question.addConfirmListener(e -> {
            if (attempt(() -> {
                drafts.discard(project());
                return Boolean.TRUE;
            }) != null) {
                refresh();
                Notification.show("Draft discarded.");
            }
        });
        question.open();
    }

    /** Runs a change; a refusal (the draft changed in another tab, say) is shown, and nothing else happens. */
    private <T> @Nullable T attempt(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (InvalidInputException refused) {
            Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            refresh();
            return null;
        }
    }
}

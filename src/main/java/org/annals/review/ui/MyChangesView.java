package org.annals.review.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.collab.CollabService;
import org.annals.collab.PresenceService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.collab.ui.PresenceBar;
import org.annals.base.ui.TypedWork;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ChangeAction;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ChangesetSummary;
import org.jspecify.annotations.Nullable;

/**
 * The author's own changesets and their states: submit drafts, withdraw pending ones, read decisions.
 * It follows what happens to them as it happens (a reviewer's decision, an approval that makes one of
 * them stale, which is then marked as a conflict with a way forward).
 */
@Route(ProjectRoutes.PREFIX + "/changes")
@PermitAll
public class MyChangesView extends ProjectPage {

    private final ChangesetService changesets;
    private final Map<String, RecordEditor> editors;
    private final CollabService collab;
    private final PresenceService presence;
    private final LiveRefresh live;
    private final org.annals.discussion.ui.CommentThreads threads;
    private final Grid<ChangesetSummary> grid = new Grid<>();
    private final Div detail = new Div();
    private ProjectSummary project;
    private Set<UUID> conflicts = Set.of();
    /** What the open changeset looked like when drawn: redrawn live only when that changes (a typed comment stays). */
    private @Nullable Shown shown;

    private record Shown(UUID id, ChangesetState state, boolean conflict) {
    }

    MyChangesView(ProjectService projects, ChangesetService changesets, List<RecordEditor> editors,
            CollabService collab, PresenceService presence, org.annals.discussion.ui.CommentThreads threads) {
        super(projects, ProjectRole.EDITOR, "My changes");
        this.threads = threads;
        this.changesets = changesets;
        this.editors = editors.stream().collect(Collectors.toMap(RecordEditor::kind, e -> e));
        this.collab = collab;
        this.presence = presence;
        this.live = LiveRefresh.of(this, collab);
        setSizeFull();
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        shown = null;
        if (grid.getColumns().isEmpty()) {
            buildGrid();
        }
        var split = new SplitLayout(grid, detail);
        split.setSplitterPosition(45);
        split.setSizeFull();
        add(split);
        List<ChangesetSummary> rows = refresh();
        // A notification's link names the changeset to open.
        queryParameters().getSingleParameter(org.annals.discussion.ThreadLinks.CHANGESET_PARAMETER).flatMap(ProjectRoutes::parseId)
                .flatMap(id -> rows.stream().filter(r -> r.id().equals(id)).findFirst()).ifPresent(this::open);
        live.follow(project.id(), event -> event.changesRecords(), events -> refreshLive());
        offerKeptProposal(rows);
    }

    /** A proposal being edited when the page was left (reload, expired session) opens again with what was typed. */
    private void offerKeptProposal(List<ChangesetSummary> rows) {
        String prefix = RecordEditor.PROPOSAL_FORM_PREFIX;
        TypedWork.offerEach(com.vaadin.flow.component.UI.getCurrent(), prefix, kept -> {
            ProjectRoutes.parseId(kept.form().substring(prefix.length())).flatMap(id -> rows.stream()
                    .filter(r -> r.id().equals(id) && r.state().editable()).findFirst()).ifPresent(row -> {
                var operations = changesets.proposedOperations(row.id());
                if (operations.size() == 1 && operations.getFirst().payload() != null
                        && editors.containsKey(operations.getFirst().kind())) {
                    open(row);
                    editors.get(operations.getFirst().kind()).edit(project.id(), row.id(), row.message(),
                            operations.getFirst(), this::afterChange, kept.fields());
                    TypedWork.announceRestored("change");
                }
            });
        });
    }

    private void buildGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ChangesetSummary::message).setHeader("Change").setFlexGrow(2);
        grid.addColumn(c -> c.state().displayName()).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(c -> {
            var badge = new Span(conflicts.contains(c.id()) ? "Conflict" : "");
            if (conflicts.contains(c.id())) {
                badge.addClassName("conflict-badge");
                badge.getElement().setAttribute("title", "Someone else's change to the same record was approved"
                        + " after you proposed yours: open it to update it.");
            }
            return badge;
        }).setHeader("Conflict").setAutoWidth(true);
        grid.addColumn(c -> Moments.format(c.updatedAt())).setHeader("Updated").setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText("You have not proposed any change in this project yet.");
    }

    private List<ChangesetSummary> refresh() {
        conflicts = changesets.myConflicts(project.id());
        List<ChangesetSummary> rows = changesets.mine(project.id(), 200);
        grid.setItems(rows);
        return rows;
    }

    /**
     * Something happened to changesets or records: reload the list and its conflicts, and redraw the open
     * changeset only if its state or conflict changed, so that a comment being typed is not lost.
     */
    private void refreshLive() {
        List<ChangesetSummary> rows = refresh();
        Shown open = shown;
        if (open == null) {
            return;
        }
        rows.stream().filter(r -> r.id().equals(open.id())).findFirst().ifPresent(row -> {
            if (row.state() != open.state() || conflicts.contains(row.id()) != open.conflict()) {
                open(row);
            }
        });
    }

    private void afterChange() {
        refresh();
        detail.removeAll();
        shown = null;
    }

    private void open(ChangesetSummary changeset) {
        detail.removeAll();
        boolean conflict = conflicts.contains(changeset.id());
        shown = new Shown(changeset.id(), changeset.state(), conflict);
        var here = new PresenceBar(presence, collab);
        here.show(project.id(), changeset.id());
        detail.add(here);
        if (conflict) {
            detail.add(conflictHelp(changeset));
        }
        detail.add(new ChangesetPanel(changesets.details(changeset.id()), threads.forChangeset(project.id(), changeset.id())));
        var actions = new HorizontalLayout();
        if (changeset.state().editable()) {
            var operations = changesets.proposedOperations(changeset.id());
            if (operations.size() == 1 && operations.getFirst().payload() != null
                    && editors.containsKey(operations.getFirst().kind())) {
                actions.add(new Button("Edit", e -> editors.get(operations.getFirst().kind()).edit(project.id(),
                        changeset.id(), changeset.message(), operations.getFirst(), this::afterChange)));
            }
            actions.add(new Button("Submit for review", e -> {
                changesets.submit(changeset.id());
                afterChange();
            }));
        }
        if (changeset.state().open()) {
            actions.add(new Button("Withdraw", e -> {
                changesets.withdraw(changeset.id());
                afterChange();
            }));
        }
        if (changeset.state() == ChangesetState.CHANGES_REQUESTED) {
            detail.add(new Div("The reviewer asked for changes: see the discussion. Propose the corrected values again"
                    + " from the record's page, then withdraw this one, or submit it as it is."));
        }
        detail.add(actions);
    }

    /** What the conflict is and the ways forward: update to the current version, or withdraw and propose again. */
    private Div conflictHelp(ChangesetSummary changeset) {
        var help = new Div();
        help.addClassName("conflict-notice");
        help.getElement().setAttribute("role", "alert");
        var conflicts = changesets.conflicts(changeset.id());
        boolean gone = conflicts.stream().anyMatch(ChangesetService.Rebase::recordGone);
        help.add(new Paragraph(gone
                ? "A record this changeset changes was deleted or merged after you proposed it: it cannot be approved"
                        + " as it is. Copy your values from below, propose them again where they belong, and withdraw"
                        + " this changeset."
                : "Someone else's change to the same record was approved after you proposed yours: a reviewer cannot"
                        + " approve this as it is. Update it to the current version, keeping your values where you"
                        + " choose (\"Now\" below shows the current values)."));
        if (!gone && conflicts.size() == 1) {
            var conflict = conflicts.getFirst();
            RecordEditor editor = editors.get(conflict.proposed().kind());
            if (editor != null && conflict.proposed().action() == ChangeAction.UPDATE) {
                var update = new Button("Update to the current version…", e -> {
                    if (!editor.rebase(project.id(), changeset.id(), changeset.message(), conflict, () -> {
                        Notification.show("Updated: your proposal is now based on the current version.")
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        afterChange();
                    })) {
                        Notification.show("This change cannot be updated here: withdraw it and propose it again.");
                    }
                });
                update.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                help.add(update);
            } else if (conflict.proposed().action() == ChangeAction.DELETE && conflict.currentVersion() != null) {
                var update = new Button("Still delete the current version", e -> {
                    changesets.rebase(changeset.id(), new org.annals.review.ProposedOperation(conflict.proposed().kind(),
                            conflict.proposed().recordId(), ChangeAction.DELETE, conflict.currentVersion(), null));
                    Notification.show("Updated: your deletion now applies to the current version.")
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    afterChange();
                });
                help.add(update);
            } else {
                help.add(new Paragraph("Open the record, propose your values again from its page, and withdraw this"
                        + " changeset."));
            }
        }
        return help;
    }
}

package org.annals.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ChangesetSummary;

/** The author's own changesets and their states: submit drafts, withdraw pending ones, read decisions. */
@Route(ProjectRoutes.PREFIX + "/changes")
@PermitAll
public class MyChangesView extends ProjectPage {

    private final ChangesetService changesets;
    private final org.annals.discussion.ui.CommentThreads threads;
    private final java.util.Map<String, RecordEditor> editors;
    private final Grid<ChangesetSummary> grid = new Grid<>();
    private final Div detail = new Div();
    private ProjectSummary project;

    MyChangesView(ProjectService projects, ChangesetService changesets, java.util.List<RecordEditor> editors,
            org.annals.discussion.ui.CommentThreads threads) {
        super(projects, ProjectRole.EDITOR, "My changes");
        this.threads = threads;
        this.changesets = changesets;
        this.editors = editors.stream().collect(java.util.stream.Collectors.toMap(RecordEditor::kind, e -> e));
        setSizeFull();
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ChangesetSummary::message).setHeader("Change").setFlexGrow(2);
        grid.addColumn(c -> c.state().displayName()).setHeader("State").setAutoWidth(true);
        grid.addColumn(c -> ChangesetPanel.WHEN.format(c.updatedAt())).setHeader("Updated").setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText("You have not proposed any change in this project yet.");
        var split = new SplitLayout(grid, detail);
        split.setSplitterPosition(45);
        split.setSizeFull();
        add(split);
        refresh();
        // A link from a notification or the activity feed opens that changeset.
        queryParameters().getSingleParameter(org.annals.discussion.ThreadLinks.CHANGESET_PARAMETER)
                .flatMap(ProjectRoutes::parseId)
                .flatMap(id -> changesets.mine(project.id(), 200).stream().filter(c -> c.id().equals(id)).findFirst())
                .ifPresent(this::open);
    }

    private void refresh() {
        grid.setItems(changesets.mine(project.id(), 200));
    }

    private void open(ChangesetSummary changeset) {
        detail.removeAll();
        detail.add(new ChangesetPanel(changesets.details(changeset.id()), threads.forChangeset(project.id(), changeset.id())));
        var actions = new HorizontalLayout();
        if (changeset.state().editable()) {
            var operations = changesets.proposedOperations(changeset.id());
            if (operations.size() == 1 && operations.getFirst().payload() != null
                    && editors.containsKey(operations.getFirst().kind())) {
                actions.add(new Button("Edit", e -> editors.get(operations.getFirst().kind()).edit(project.id(),
                        changeset.id(), changeset.message(), operations.getFirst(), () -> {
                            refresh();
                            detail.removeAll();
                        })));
            }
            actions.add(new Button("Submit for review", e -> {
                changesets.submit(changeset.id());
                refresh();
                detail.removeAll();
            }));
        }
        if (changeset.state().open()) {
            actions.add(new Button("Withdraw", e -> {
                changesets.withdraw(changeset.id());
                refresh();
                detail.removeAll();
            }));
        }
        if (changeset.state() == ChangesetState.CHANGES_REQUESTED) {
            detail.add(new Div("The reviewer asked for changes: see the discussion. Propose the corrected values again"
                    + " from the record's page, then withdraw this one, or submit it as it is."));
        }
        detail.add(actions);
    }
}

package org.annals.review.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.base.ui.EmptyState;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.PresenceService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.collab.ui.PresenceBar;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.Allowance;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetSummary;
import org.annals.review.ReviewAction;
import org.annals.review.ReviewService;

/**
 * The review queue: changesets waiting for a decision, oldest first by default. With the list
 * focused: J next, K previous, A approve (after a confirmation that Enter accepts), R reject; anywhere on
 * the page the same with Alt.
 * Disabled buttons say why in their tooltip. The list follows submissions and decisions made by others
 * as they happen.
 */
@Route(ProjectRoutes.PREFIX + "/review")
@PermitAll
class ReviewQueueView extends ProjectPage {

    private final ReviewService review;
    private final ChangesetService changesets;
    private final Grid<ChangesetSummary> grid = new Grid<>();
    private final Div detail = new Div();
    private final Select<String> order = new Select<>();
    private final ComboBox<Map.Entry<UUID, String>> author = new ComboBox<>();
    private final Select<String> kind = new Select<>();
    private final ComboBox<org.annals.source.SourceSummary> source = new ComboBox<>();
    private final org.annals.source.SourceService sources;
    private final TextArea decisionComment = new TextArea();
    private ProjectSummary project;
    private List<ChangesetSummary> rows = List.of();

    private final LiveRefresh live;
    private final CollabService collab;
    private final PresenceService presence;
    private final org.annals.discussion.ui.CommentThreads threads;

    ReviewQueueView(ProjectService projects, ReviewService review, ChangesetService changesets,
            org.annals.source.SourceService sources, CollabService collab, PresenceService presence,
            org.annals.discussion.ui.CommentThreads threads) {
        this.presence = presence;
        this.collab = collab;
        super(projects, ProjectRole.EDITOR, "Review");
        this.threads = threads;
        this.sources = sources;
        this.review = review;
        this.changesets = changesets;
        this.live = LiveRefresh.of(this, collab);
        setSizeFull();
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        order.setItems("Oldest first", "Newest first");
        order.setValue("Oldest first");
        order.addValueChangeListener(e -> refresh());
        author.setPlaceholder("Any author");
        author.setClearButtonVisible(true);
        author.setItemLabelGenerator(Map.Entry::getValue);
        author.addValueChangeListener(e -> refresh());
        kind.setItems("", "ENTITY", "EVENT");
        kind.setItemLabelGenerator(k -> switch (k) {
            case "ENTITY" -> "Entities";
            case "EVENT" -> "Events";
            default -> "Any kind of record";
        });
        source.setPlaceholder("Any source");
        source.setClearButtonVisible(true);
        source.setItemLabelGenerator(org.annals.source.SourceSummary::title);
        source.setItems(q -> sources.library(project.id(), q.getFilter().orElse(""),
                org.springframework.data.domain.Sort.by("title"), 0, q.getOffset() + q.getLimit()).stream()
                .skip(q.getOffset()).limit(q.getLimit()));
        source.addValueChangeListener(e -> refresh());
        kind.setValue("");
        kind.addValueChangeListener(e -> refresh());
        var approveSelected = new Button("Approve selected", VaadinIcon.CHECK.create(), e -> approveSelected());
        var filters = new HorizontalLayout(order, author, kind, source, approveSelected);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        approveSelected.setVisible(project.myRole().includes(ProjectRole.REVIEWER));

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // One line per changeset, cut with an ellipsis: a long message or a changeset of hundreds of records
        // must not grow its row until the others leave the list. The whole text is in the tooltip and the
        // open changeset.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ChangesetSummary::message).setHeader("Change").setFlexGrow(2)
                .setTooltipGenerator(ChangesetSummary::message);
        grid.addColumn(ChangesetSummary::authorName).setHeader("Author").setAutoWidth(true);
        grid.addColumn(c -> c.submittedAt() == null ? "" : Moments.format(c.submittedAt()))
                .setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(ReviewQueueView::recordsLine).setHeader("Records").setFlexGrow(2)
                .setTooltipGenerator(ReviewQueueView::recordsTooltip);
        grid.addClassName("review-queue");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.getElement().setAttribute("aria-label", "Changesets waiting for review");
        Shortcuts.addShortcutListener(grid, () -> move(1), Key.KEY_J).listenOn(grid);
        Shortcuts.addShortcutListener(grid, () -> move(-1), Key.KEY_K).listenOn(grid);
        // A single key must not apply a changeset by accident: approving from the keyboard asks first.
        Shortcuts.addShortcutListener(grid, this::confirmApproval, Key.KEY_A).listenOn(grid);
        Shortcuts.addShortcutListener(grid, () -> decide(ReviewAction.REJECT), Key.KEY_R).listenOn(grid);
        // Anywhere on the page, with Alt so that typing a comment never triggers a decision.
        Shortcuts.addShortcutListener(this, () -> move(1), Key.KEY_J, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> move(-1), Key.KEY_K, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, this::confirmApproval, Key.KEY_A, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> decide(ReviewAction.REJECT), Key.KEY_R, KeyModifier.ALT);

        decisionComment.setPlaceholder("Comment (needed to reject or request changes)");
        decisionComment.setWidthFull();
        var split = new SplitLayout(grid, detail);
        split.setSplitterPosition(45);
        split.setSizeFull();
        detail.addClassName("review-detail");
        add(filters, split);
        refreshAuthors();
        refresh();
        // A link from a notification or the activity feed opens that changeset, in the queue or not.
        queryParameters().getSingleParameter(org.annals.discussion.ThreadLinks.CHANGESET_PARAMETER)
                .flatMap(ProjectRoutes::parseId)
                .ifPresent(id -> open(changesets.details(id).summary()));
        live.follow(project.id(), CollabEvent::concernsReviewQueue, events -> refreshLive());
    }

    /**
     * Someone submitted, decided or withdrew a changeset: update the list without disturbing the reviewer.
     * The ticked rows stay ticked, and the open changeset stays open (with a comment being typed) unless
     * it left the queue, which is then said.
     */
    private void refreshLive() {
        var ticked = grid.getSelectedItems().stream().map(ChangesetSummary::id).collect(Collectors.toSet());
        rows = query();
        grid.setItems(rows);
        rows.stream().filter(row -> ticked.contains(row.id())).forEach(grid::select);
        ChangesetSummary open = current == null ? null
                : rows.stream().filter(row -> row.id().equals(current.id())).findFirst().orElse(null);
        if (open != null) {
            current = open;
            return;
        }
        if (current != null) {
            Notification.show("\"" + current.message() + "\" was decided or withdrawn meanwhile.", 5000,
                    Notification.Position.BOTTOM_START);
            current = null;
        }
        if (rows.isEmpty()) {
            showEmpty();
        } else {
            open(rows.getFirst());
        }
    }

    private void refreshAuthors() {
        author.setItems(review.queue(project.id(), null, null, false, 0, 500).stream()
                .collect(Collectors.toMap(ChangesetSummary::authorId, ChangesetSummary::authorName, (a, b) -> a))
                .entrySet().stream().toList());
    }

    private void refresh() {
        rows = query();
        grid.setItems(rows);
        if (rows.isEmpty()) {
            current = null;
            showEmpty();
        } else {
            open(rows.getFirst());
        }
    }

    private List<ChangesetSummary> query() {
        return review.queue(project.id(), author.getValue() == null ? null : author.getValue().getKey(),
                kind.getValue() == null || kind.getValue().isEmpty() ? null : kind.getValue(),
                source.getValue() == null ? null : source.getValue().id(),
                "Newest first".equals(order.getValue()), 0, 200);
    }

    private void showEmpty() {
        detail.removeAll();
        detail.add(new EmptyState(VaadinIcon.CHECK_SQUARE_O, "Nothing to review",
                "Every change to this project waits here for a reviewer. Proposals will appear as editors submit them."));
    }

    private ChangesetSummary current;
    /** The open changesets the current one uses, which approving it approves first (decision 0023). */
    private List<ChangesetSummary> dependencies = List.of();
    /** A key held down or pressed twice asks once. */
    private boolean approvalQuestionOpen;

    private void open(ChangesetSummary changeset) {
        current = changeset;
        detail.removeAll();
        // Who else has this changeset open (another reviewer about to decide, its author).
        var here = new PresenceBar(presence, collab);
        here.show(project.id(), changeset.id());
        detail.add(here);
        detail.add(new ChangesetPanel(changesets.details(changeset.id()), threads.forChangeset(project.id(), changeset.id())));
        if (!project.myRole().includes(ProjectRole.REVIEWER)) {
            detail.add(new Paragraph("Reviewers and managers decide on changesets."));
            return;
        }
        Map<ReviewAction, Allowance> allowed = review.allowances(changeset.id());
        dependencies = review.dependenciesToApprove(changeset.id());
        // Approving several changesets at once always asks first, listing them.
        var approve = button(approveLabel(dependencies.size()), ReviewAction.APPROVE, allowed, ButtonVariant.LUMO_PRIMARY,
                dependencies.isEmpty() ? () -> decide(ReviewAction.APPROVE) : this::confirmApproval);
        detail.add(decisionComment, new HorizontalLayout(approve,
                button("Request changes", ReviewAction.REQUEST_CHANGES, allowed, ButtonVariant.LUMO_CONTRAST),
                button("Reject", ReviewAction.REJECT, allowed, ButtonVariant.LUMO_ERROR)));
    }

    /** "Approve", or "Approve with 2 dependencies" when it uses records of other open changesets. */
    static String approveLabel(int dependencies) {
        return dependencies == 0 ? "Approve"
                : "Approve with " + dependencies + (dependencies == 1 ? " dependency" : " dependencies");
    }

    private Button button(String label, ReviewAction action, Map<ReviewAction, Allowance> allowed, ButtonVariant variant) {
        return button(label, action, allowed, variant, () -> decide(action));
    }

    private Button button(String label, ReviewAction action, Map<ReviewAction, Allowance> allowed, ButtonVariant variant,
            Runnable click) {
        var button = new Button(label, e -> click.run());
        button.addThemeVariants(variant);
        Allowance allowance = allowed.get(action);
        button.setEnabled(allowance.allowed());
        if (!allowance.allowed()) {
            button.setTooltipText(allowance.reason());
        }
        return button;
    }

    private void decide(ReviewAction action) {
        if (current == null || !project.myRole().includes(ProjectRole.REVIEWER)) {
            return;
        }
        String comment = decisionComment.getValue();
        try {
            switch (action) {
                case APPROVE -> {
                    if (dependencies.isEmpty()) {
                        review.approve(current.id(), comment);
                    } else {
                        review.approveWithDependencies(current.id(), comment);
                    }
                }
                case REJECT -> review.reject(current.id(), comment);
                case REQUEST_CHANGES -> review.requestChanges(current.id(), comment);
            }
        } catch (InvalidInputException refused) {
            Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            return;
        }
        decisionComment.clear();
        Notification.show(switch (action) {
            case APPROVE -> dependencies.isEmpty() ? "Approved and applied."
                    : "Approved and applied, with " + dependencies.size() + " changeset"
                            + (dependencies.size() == 1 ? "" : "s") + " it uses.";
            case REJECT -> "Rejected.";
            case REQUEST_CHANGES -> "Sent back to the author.";
        }).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    /** What the A key does: asks "Approve …?" about the open changeset; Enter approves, Escape keeps it waiting. */
    private void confirmApproval() {
        if (current == null || !project.myRole().includes(ProjectRole.REVIEWER) || approvalQuestionOpen) {
            return;
        }
        ChangesetSummary asked = current;
        Allowance allowance = review.allowances(asked.id()).get(ReviewAction.APPROVE);
        if (!allowance.allowed()) {
            Notification.show(allowance.reason(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            return;
        }
        int records = asked.operationLabels().size();
        List<ChangesetSummary> needed = dependencies;
        var question = new ConfirmDialog();
        if (needed.isEmpty()) {
            question.setHeader("Approve this changeset?");
            question.setText("\"" + asked.message() + "\" by " + asked.authorName() + ": " + records
                    + (records == 1 ? " change is" : " changes are") + " applied to the vetted data at once.");
            question.setConfirmText("Approve");
        } else {
            question.setHeader(approveLabel(needed.size()) + "?");
            // Each changeset is named as text (messages are user text), the dependencies first, as they apply.
            var list = new com.vaadin.flow.component.html.UnorderedList();
            needed.forEach(c -> list.add(new com.vaadin.flow.component.html.ListItem("\"" + c.message() + "\" by "
                    + c.authorName())));
            question.setText(new com.vaadin.flow.component.html.Div(new Paragraph("\"" + asked.message() + "\" by "
                    + asked.authorName() + " uses records that these changesets create, which are not approved yet."
                    + " They are approved together, all or nothing:"), list));
            question.setConfirmText(approveLabel(needed.size()));
        }
        question.setCancelable(true);
        question.setCancelText("Not now");
        question.addConfirmListener(e -> {
            approvalQuestionOpen = false;
            // The queue may have moved on while the question was open: approve what was asked about.
            if (current == null || !current.id().equals(asked.id())) {
                open(asked);
            }
            decide(ReviewAction.APPROVE);
        });
        question.addCancelListener(e -> approvalQuestionOpen = false);
        question.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                approvalQuestionOpen = false;
            }
        });
        approvalQuestionOpen = true;
        question.open();
    }

    private static String recordsLine(ChangesetSummary changeset) {
        var labels = changeset.operationLabels();
        return labels.size() <= 3 ? String.join("; ", labels)
                : String.join("; ", labels.subList(0, 3)) + "; … (" + labels.size() + " records)";
    }

    /** At most a screenful in the tooltip; the open changeset lists every record. */
    private static String recordsTooltip(ChangesetSummary changeset) {
        var labels = changeset.operationLabels();
        return labels.size() <= 20 ? String.join("\n", labels)
                : String.join("\n", labels.subList(0, 20)) + "\n… and " + (labels.size() - 20) + " more";
    }

    private void move(int step) {
        if (rows.isEmpty()) {
            return;
        }
        int index = current == null ? 0 : rows.indexOf(current);
        int next = Math.clamp(index + step, 0, rows.size() - 1);
        open(rows.get(next));
        grid.scrollToIndex(next);
    }

    private void approveSelected() {
        var ids = grid.getSelectedItems().stream().map(ChangesetSummary::id).toList();
        if (ids.isEmpty()) {
            Notification.show("Tick the changesets to approve first.");
            return;
        }
        var refused = review.approveAll(ids);
        var note = Notification.show((ids.size() - refused.size()) + " approved"
                + (refused.isEmpty() ? "." : "; not approved: " + String.join(" ", refused.values())), 8000,
                Notification.Position.MIDDLE);
        note.addThemeVariants(refused.isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        refresh();
    }
}

package org.annals.entity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.suggest.SuggestionService;
import org.annals.suggest.UnmarkedMention;

/**
 * "Unmarked mentions" on an entity's page, for editors: the passages of the project's sources that name the
 * entity (its name or an alias) without an annotation there, each with a few words either side; some or
 * all of them chosen and proposed as mentions of the entity in one draft. Looked for when asked: it reads
 * every source of the project, which the page should not do each time it opens.
 */
final class UnmarkedMentions extends Div {

    /** Passages listed at most; proposing them and looking again lists the next ones. */
    static final int LIMIT = 500;

    private final SuggestionService suggestions;
    private final UUID projectId;
    private final UUID entityId;
    private final Grid<UnmarkedMention> grid = new Grid<>();
    private final Span status = new Span();
    private final Button propose = new Button("Propose as mentions");

    UnmarkedMentions(SuggestionService suggestions, UUID projectId, UUID entityId) {
        this.suggestions = suggestions;
        this.projectId = projectId;
        this.entityId = entityId;
        addClassName("unmarked-mentions");
        var find = new Button("Find unmarked mentions", e -> load());
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(UnmarkedMention::sourceTitle).setHeader("Source").setFlexGrow(1).setResizable(true);
        // The context as text in three spans: the words in the middle stand out, nothing is read as markup.
        grid.addColumn(LitRenderer.<UnmarkedMention>of(
                        "<span class=\"mention-context\">…${item.before}<strong>${item.text}</strong>${item.after}…</span>")
                .withProperty("before", UnmarkedMention::before)
                .withProperty("text", UnmarkedMention::text)
                .withProperty("after", UnmarkedMention::after))
                .setHeader("Passage").setFlexGrow(4);
        grid.setAllRowsVisible(true);
        grid.setVisible(false);
        grid.addSelectionListener(e -> showSelected());
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.setVisible(false);
        propose.addClickListener(e -> proposeChosen());
        status.addClassName("unmarked-status");
        add(new H3("Unmarked mentions"), new Paragraph("Passages in this project's sources that name this entity"
                + " without an annotation there. Choose some or all to propose them as mentions in your draft."),
                new Div(find, status), grid, propose);
    }

    void load() {
        List<UnmarkedMention> found = suggestions.unmarkedMentions(projectId, entityId, LIMIT).stream()
                .sorted(Comparator.comparing(UnmarkedMention::sourceTitle, String.CASE_INSENSITIVE_ORDER)
                        .thenComparingInt(UnmarkedMention::start))
                .toList();
        grid.setItems(found);
        grid.setVisible(!found.isEmpty());
        propose.setVisible(!found.isEmpty());
        status.setText(found.isEmpty() ? "Every passage that names this entity is marked."
                : found.size() >= LIMIT ? "The first " + LIMIT + " passages:" : found.size()
                        + (found.size() == 1 ? " passage" : " passages") + ":");
        showSelected();
    }

    private void showSelected() {
        int chosen = grid.getSelectedItems().size();
        propose.setEnabled(chosen > 0);
        propose.setText(chosen == 0 ? "Propose as mentions" : "Propose " + chosen + (chosen == 1 ? " mention" : " mentions"));
    }

    private void proposeChosen() {
        List<UnmarkedMention> chosen = grid.getSelectedItems().stream()
                .sorted(Comparator.comparing(UnmarkedMention::sourceId).thenComparingInt(UnmarkedMention::start)).toList();
        try {
            suggestions.proposeMentions(projectId, entityId, chosen);
        } catch (InvalidInputException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            return;
        }
        Notification.show(chosen.size() + (chosen.size() == 1 ? " mention" : " mentions")
                + " added to your draft. Submit the draft for review when ready.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        load();
    }
}

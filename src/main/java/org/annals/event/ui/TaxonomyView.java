package org.annals.event.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.jspecify.annotations.Nullable;

/** Managers edit the project's event types and sub-types. Types in use cannot be removed. */
@Route(ProjectRoutes.PREFIX + "/taxonomy")
@PermitAll
class TaxonomyView extends ProjectPage {

    private final TaxonomyService taxonomy;
    private final Div tree = new Div();
    private ProjectSummary project;

    TaxonomyView(ProjectService projects, TaxonomyService taxonomy) {
        super(projects, ProjectRole.MANAGER, "Event types");
        this.taxonomy = taxonomy;
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        add(new Paragraph("The types and sub-types events are classified by. New projects start with ACLED's."
                + " A type that events use cannot be removed: change those events' type first."));
        tree.addClassName("taxonomy");
        add(tree, adder(null, "New type"));
        refresh();
    }

    private void refresh() {
        tree.removeAll();
        for (var type : taxonomy.taxonomy(project.id())) {
            var block = new Div(row(type.id(), type.name(), true));
            block.addClassName("taxonomy-type");
            for (var sub : type.subTypes()) {
                var subRow = row(sub.id(), sub.name(), false);
                subRow.addClassName("taxonomy-subtype");
                block.add(subRow);
            }
            block.add(adder(type.id(), "New sub-type of " + type.name()));
            tree.add(block);
        }
    }

    private HorizontalLayout row(UUID id, String name, boolean isType) {
        var label = new Span(name);
        if (isType) {
            label.addClassName("taxonomy-type-name");
        }
        var rename = new Button("Rename", e -> {
            var field = new TextField();
            field.setValue(name);
            field.setAriaLabel("New name of " + name);
            var save = new Button("Save", s -> act(() -> taxonomy.rename(project.id(), id, field.getValue())));
            ((HorizontalLayout) e.getSource().getParent().orElseThrow()).add(field, save);
        });
        var remove = new Button("Remove", e -> act(() -> taxonomy.remove(project.id(), id)));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + name);
        rename.setAriaLabel("Rename " + name);
        var row = new HorizontalLayout(label, rename, remove);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private Component adder(@Nullable UUID parent, String placeholder) {
        var name = new TextField();
        name.setPlaceholder(placeholder);
        name.setAriaLabel(placeholder);
        var add = new Button("Add", e -> act(() -> taxonomy.addType(project.id(), parent, name.getValue())));
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var row = new HorizontalLayout(name, add);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private void act(Runnable change) {
        try {
            change.run();
            refresh();
        } catch (InvalidInputException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }
}

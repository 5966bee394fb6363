package org.annals.entity.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;
import org.annals.project.ui.ProjectRoutes;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.jspecify.annotations.Nullable;

/**
 * "Possible duplicate of X": shown under a form that proposes an entity when its name or an alias is,
 * folded, the name or an alias of a vetted entity of the same kind. A warning only: the person may go on.
 */
public class DuplicateWarning extends Div {

    /** How the warning finds possible duplicates: {@link EntityService#possibleDuplicates} or a service over it. */
    @FunctionalInterface
    public interface Lookup {
        List<EntitySummary> possibleDuplicates(UUID projectId, EntityKind kind, String name, List<String> aliases,
                @Nullable UUID except);
    }

    private final Lookup lookup;
    private final UUID projectId;

    public DuplicateWarning(Lookup lookup, UUID projectId) {
        this.lookup = lookup;
        this.projectId = projectId;
        addClassName("duplicate-warning");
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    /** Looks again for entities the proposed names may duplicate; {@code except} is the entity being edited. */
    public void check(@Nullable EntityKind kind, String name, List<String> aliases, @Nullable UUID except) {
        removeAll();
        List<EntitySummary> found = kind == null ? List.of()
                : lookup.possibleDuplicates(projectId, kind, name, aliases, except);
        for (EntitySummary e : found) {
            var link = new Anchor(ProjectRoutes.entityPath(projectId, e.id()), e.name());
            link.setTarget("_blank"); // a new tab: what is typed in the form stays
            add(new Div(new Span("Possible duplicate of "), link,
                    new Span(" (" + e.kind().displayName() + "). You can still go on if it is another one.")));
        }
        setVisible(!found.isEmpty());
    }

    /** The entities warned about now. */
    public int count() {
        return getComponentCount();
    }
}

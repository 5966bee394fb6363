package org.annals.entity.ui;

import com.vaadin.flow.component.dialog.Dialog;
import java.util.UUID;
import java.util.function.Function;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.jspecify.annotations.Nullable;

/**
 * The compact entity form other forms open when a name they need is not in the registry yet: kind,
 * name, aliases in any script, description. It proposes nothing by itself: the values go back to the
 * form that opened it, which proposes the entity in the same changeset as its own record.
 */
public final class InlineEntityForm {

    private InlineEntityForm() {
    }

    /**
     * Opens the form with {@code kind} and {@code name} filled in. {@code added} gets the values when the
     * person adds them and answers null when it took them (the form then closes), else the reason it did not.
     */
    public static Dialog open(EntityService entities, UUID projectId, EntityKind kind, String name,
            Function<EntityPayload, @Nullable String> added) {
        var form = new EntityForm(entities, projectId, null, "", null,
                (values, version, message, submit) -> {
                    throw new IllegalStateException("An inline entity is proposed by the form that opened it.");
                }, proposal -> {
                });
        form.compact("New " + kind.displayName().toLowerCase(java.util.Locale.ROOT), added);
        form.startWith(kind, name);
        form.addClassName("inline-entity-form");
        form.open();
        return form;
    }
}

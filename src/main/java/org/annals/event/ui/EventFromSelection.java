package org.annals.event.ui;

import com.vaadin.flow.component.dialog.Dialog;
import java.util.Map;
import java.util.UUID;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.TaxonomyService;
import org.annals.event.prefill.EventPrefillService;
import org.annals.event.prefill.SourceContext;
import org.annals.source.SourceService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Opens the full event form for a passage an editor marked, pre-filled from it: what the annotation
 * dialog's "New event" shows. The event, the entities created in the form and the annotation are saved
 * by the caller in one step ({@link Saver}).
 */
@Component
public class EventFromSelection {

    /** Saves the event and the new entities it names; answers with the reason it refused them, or null. */
    @FunctionalInterface
    public interface Saver {
        @Nullable String save(EventPayload event, Map<UUID, EntityPayload> newEntities);
    }

    /**
     * Sends the person's working draft to review with a message, right after a save (the form's "Save and
     * submit"); answers with the reason it refused, or null.
     */
    @FunctionalInterface
    public interface Submitter {
        @Nullable String submit(String message);
    }

    private final EventService events;
    private final EntityService entities;
    private final TaxonomyService taxonomy;
    private final SourceService sources;
    private final EventPrefillService prefill;
    private final org.annals.annotation.AnnotationService annotations;

    EventFromSelection(EventService events, EntityService entities, TaxonomyService taxonomy, SourceService sources,
            EventPrefillService prefill, org.annals.annotation.AnnotationService annotations) {
        this.annotations = annotations;
        this.events = events;
        this.entities = entities;
        this.taxonomy = taxonomy;
        this.sources = sources;
        this.prefill = prefill;
    }

    /** The form with "Save to draft" only. */
    public Dialog open(UUID projectId, SourceContext source, String quote, Saver saver) {
        return open(projectId, source, quote, saver, null);
    }

    /** The form with "Save to draft" and, with a submitter, "Save and submit for review". */
    public Dialog open(UUID projectId, SourceContext source, String quote, Saver saver, @Nullable Submitter submitter) {
        var form = EventForm.forSelection(events, entities, taxonomy, sources, annotations, projectId, quote,
                prefill.suggest(projectId, quote, source), saver, submitter);
        form.open();
        return form;
    }
}

package org.annals.event.prefill;

import java.util.UUID;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.suggest.RegistryCache;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suggests what an editor's new event takes from a marked passage, against the project's registry. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class EventPrefillService {

    /** Longer selections are read only up to here: a form is filled from a sentence or a paragraph, not a chapter. */
    static final int MAX_PASSAGE_LENGTH = 5000;

    private final ProjectAccess access;
    private final RegistryCache registries;

    EventPrefillService(ProjectAccess access, RegistryCache registries) {
        this.access = access;
        this.registries = registries;
    }

    public Suggestions suggest(UUID projectId, String passage, SourceContext source) {
        access.require(projectId, ProjectRole.EDITOR);
        String text = passage.length() > MAX_PASSAGE_LENGTH ? passage.substring(0, MAX_PASSAGE_LENGTH) : passage;
        return EventPrefill.read(text, source, registries.matcher(projectId));
    }
}

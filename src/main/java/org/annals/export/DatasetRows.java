package org.annals.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The rows exports are written from: plain values, read in batches, never entities of the session. */
final class DatasetRows {

    private DatasetRows() {
    }

    record SourceRef(UUID id, String title, @Nullable String url, @Nullable String licence, @Nullable String publisher) {
    }

    record Actor(UUID entityId, String name, String role) {
    }

    record Claim(int minimum, int maximum, @Nullable UUID sourceId, @Nullable String note) {
    }

    record Evidence(UUID annotationId, UUID sourceId, int start, int end, String exact, String type) {
    }

    /** Who approved the record's last change, when, and how many approved changes it has had. */
    record Approval(@Nullable String approvedBy, @Nullable Instant approvedAt, int revision) {
        static final Approval NONE = new Approval(null, null, 0);
    }

    record EventRow(UUID id, String title, LocalDate start, String startPrecision, @Nullable LocalDate end,
            @Nullable String endPrecision, String type, @Nullable String subType, @Nullable UUID placeId,
            @Nullable String place, @Nullable String adminArea, @Nullable Double latitude, @Nullable Double longitude,
            List<Actor> actors, List<Claim> claims, List<SourceRef> sources, List<Evidence> evidence,
            @Nullable String notes, List<String> tags, @Nullable UUID parentId, Approval approval) {
    }

    record EntityRow(UUID id, String kind, String name, List<String> aliases, @Nullable String wikidataId,
            @Nullable Double latitude, @Nullable Double longitude, @Nullable UUID partOfId, @Nullable String partOf,
            @Nullable String description, List<UUID> redirects, Approval approval) {
    }

    record AnnotationRow(UUID id, SourceRef source, int start, int end, String exact, String prefix, String suffix,
            String type, @Nullable String linkKind, @Nullable UUID linkId, @Nullable String linkName, Approval approval) {
    }
}

package org.annals.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock.Pages;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One range of a frozen text: a section, a passage or a citation marker. Immutable like its text. */
@Entity
@Immutable
@Table(name = "text_segment")
public class TextSegment extends AbstractEntity {

    public enum Kind { SECTION, PASSAGE, CITATION }

    @Column(name = "text_version_id", nullable = false, updatable = false)
    private UUID textVersionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private int ordinal;

    @Column(name = "start_offset", nullable = false, updatable = false)
    private int start;

    @Column(name = "end_offset", nullable = false, updatable = false)
    private int end;

    /** Heading level for sections; 0 otherwise. */
    @Column(nullable = false, updatable = false)
    private int depth;

    @Enumerated(EnumType.STRING)
    @Column(name = "block_kind", updatable = false, length = 16)
    private @Nullable BlockKind blockKind;

    /** Section title. */
    @Column(updatable = false, length = 500)
    private @Nullable String label;

    /** The enclosing section's ordinal (for sections and passages). */
    @Column(name = "parent_ordinal", updatable = false)
    private @Nullable Integer parentOrdinal;

    /** For passages of a paged original (a PDF): the first and last page the passage stood on, from 1. */
    @Column(name = "first_page", updatable = false)
    private @Nullable Integer firstPage;

    @Column(name = "last_page", updatable = false)
    private @Nullable Integer lastPage;

    protected TextSegment() {
    }

    TextSegment(UUID textVersionId, Kind kind, int ordinal, int start, int end, int depth,
            @Nullable BlockKind blockKind, @Nullable String label, @Nullable Integer parentOrdinal) {
        this.textVersionId = textVersionId;
        this.kind = kind;
        this.ordinal = ordinal;
        this.start = start;
        this.end = end;
        this.depth = depth;
        this.blockKind = blockKind;
        this.label = label;
        this.parentOrdinal = parentOrdinal;
    }

    TextSegment(UUID textVersionId, Kind kind, int ordinal, int start, int end, int depth,
            @Nullable BlockKind blockKind, @Nullable String label, @Nullable Integer parentOrdinal,
            @Nullable Pages pages) {
        this(textVersionId, kind, ordinal, start, end, depth, blockKind, label, parentOrdinal);
        this.firstPage = pages == null ? null : pages.first();
        this.lastPage = pages == null ? null : pages.last();
    }
}

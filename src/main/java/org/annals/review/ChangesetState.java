package org.annals.review;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a changeset, with the only transitions allowed between states. */
public enum ChangesetState {
    DRAFT, SUBMITTED, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN;

    private static final Map<ChangesetState, Set<ChangesetState>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN),
            CHANGES_REQUESTED, EnumSet.of(SUBMITTED, WITHDRAWN),
            APPROVED, EnumSet.noneOf(ChangesetState.class),
            REJECTED, EnumSet.noneOf(ChangesetState.class),
            WITHDRAWN, EnumSet.noneOf(ChangesetState.class));

    public boolean canBecome(ChangesetState next) {
        return NEXT.get(this).contains(next);
    }

    /** The author may still change the operations. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    /** Not decided yet: its operations may still be applied. */
    public boolean open() {
        return this == DRAFT || this == SUBMITTED || this == CHANGES_REQUESTED;
    }

    public String displayName() {
        return switch (this) {
            case DRAFT -> "Draft";
            case SUBMITTED -> "Pending review";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case CHANGES_REQUESTED -> "Changes requested";
            case WITHDRAWN -> "Withdrawn";
        };
    }
}

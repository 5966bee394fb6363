package org.annals.review;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The records other features changed in reaction to an operation being applied: events moved to the
 * surviving entity of a merge, annotations relinked to it. An event that asks features to change their
 * records while a changeset is applied (such as {@code EntitiesMerged}) carries one; each listener adds
 * what it changed, and the record type returns them from {@link RecordType#apply}. The engine then
 * gives each a revision in the approving changeset and announces it with the approval, so that every
 * applied value is explained (decision 0007) and open pages hear of it.
 */
public final class KnockOnChanges {

    private final Set<RecordRef> records = new LinkedHashSet<>();

    public void changed(String kind, UUID recordId) {
        records.add(new RecordRef(kind, recordId));
    }

    /** In the order they were reported. */
    public Set<RecordRef> records() {
        return Collections.unmodifiableSet(records);
    }
}

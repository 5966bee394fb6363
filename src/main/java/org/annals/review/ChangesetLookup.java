package org.annals.review;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.springframework.stereotype.Component;

/**
 * What the author's and the reviewer's side share: finding a changeset the caller may know about
 * (others get "not found", like for projects), and deciding whether a referenced record is there.
 */
@Component
class ChangesetLookup {

    private final ProjectAccess access;
    private final ChangesetRepository changesets;
    private final RecordTypes types;

    ChangesetLookup(ProjectAccess access, ChangesetRepository changesets, RecordTypes types) {
        this.access = access;
        this.changesets = changesets;
        this.types = types;
    }

    /** The changeset, if the caller is a member of its project. */
    Changeset visible(UUID changesetId) {
        return requireMember(changesets.findById(changesetId).orElseThrow(() -> new NotFoundException("Changeset")));
    }

    /** Locks first, then reads: a decision always sees the state after any decision that came before it. */
    Changeset lockVisible(UUID changesetId) {
        return requireMember(changesets.lockById(changesetId).orElseThrow(() -> new NotFoundException("Changeset")));
    }

    private Changeset requireMember(Changeset changeset) {
        if (access.roleOf(changeset.getProjectId()).isEmpty()) {
            throw new NotFoundException("Changeset");
        }
        return changeset;
    }

    /**
     * Why a reference is not available to a changeset, or empty when it is: the one check of every
     * reference a payload makes, at proposal and again at approval. It must exist in the changeset's
     * project (never another's), or, for a record, be created in the same changeset (before or after); one created
     * by another open changeset of the project is named.
     */
    Optional<Missing> missing(Changeset changeset, RecordRef ref, Set<UUID> createdHere) {
        ReferenceTarget target = types.target(ref.kind());
        boolean record = target instanceof RecordType<?>;
        if (record && createdHere.contains(ref.id()) || target.existsIn(changeset.getProjectId(), ref.id())) {
            return Optional.empty();
        }
        if (!record) {
            return Optional.of(new Missing(false, "refers to " + aOrAn(target) + " that does not exist in this project."));
        }
        // Someone else's draft is private: it does not count, and its existence is not revealed.
        var creators = changesets.findOpenCreating(changeset.getProjectId(), ref.id(), ChangesetService.OPEN,
                changeset.getId()).stream().filter(creator -> buildableBy(creator, changeset.getAuthorId())).toList();
        if (creators.isEmpty()) {
            return Optional.of(new Missing(false, "refers to " + aOrAn(target) + " that does not exist in this project."));
        }
        return Optional.of(new Missing(true, "depends on a record created by the changeset \""
                + creators.getFirst().getMessage() + "\", which is not approved yet: approve that one first."));
    }

    /**
     * Whether a person may build on the records this open changeset creates: their own (drafts too),
     * and what others submitted or had sent back for changes, which every editor of the project sees.
     */
    static boolean buildableBy(Changeset creator, UUID person) {
        return creator.getAuthorId().equals(person) || ChangesetService.SHARED.contains(creator.getState());
    }

    /** "a source", "an entity": what a reference pointed to, for the message. */
    private static String aOrAn(ReferenceTarget target) {
        String name = target.displayName().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** A reference that is not there yet; {@code pending} when another open changeset creates it. */
    record Missing(boolean pending, String reason) {
    }
}

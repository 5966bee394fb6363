package org.annals.review;

import java.util.List;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;

/**
 * The review rules as small named policies, each with the reason it gives when it refuses. The
 * service enforces them and the review page shows the first refusal next to a disabled button.
 */
final class ReviewPolicies {

    /** What a policy looks at. */
    record Situation(Changeset changeset, ReviewAction action, ProjectRole callerRole, UUID callerId,
            boolean projectAllowsSelfApproval, @Nullable String comment) {
    }

    interface Policy {
        Allowance check(Situation situation);
    }

    static final Policy MUST_BE_SUBMITTED = s -> s.changeset().getState() == ChangesetState.SUBMITTED ? Allowance.ALLOWED
            : Allowance.refused("Only changesets waiting for review can be decided; this one is "
                    + s.changeset().getState().displayName().toLowerCase(java.util.Locale.ROOT) + ".");

    static final Policy MUST_BE_REVIEWER = s -> s.callerRole().includes(ProjectRole.REVIEWER) ? Allowance.ALLOWED
            : Allowance.refused("Deciding on changesets needs the Reviewer role in this project.");

    static final Policy NO_SELF_APPROVAL = s -> s.action() != ReviewAction.APPROVE
            || !s.changeset().getAuthorId().equals(s.callerId()) || s.projectAllowsSelfApproval() ? Allowance.ALLOWED
            : Allowance.refused("You cannot approve your own changeset: another reviewer must. (Managers can allow"
                    + " self-approval in the project's settings.)");

    static final Policy COMMENT_TO_REFUSE = s -> s.action() == ReviewAction.APPROVE
            || (s.comment() != null && !s.comment().isBlank()) ? Allowance.ALLOWED
            : Allowance.refused("Say why in a comment, so the author knows what to change.");

    /** In order: the first refusal is the one people see. */
    static final List<Policy> ALL = List.of(MUST_BE_REVIEWER, MUST_BE_SUBMITTED, NO_SELF_APPROVAL, COMMENT_TO_REFUSE);

    private ReviewPolicies() {
    }

    static Allowance check(Situation situation) {
        for (Policy policy : ALL) {
            Allowance allowance = policy.check(situation);
            if (!allowance.allowed()) {
                return allowance;
            }
        }
        return Allowance.ALLOWED;
    }
}

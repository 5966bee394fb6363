package org.annals.review;

import org.annals.base.InvalidInputException;

/** A state change the changeset life cycle does not allow (approving a draft, reopening a rejection). */
public class IllegalTransitionException extends InvalidInputException {

    public IllegalTransitionException(ChangesetState from, ChangesetState to) {
        super("A changeset that is " + from.displayName().toLowerCase(java.util.Locale.ROOT) + " cannot become "
                + to.displayName().toLowerCase(java.util.Locale.ROOT) + ".");
    }
}

package org.annals.source;

import org.annals.base.InvalidInputException;

/** The project already has a source with exactly this text. Carries the existing source for a link. */
public class DuplicateSourceException extends InvalidInputException {

    private final ExistingSource existing;

    public DuplicateSourceException(ExistingSource existing) {
        super("This project already has a source with exactly this text: \"" + existing.title() + "\".");
        this.existing = existing;
    }

    public ExistingSource existing() {
        return existing;
    }
}

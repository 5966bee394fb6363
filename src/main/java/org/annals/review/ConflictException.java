package org.annals.review;

import java.util.List;
import org.annals.base.InvalidInputException;

/**
 * Approval refused because records changed since the changeset was based on them, or because it
 * depends on records that do not exist yet. Nothing was applied; the conflicts say what and why.
 */
public class ConflictException extends InvalidInputException {

    public ConflictException(List<String> conflicts) {
        super("Nothing was applied. " + String.join(" ", conflicts));
    }
}

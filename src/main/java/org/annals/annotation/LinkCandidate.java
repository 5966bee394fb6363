package org.annals.annotation;

import java.util.UUID;

/** A record an annotation can link to: vetted, or proposed by the editor and not decided yet. */
public record LinkCandidate(String kind, UUID id, String label, boolean proposed) {
}

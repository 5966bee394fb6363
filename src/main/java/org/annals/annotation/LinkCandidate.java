package org.annals.annotation;

import java.util.UUID;

/**
 * A record an annotation can link to: vetted, or {@code proposed} and not decided yet (then
 * {@code draft} when it is in the editor's own draft rather than submitted for review).
 */
public record LinkCandidate(String kind, UUID id, String label, boolean proposed, boolean draft) {
}

package org.annals.suggest;

import java.util.UUID;

/**
 * A passage of a project source that names an entity (its name or an alias) without an annotation there: the
 * span, the words, and a few words either side to judge it by.
 */
public record UnmarkedMention(UUID sourceId, String sourceTitle, int start, int end, String text, String before,
        String after) {
}

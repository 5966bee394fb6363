package org.annals.discussion;

import java.util.UUID;

/**
 * A member of the project was mentioned in a comment they may read (published in the comment's
 * transaction). Only published for members: a mention of anyone else has no effect at all.
 *
 * @param link where the thread is, relative to the application's root
 */
public record Mentioned(UUID projectId, UUID userId, String authorName, String threadLabel, String link) {
}

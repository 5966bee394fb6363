/**
 * The moderation engine: every change to a project's records is a changeset of operations that
 * reviewers approve or reject. Approval applies all operations in one transaction, or none when a
 * record changed since the changeset was based on it. Record kinds plug in through
 * {@link org.annals.review.RecordType}; the engine knows none of them.
 */
@NullMarked
package org.annals.review;

import org.jspecify.annotations.NullMarked;

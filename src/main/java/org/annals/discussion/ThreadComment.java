package org.annals.discussion;

import java.time.Instant;

/** One comment as a thread shows it: the body exactly as typed, to be shown as text. */
public record ThreadComment(String author, String body, Instant at) {
}

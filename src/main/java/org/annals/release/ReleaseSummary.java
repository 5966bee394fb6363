package org.annals.release;

import java.time.Instant;
import java.util.UUID;

/** A release as the releases page lists it. */
public record ReleaseSummary(UUID id, int number, String notes, String fileName, long fileSize, String sha256,
        int events, int entities, int annotations, String publishedBy, Instant publishedAt) {
}

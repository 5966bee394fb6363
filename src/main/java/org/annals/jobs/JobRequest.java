package org.annals.jobs;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a service asks the runner to run: a kind (the owning feature's name for it, e.g. "export"),
 * a description for people, and the project it concerns, if any.
 */
public record JobRequest(String kind, String description, @Nullable UUID projectId) {
}

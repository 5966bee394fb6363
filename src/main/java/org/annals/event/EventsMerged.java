package org.annals.event;

import java.util.UUID;

/** An approved merge of events: features whose records point at events move them to the survivor. */
public record EventsMerged(UUID projectId, UUID duplicate, UUID survivor) {
}

package org.annals.collab;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compact JSON a {@link CollabEvent} travels as between nodes, with the sending node's id:
 * {@code {"n":node,"p":project,"k":kind,"c":changeset,"a":actor,"r":[[kind,id],…],"x":[context,…],"t":1}}.
 * PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; an event that would not fit drops its
 * records (and, if still too large, its contexts) and is marked partial, which receivers treat as
 * "may concern anything in the project".
 */
final class CollabPayload {

    /** Below PostgreSQL's limit (8000 bytes, less than that with a long channel name), with room to spare. */
    static final int MAX_BYTES = 7000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CollabPayload() {
    }

    /** The payload, at most {@link #MAX_BYTES} bytes of UTF-8. */
    static String write(UUID node, CollabEvent event) {
        String full = encode(node, event);
        if (utf8Length(full) <= MAX_BYTES) {
            return full;
        }
        String withoutRecords = encode(node, event.shrunk(false));
        return utf8Length(withoutRecords) <= MAX_BYTES ? withoutRecords : encode(node, event.shrunk(true));
    }

    /** The event and the node that sent it. */
    static Received read(String payload) {
        JsonNode n = JSON.readTree(payload);
        Set<RecordRef> records = new HashSet<>();
        for (JsonNode r : n.path("r")) {
            records.add(new RecordRef(r.get(0).asString(), UUID.fromString(r.get(1).asString())));
        }
        Set<UUID> contexts = new HashSet<>();
        for (JsonNode x : n.path("x")) {
            contexts.add(UUID.fromString(x.asString()));
        }
        var event = new CollabEvent(UUID.fromString(n.get("p").asString()), CollabEvent.Kind.valueOf(n.get("k").asString()),
                uuidOrNull(n.get("c")), records, contexts, uuidOrNull(n.get("a")), n.path("t").asInt(0) == 1);
        return new Received(UUID.fromString(n.get("n").asString()), event);
    }

    record Received(UUID node, CollabEvent event) {
    }

    private static String encode(UUID node, CollabEvent event) {
        ObjectNode n = JSON.createObjectNode();
        n.put("n", node.toString()).put("p", event.projectId().toString()).put("k", event.kind().name());
        if (event.changesetId() != null) {
            n.put("c", event.changesetId().toString());
        }
        if (event.actorId() != null) {
            n.put("a", event.actorId().toString());
        }
        if (!event.records().isEmpty()) {
            ArrayNode records = n.putArray("r");
            event.records().forEach(r -> records.addArray().add(r.kind()).add(r.id().toString()));
        }
        if (!event.contexts().isEmpty()) {
            ArrayNode contexts = n.putArray("x");
            event.contexts().forEach(c -> contexts.add(c.toString()));
        }
        if (event.partial()) {
            n.put("t", 1);
        }
        return JSON.writeValueAsString(n);
    }

    private static @Nullable UUID uuidOrNull(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asString());
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}

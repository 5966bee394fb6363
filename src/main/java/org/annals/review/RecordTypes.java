package org.annals.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The record kinds known to the engine, and the JSON form of their payloads. */
@Component
public class RecordTypes {

    private final Map<String, RecordType<?>> byKind = new LinkedHashMap<>();
    private final Map<String, ReferenceTarget> targets = new LinkedHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    RecordTypes(List<RecordType<?>> types, List<ReferenceTarget> allTargets) {
        types.forEach(type -> byKind.put(type.kind(), type));
        allTargets.forEach(target -> targets.put(target.kind(), target));
    }

    /** What a reference of this kind points to: a record kind or another target (a source). */
    ReferenceTarget target(String kind) {
        ReferenceTarget target = targets.get(kind);
        if (target == null) {
            throw new InvalidInputException("Unknown kind of reference: " + kind);
        }
        return target;
    }

    /** Whether references of this kind point to moderated records (which open changesets may create). */
    boolean isRecordKind(String kind) {
        return byKind.containsKey(kind);
    }

    public RecordType<?> get(String kind) {
        RecordType<?> type = byKind.get(kind);
        if (type == null) {
            throw new InvalidInputException("Unknown kind of record: " + kind);
        }
        return type;
    }

    String write(Object payload) {
        return json.writeValueAsString(payload);
    }

    <P> P read(RecordType<P> type, String payload) {
        try {
            return json.readValue(payload, type.payloadType());
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored payload of kind " + type.kind() + " cannot be read", e);
        }
    }

    /**
     * A payload as stored with an operation, read back as its kind's payload type: for readers outside
     * the engine (search documents of proposals) that must read it exactly as approval would.
     */
    public Object readStored(String kind, String payload) {
        return read(get(kind), payload);
    }

    /**
     * Proposed values sent as JSON (by the REST API) as the kind's payload, read exactly as stored
     * payloads are read so that both have one JSON form. Throws {@link InvalidInputException}
     * naming the field that does not fit, never internal class names.
     */
    public Object readProposed(String kind, String payload) {
        RecordType<?> type = get(kind);
        try {
            return json.readValue(payload, type.payloadType());
        } catch (JacksonException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    throw invalid;
                }
            }
            String field = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining()).replaceFirst("^\\.", "");
            throw new InvalidInputException("The values do not fit a " + type.displayName()
                    + (field.isEmpty() ? "." : ": check the field '" + field + "'."));
        }
    }

    /** The fields of a stored payload, for diffs and history; empty for none. */
    LinkedHashMap<String, String> describe(String kind, @Nullable String payload) {
        if (payload == null) {
            return new LinkedHashMap<>();
        }
        return describeTyped(get(kind), payload);
    }

    private <P> LinkedHashMap<String, String> describeTyped(RecordType<P> type, String payload) {
        return type.describe(read(type, payload));
    }

    /** The sources a stored payload cites; empty for none. */
    List<Citation> citations(String kind, @Nullable String payload) {
        if (payload == null) {
            return List.of();
        }
        return citationsTyped(get(kind), payload);
    }

    private <P> List<Citation> citationsTyped(RecordType<P> type, String payload) {
        return type.citations(read(type, payload));
    }
}

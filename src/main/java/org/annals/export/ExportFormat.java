package org.annals.export;

import java.util.Arrays;
import java.util.Optional;

/** The files a project's dataset can be exported as. */
public enum ExportFormat {
    EVENTS_CSV("events.csv", "text/csv; charset=utf-8", "Events (CSV, ACLED-like columns)"),
    CLAIMS_CSV("claims.csv", "text/csv; charset=utf-8", "Claims: what each source says about each event (CSV)"),
    ENTITIES_CSV("entities.csv", "text/csv; charset=utf-8", "Entities (CSV)"),
    ANNOTATIONS_CSV("annotations.csv", "text/csv; charset=utf-8", "Annotations with provenance (CSV)"),
    DATASET_JSON("dataset.json", "application/json", "Whole dataset (JSON)"),
    DATASET_JSONL("dataset.jsonl", "application/x-ndjson", "Whole dataset (JSON Lines)"),
    ANNOTATIONS_JSONLD("annotations.jsonld", "application/ld+json", "Annotations (W3C Web Annotation JSON-LD)"),
    TIMELINE_JSON("timeline.json", "application/json", "Timeline (TimelineJS JSON)"),
    EVENTS_GEOJSON("events.geojson", "application/geo+json", "Events on a map (GeoJSON)");

    private final String fileName;
    private final String contentType;
    private final String displayName;

    ExportFormat(String fileName, String contentType, String displayName) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.displayName = displayName;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public String displayName() {
        return displayName;
    }

    public boolean csv() {
        return fileName.endsWith(".csv");
    }

    public static Optional<ExportFormat> byFileName(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst();
    }
}

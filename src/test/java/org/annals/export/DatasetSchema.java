package org.annals.export;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema that docs/schemas/dataset.schema.json publishes, for tests: the whole file validates dataset.json,
 * its {@code $defs/line} each line of dataset.jsonl.
 */
final class DatasetSchema {

    static final Path FILE = Path.of("docs", "schemas", "dataset.schema.json");

    private final Schema dataset;
    private final Schema line;

    DatasetSchema() {
        try {
            var json = JsonMapper.builder().build();
            JsonNode root = json.readTree(Files.readString(FILE));
            var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            dataset = registry.getSchema(root.toString());
            // The same definitions with the line as the root: "#/$defs/..." references resolve as in the file.
            ObjectNode lines = json.createObjectNode();
            lines.set("$schema", root.get("$schema"));
            lines.put("$ref", "#/$defs/line");
            lines.set("$defs", root.get("$defs"));
            line = registry.getSchema(lines.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> errors(JsonNode document) {
        return messages(dataset.validate(document));
    }

    List<String> lineErrors(JsonNode record) {
        return messages(line.validate(record));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}

package org.annals.export;

import java.nio.file.Path;

/**
 * A finished background export: a temporary file that lives until its job is discarded.
 *
 * @param records events, entities or annotations written
 */
public record ExportFile(Path path, String fileName, long records, long bytes) {
}

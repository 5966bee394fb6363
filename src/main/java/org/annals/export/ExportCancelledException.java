package org.annals.export;

/** Thrown out of a running export when the person cancelled it; the caller discards what was written. */
public class ExportCancelledException extends RuntimeException {

    public ExportCancelledException() {
        super("The export was cancelled.");
    }
}

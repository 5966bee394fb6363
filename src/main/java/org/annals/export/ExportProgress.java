package org.annals.export;

/** Told about every batch written; asked whether the person has cancelled. */
public interface ExportProgress {

    ExportProgress NONE = new ExportProgress() {
        @Override
        public void written(long rows) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Rows (records) written so far. */
    void written(long rows);

    boolean cancelled();
}

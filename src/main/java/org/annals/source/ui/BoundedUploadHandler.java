package org.annals.source.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import org.annals.base.ByteSizes;

/**
 * Receives uploaded files into memory, but never more than the import limit of one: a file whose declared length is
 * over the limit is refused before a byte of it is read, and a file sent without a length (or with a false one) is
 * refused as soon as the count passes the limit. The browser's own size check is a courtesy; this one holds
 * against any client. Runs on the upload request's thread, without the session lock.
 */
final class BoundedUploadHandler implements UploadHandler {

    /** Where received and refused files go; called on the upload request's thread. */
    interface Receiver {

        void received(UploadEvent event, String fileName, byte[] content);

        void refused(UploadEvent event, String fileName, String reason);
    }

    private final long maxBytes;
    private final Receiver receiver;

    BoundedUploadHandler(long maxBytes, Receiver receiver) {
        this.maxBytes = maxBytes;
        this.receiver = receiver;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        long declared = event.getFileSize();
        if (declared > maxBytes) {
            refuse(event, name, ByteSizes.tooLarge("The file", declared, maxBytes));
            return;
        }
        byte[] content;
        try (InputStream in = event.getInputStream()) {
            content = in.readNBytes((int) maxBytes + 1);
        }
        if (content.length > maxBytes) {
            refuse(event, name, "The file is too large (more than " + ByteSizes.format(maxBytes) + "). The limit is "
                    + ByteSizes.format(maxBytes) + ".");
            return;
        }
        receiver.received(event, name, content);
    }

    private void refuse(UploadEvent event, String name, String reason) {
        event.reject(reason);
        receiver.refused(event, name, reason);
    }
}

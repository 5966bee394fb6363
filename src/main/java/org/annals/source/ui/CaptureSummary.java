package org.annals.source.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;
import org.annals.base.ByteSizes;
import org.annals.base.ui.Moments;
import org.annals.source.CaptureDetails;
import org.annals.source.CaptureService;
import org.annals.source.Original;
import org.annals.source.OriginalFile;

/**
 * On a source's page: where and when its original was captured (the address that answered, the time, the HTTP
 * status and content type, the SHA-256 that proves what the bytes were) and a link to download the original. The
 * download is always an attachment of type application/octet-stream: a captured page is never shown as HTML in
 * Annals, where its scripts would run as the reader. The service checks that the reader is a member.
 */
public final class CaptureSummary extends Details {

    /**
     * One line (how and when, status, type, size) that opens onto the address, the SHA-256 and the download: closed,
     * it leaves the reader's column its height on a laptop screen.
     */
    public CaptureSummary(CaptureService captures, UUID projectId, UUID sourceId, CaptureDetails capture) {
        addClassName("capture-summary");
        addThemeVariants(DetailsVariant.SMALL);
        var facts = new ArrayList<String>();
        if (capture.kind() == Original.Kind.URL) {
            facts.add("Captured " + Moments.format(capture.retrievedAt()));
            if (capture.httpStatus() != null) {
                facts.add("HTTP " + capture.httpStatus());
            }
        } else {
            facts.add("Imported from the file " + Objects.requireNonNullElse(capture.fileName(), "(no name)") + " "
                    + Moments.format(capture.retrievedAt()));
        }
        if (capture.contentType() != null) {
            facts.add(capture.contentType());
        }
        facts.add(ByteSizes.format(capture.size()));
        setSummary(new Span(String.join(" · ", facts)));
        if (capture.finalUrl() != null) {
            var from = new Div(new Span("From "), link(capture.finalUrl()));
            from.addClassName("capture-final-url");
            if (capture.requestedUrl() != null && !capture.requestedUrl().equals(capture.finalUrl())) {
                from.add(new Span(" (asked for " + capture.requestedUrl() + ")"));
            }
            add(from);
        }
        var hash = new Span("SHA-256 " + capture.sha256());
        hash.addClassName("capture-sha256");
        add(new Div(hash));
        if (capture.originalKept()) {
            var download = new Anchor(DownloadHandler.fromInputStream(event -> {
                OriginalFile file = captures.original(projectId, sourceId);
                return new DownloadResponse(new ByteArrayInputStream(file.bytes()), file.fileName(),
                        OriginalFile.CONTENT_TYPE, file.bytes().length);
            }), "Download the original");
            download.getElement().setAttribute("download", true);
            download.addClassName("capture-download");
            add(new Div(download));
        } else {
            add(new Div(new Span("The original was larger than this server keeps; its SHA-256 above still"
                    + " identifies it.")));
        }
    }

    private static Anchor link(String url) {
        var link = new Anchor(url, url, AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
        return link;
    }
}

package org.annals.source;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading a source's capture: where and when its original came from, and the original itself. Any member may. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class CaptureService {

    private static final java.util.regex.Pattern KNOWN_EXTENSION = java.util.regex.Pattern.compile(
            "(?i)\\.(?:html?|xhtml|pdf|txt|md)$");

    private final ProjectAccess access;
    private final JdbcTemplate jdbc;
    private final CaptureQueries queries;

    CaptureService(ProjectAccess access, JdbcTemplate jdbc, CaptureQueries queries) {
        this.access = access;
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** The capture of a source, if it has one (pasted text and sources from before captures have none). */
    public Optional<CaptureDetails> details(UUID projectId, UUID sourceId) {
        access.require(projectId, ProjectRole.VIEWER);
        return queries.find(projectId, sourceId);
    }

    /**
     * The original bytes of a source, byte for byte as they were received.
     *
     * @throws NotFoundException when the source has no capture, or its original was too large to keep
     */
    public OriginalFile original(UUID projectId, UUID sourceId) {
        access.require(projectId, ProjectRole.VIEWER);
        var found = jdbc.query("select kind, file_name, final_url, content_type, sha256, content from source_capture"
                + " where source_id = ? and project_id = ? and content is not null",
                (rs, i) -> new OriginalFile(downloadName(Original.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)), rs.getBytes(6)), sourceId, projectId);
        if (found.isEmpty()) {
            throw new NotFoundException("Original");
        }
        return found.getFirst();
    }

    /**
     * A file name that is safe in a header and on any disk: the uploaded name, or for a page the last part of its
     * address, reduced to letters, digits, dots, dashes and underscores; with an extension that says what it is.
     */
    static String downloadName(Original.Kind kind, @Nullable String fileName, @Nullable String finalUrl,
            @Nullable String contentType, String sha256) {
        String base = kind == Original.Kind.FILE ? fileName : lastPathPart(finalUrl);
        String safe = base == null ? "" : base.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (safe.length() > 100) {
            safe = safe.substring(safe.length() - 100);
        }
        if (safe.isEmpty() || safe.equals("_")) {
            safe = "original-" + sha256.substring(0, 12);
        }
        if (kind == Original.Kind.URL && !KNOWN_EXTENSION.matcher(safe).find()) {
            safe += extension(contentType); // "story-123.html", "example.org.pdf", "get.php.html"
        }
        return safe;
    }

    private static @Nullable String lastPathPart(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = java.net.URI.create(url).getPath();
            if (path == null || path.isEmpty() || path.endsWith("/")) {
                return java.net.URI.create(url).getHost();
            }
            return path.substring(path.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String extension(@Nullable String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/pdf")) {
            return ".pdf";
        }
        if (type.startsWith("text/plain")) {
            return ".txt";
        }
        return type.contains("html") ? ".html" : ".bin";
    }
}

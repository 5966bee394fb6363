package org.annals.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The capture of a source as the reader and the API show it, read without its bytes. No permission check: for
 * the services of this package, which check before they ask.
 */
@Component
class CaptureQueries {

    private final JdbcTemplate jdbc;

    CaptureQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaptureDetails> find(UUID projectId, UUID sourceId) {
        return jdbc.query("select kind, file_name, requested_url, final_url, http_status, content_type, retrieved_at,"
                + " sha256, size_bytes, content is not null from source_capture where source_id = ? and project_id = ?",
                (rs, i) -> details(rs), sourceId, projectId).stream().findFirst();
    }

    private static CaptureDetails details(ResultSet rs) throws SQLException {
        Number status = (Number) rs.getObject(5);
        return new CaptureDetails(Original.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), status == null ? null : status.intValue(), rs.getString(6),
                rs.getObject(7, java.time.OffsetDateTime.class).toInstant(), rs.getString(8), rs.getLong(9),
                rs.getBoolean(10));
    }
}

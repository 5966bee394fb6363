package org.annals.project;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.annals.security.RightsMemo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a project's rows from every table, in the caller's transaction (all or nothing). The order
 * matters: some references inside a project do not cascade (a revision names its changeset, an
 * annotation its frozen text, an event its type, a sub-type its type), and H2 checks them row by row,
 * so what refers comes before what it refers to. The project row goes last; tables added later that
 * reference the project with {@code on delete cascade} go with it. The contract test checks that no
 * table with a {@code project_id} column keeps a row of a deleted project.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ProjectEraser {

    /** Tables with a {@code project_id} column, those that refer to others first. */
    private static final List<String> IN_ORDER = List.of(
            "presence", "notification", "project_activity", "record_comment", "access_token",
            "record_revision", "annotation", "changeset", "dataset_release", "event_record");

    private final JdbcTemplate jdbc;

    ProjectEraser(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ProjectContents count(UUID projectId) {
        return new ProjectContents(
                count("select count(*) from source where project_id = ?", projectId),
                count("select count(*) from event_record where project_id = ? and merged_into_id is null", projectId),
                count("select count(*) from entity_record where project_id = ? and merged_into_id is null", projectId),
                count("select count(*) from annotation where project_id = ?", projectId),
                count("select count(*) from changeset where project_id = ?", projectId),
                count("select count(*) from record_revision where project_id = ?", projectId),
                count("select count(*) from record_comment where project_id = ?", projectId)
                        + count("select count(*) from changeset_comment c join changeset s on s.id = c.changeset_id"
                                + " where s.project_id = ?", projectId),
                count("select count(*) from dataset_release where project_id = ?", projectId),
                count("select count(*) from project_member where project_id = ?", projectId));
    }

    void erase(UUID projectId) {
        for (String table : IN_ORDER) {
            jdbc.update("delete from " + table + " where project_id = ?", projectId);
        }
        // Sub-types name their type: they go first.
        jdbc.update("delete from event_type where project_id = ? and parent_id is not null", projectId);
        jdbc.update("delete from event_type where project_id = ?", projectId);
        jdbc.update("delete from entity_record where project_id = ?", projectId);
        // A source names its frozen text, which goes after it.
        jdbc.update("delete from source where project_id = ?", projectId);
        jdbc.update("delete from text_version where project_id = ?", projectId);
        jdbc.update("delete from project_member where project_id = ?", projectId);
        jdbc.update("delete from project where id = ?", projectId);
        // Rows removed in SQL pass no entity listener: the roles in this project are read again (RightsMemo).
        RightsMemo.forget();
    }

    void record(UUID projectId, String name, UUID deletedBy, ProjectContents contents) {
        jdbc.update("insert into project_deletion (id, project_id, name, deleted_by, deleted_at, contents)"
                + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), projectId, name, deletedBy,
                OffsetDateTime.now(ZoneOffset.UTC), contents.describe());
    }

    private long count(String sql, UUID projectId) {
        Long count = jdbc.queryForObject(sql, Long.class, projectId);
        return count == null ? 0 : count;
    }
}

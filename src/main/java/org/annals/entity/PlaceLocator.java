package org.annals.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves where places lie (see {@link PlaceLocation}): for the map, the event and entity pages and the exports.
 * SKELETON (issue 20): only a place's own coordinates, precision EXACT when unset; the geo helper replaces this with
 * the part-of rules and the administrative levels.
 */
@Service
public class PlaceLocator {

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectAccess access;

    PlaceLocator(NamedParameterJdbcTemplate jdbc, ProjectAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Where each of these places lies; places with no coordinates up their whole chain are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, PlaceLocation> locate(UUID projectId, Collection<UUID> placeIds) {
        access.require(projectId, ProjectRole.VIEWER);
        return locateUnchecked(projectId, placeIds);
    }

    public Optional<PlaceLocation> locate(UUID projectId, UUID placeId) {
        return Optional.ofNullable(locate(projectId, java.util.List.of(placeId)).get(placeId));
    }

    /** For readers that checked the project themselves (the exports' dataset reader). */
    @Transactional(readOnly = true)
    public Map<UUID, PlaceLocation> locateUnchecked(UUID projectId, Collection<UUID> placeIds) {
        var result = new HashMap<UUID, PlaceLocation>();
        if (placeIds.isEmpty()) {
            return result;
        }
        jdbc.query("select id, name, latitude, longitude, geo_precision from entity_record"
                + " where project_id = :project and id in (:ids) and latitude is not null", Map.of("project", projectId,
                "ids", placeIds), rs -> {
            UUID id = rs.getObject(1, UUID.class);
            String precision = rs.getString(5);
            result.put(id, new PlaceLocation(id, rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                    precision == null ? GeoPrecision.EXACT : GeoPrecision.valueOf(precision), null, null, null, null,
                    null));
        });
        return result;
    }
}

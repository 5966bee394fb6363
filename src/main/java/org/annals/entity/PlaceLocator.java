package org.annals.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves where places lie (see {@link PlaceLocation}): for the map, the event and entity pages and the exports.
 * The rules (decision 0038), over vetted records only (the live table holds nothing else):
 * <ul>
 * <li>A place with coordinates of its own lies there, with its own precision; a place with coordinates and no
 * precision (every place vetted before precisions existed) reads as {@link GeoPrecision#EXACT}.</li>
 * <li>A place without coordinates takes those of its nearest ancestor through part-of that has some, with that
 * ancestor's precision coarsened to at least {@link GeoPrecision#NEAR} (the place lies somewhere in or near the
 * ancestor, never exactly on its point); {@code locatedBy} names that ancestor.</li>
 * <li>No coordinates anywhere up the chain: the place has no location and is left out of the answer.</li>
 * <li>Administrative areas come from the same chain, self included: the country is the nearest place whose
 * precision is {@link GeoPrecision#COUNTRY}; the first level (a governorate, a state) the outermost place of
 * precision {@link GeoPrecision#REGION} below the country; the second level (a district) the next
 * {@link GeoPrecision#REGION} place below that. A chain without such places simply has no such levels.</li>
 * <li>A merged place (a redirect) stands for its survivor, both as the place asked for and in a chain. A part-of
 * cycle (which validation refuses, but old data might hold) and chains deeper than {@value #MAX_DEPTH} places
 * end the walk where they repeat or run too deep.</li>
 * </ul>
 * Asked for a few places it walks only their chains, a level of ancestors per query; asked for many it reads the
 * project's places (id, name, coordinates, precision, part-of) in one query and resolves them in memory, so a map
 * of 100,000 events over thousands of places costs one query.
 */
@Service
public class PlaceLocator {

    /** Longest part-of chain followed (a room in a building in a quarter in a city... is far shorter). */
    static final int MAX_DEPTH = 64;
    /** From this many places asked for, reading the whole project's places beats walking their chains. */
    static final int WHOLE_PROJECT_FROM = 200;
    /** Ids per query when walking chains (below every database's parameter limit). */
    private static final int IDS_PER_QUERY = 500;
    private static final String COLUMNS = "select id, name, latitude, longitude, geo_precision, part_of_id,"
            + " merged_into_id from entity_record";

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

    /** Where this place lies; empty when neither it nor any ancestor has coordinates. */
    @Transactional(readOnly = true)
    public Optional<PlaceLocation> locate(UUID projectId, UUID placeId) {
        access.require(projectId, ProjectRole.VIEWER);
        return Optional.ofNullable(locateUnchecked(projectId, List.of(placeId)).get(placeId));
    }

    /** For readers that checked the project themselves (the exports' dataset reader, the map service). */
    @Transactional(readOnly = true)
    public Map<UUID, PlaceLocation> locateUnchecked(UUID projectId, Collection<UUID> placeIds) {
        if (placeIds.isEmpty()) {
            return new HashMap<>();
        }
        Atlas atlas = placeIds.size() >= WHOLE_PROJECT_FROM ? wholeProject(projectId) : chains(projectId, placeIds);
        return atlas.locate(placeIds);
    }

    /**
     * A locator for one long read (an export going through its events batch by batch, inside the caller's
     * transaction): it remembers what it resolved, and once a batch asks for many places it reads the whole
     * project's places once and answers every later batch from memory. For callers that checked the project.
     */
    public Lookup lookupUnchecked(UUID projectId) {
        return new Lookup(projectId);
    }

    /** See {@link #lookupUnchecked}. Not thread-safe: one per read. */
    public final class Lookup {
        private final UUID projectId;
        private final Map<UUID, PlaceLocation> known = new HashMap<>();
        private final Set<UUID> unlocated = new HashSet<>();
        private @Nullable Atlas whole;

        private Lookup(UUID projectId) {
            this.projectId = projectId;
        }

        /** Where each of these places lies; places without a location are left out. */
        public Map<UUID, PlaceLocation> locate(Collection<UUID> placeIds) {
            var missing = new LinkedHashSet<UUID>();
            for (UUID id : placeIds) {
                if (!known.containsKey(id) && !unlocated.contains(id)) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                if (whole == null && missing.size() >= WHOLE_PROJECT_FROM) {
                    whole = wholeProject(projectId);
                }
                Map<UUID, PlaceLocation> found = (whole != null ? whole : chains(projectId, missing)).locate(missing);
                known.putAll(found);
                missing.stream().filter(id -> !found.containsKey(id)).forEach(unlocated::add);
            }
            var result = new HashMap<UUID, PlaceLocation>();
            for (UUID id : placeIds) {
                PlaceLocation location = known.get(id);
                if (location != null) {
                    result.put(id, location);
                }
            }
            return result;
        }
    }

    /** Every place of the project (every entity with coordinates or part-of, which is what chains go through). */
    private Atlas wholeProject(UUID projectId) {
        var atlas = new Atlas();
        jdbc.query(COLUMNS + " where project_id = :project", Map.of("project", projectId),
                rs -> {
                    atlas.add(row(rs));
                });
        return atlas;
    }

    /** The places asked for and everything up their chains, a level per query. */
    private Atlas chains(UUID projectId, Collection<UUID> placeIds) {
        var atlas = new Atlas();
        Set<UUID> wanted = new LinkedHashSet<>(placeIds);
        for (int level = 0; level <= MAX_DEPTH * 2 && !wanted.isEmpty(); level++) {
            var next = new LinkedHashSet<UUID>();
            var ids = new ArrayList<>(wanted);
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                jdbc.query(COLUMNS + " where project_id = :project and id in (:ids)",
                        Map.of("project", projectId, "ids", slice), rs -> {
                            Place place = row(rs);
                            atlas.add(place);
                            // Up the chain, and across a merge to the survivor.
                            for (UUID up : new UUID[] {place.partOf(), place.mergedInto()}) {
                                if (up != null && !atlas.has(up)) {
                                    next.add(up);
                                }
                            }
                        });
            }
            wanted = next;
        }
        return atlas;
    }

    private static Place row(java.sql.ResultSet rs) throws java.sql.SQLException {
        double latitude = rs.getDouble(3);
        boolean noLatitude = rs.wasNull();
        double longitude = rs.getDouble(4);
        boolean located = !noLatitude && !rs.wasNull();
        String precision = rs.getString(5);
        return new Place(rs.getObject(1, UUID.class), rs.getString(2), located ? latitude : null,
                located ? longitude : null, precision == null ? null : GeoPrecision.valueOf(precision),
                rs.getObject(6, UUID.class), rs.getObject(7, UUID.class));
    }

    /** A place as the rules read it. */
    record Place(UUID id, String name, @Nullable Double latitude, @Nullable Double longitude,
            @Nullable GeoPrecision precision, @Nullable UUID partOf, @Nullable UUID mergedInto) {

        boolean hasCoordinates() {
            return latitude != null && longitude != null;
        }

        /** Its own precision: unset on a place with coordinates reads as exact; none without coordinates. */
        @Nullable GeoPrecision ownPrecision() {
            return !hasCoordinates() ? null : precision == null ? GeoPrecision.EXACT : precision;
        }
    }

    /** Places in memory, resolved by the rules above. */
    static final class Atlas {
        private final Map<UUID, Place> places = new HashMap<>();

        void add(Place place) {
            places.put(place.id(), place);
        }

        boolean has(UUID id) {
            return places.containsKey(id);
        }

        Map<UUID, PlaceLocation> locate(Collection<UUID> ids) {
            var result = new HashMap<UUID, PlaceLocation>();
            for (UUID id : ids) {
                PlaceLocation location = locate(id);
                if (location != null) {
                    result.put(id, location);
                }
            }
            return result;
        }

        @Nullable PlaceLocation locate(UUID id) {
            Place place = survivor(places.get(id));
            if (place == null) {
                return null;
            }
            List<Place> chain = chain(place);
            Place located = chain.stream().filter(Place::hasCoordinates).findFirst().orElse(null);
            if (located == null) {
                return null;
            }
            boolean own = located == place;
            GeoPrecision precision = own ? located.ownPrecision() : located.ownPrecision().coarser(GeoPrecision.NEAR);
            int country = chain.size();
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i).ownPrecision() == GeoPrecision.COUNTRY) {
                    country = i;
                    break;
                }
            }
            // The outermost region below the country is the first level, the next one inwards the second.
            int admin1 = -1;
            int admin2 = -1;
            for (int i = country - 1; i >= 0; i--) {
                if (chain.get(i).ownPrecision() == GeoPrecision.REGION) {
                    if (admin1 < 0) {
                        admin1 = i;
                    } else {
                        admin2 = i;
                        break;
                    }
                }
            }
            return new PlaceLocation(id, place.name(), located.latitude(), located.longitude(), precision,
                    own ? null : located.id(), own ? null : located.name(),
                    country < chain.size() ? chain.get(country).name() : null,
                    admin1 < 0 ? null : chain.get(admin1).name(), admin2 < 0 ? null : chain.get(admin2).name());
        }

        /** The place and its ancestors, nearest first, each merged one replaced by its survivor; no repeats. */
        private List<Place> chain(Place place) {
            var chain = new ArrayList<Place>();
            var seen = new HashSet<UUID>();
            Place current = place;
            while (current != null && chain.size() < MAX_DEPTH && seen.add(current.id())) {
                chain.add(current);
                current = current.partOf() == null ? null : survivor(places.get(current.partOf()));
            }
            return chain;
        }

        /** The place a merged one redirects to (merges chain only through old data; bounded all the same). */
        private @Nullable Place survivor(@Nullable Place place) {
            Place current = place;
            for (int hops = 0; current != null && current.mergedInto() != null && hops < MAX_DEPTH; hops++) {
                Place next = places.get(current.mergedInto());
                if (next == null) {
                    return current;
                }
                current = next;
            }
            return current;
        }
    }
}

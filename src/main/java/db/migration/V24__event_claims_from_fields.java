package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.event.ClaimField;
import org.annals.event.EventClaims;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every existing event's date, place, type and actors become its preferred claims without a source, and its
 * fatality claims casualty claims of the killed (the first of them preferred, as {@link EventClaims} would
 * choose), with the ids {@link EventClaims} gives such claims; then {@code event_fatality_claim} goes
 * (decision 0030). Written in Java because the claim ids are derived as the application derives them, which
 * H2 and PostgreSQL cannot do alike in SQL. Flyway finds it in {@code db.migration} beside the SQL files.
 */
public class V24__event_claims_from_fields extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        Map<UUID, List<String>> actors = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select event_id, entity_id, role from event_actor order by event_id, ordinal")) {
            while (r.next()) {
                actors.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(r.getObject(2, UUID.class) + ":" + r.getString(3));
            }
        }
        record Fatality(int minimum, int maximum, UUID sourceId, String note) {
        }
        Map<UUID, List<Fatality>> fatalities = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "select event_id, minimum, maximum, source_id, note from event_fatality_claim order by event_id, ordinal")) {
            while (r.next()) {
                fatalities.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Fatality(
                        r.getInt(2), r.getInt(3), r.getObject(4, UUID.class), r.getString(5)));
            }
        }
        String insert = "insert into event_claim (event_id, ordinal, claim_id, field, preferred, source_id, note,"
                + " start_date, start_precision, start_time, end_date, end_precision, end_time, type_id, sub_type_id,"
                + " place_id, actors, category, party, minimum, maximum, qualifier)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select id, start_date, start_precision, start_time, end_date,"
                        + " end_precision, end_time, type_id, sub_type_id, place_id from event_record");
                PreparedStatement claim = db.prepareStatement(insert)) {
            int pending = 0;
            while (r.next()) {
                UUID event = r.getObject(1, UUID.class);
                int ordinal = 0;
                // the order EventClaims.normalise gives: date, place, type, actors, casualties
                start(claim, event, ordinal++, EventClaims.plainId(event, ClaimField.DATE), ClaimField.DATE, true, null,
                        null);
                set(claim, 8, r.getObject(2, java.time.LocalDate.class));
                claim.setString(9, r.getString(3));
                set(claim, 10, r.getObject(4, java.time.LocalTime.class));
                set(claim, 11, r.getObject(5, java.time.LocalDate.class));
                claim.setString(12, r.getString(6));
                set(claim, 13, r.getObject(7, java.time.LocalTime.class));
                claim.addBatch();
                UUID place = r.getObject(10, UUID.class);
                if (place != null) {
                    start(claim, event, ordinal++, EventClaims.plainId(event, ClaimField.PLACE), ClaimField.PLACE, true,
                            null, null);
                    claim.setObject(16, place);
                    claim.addBatch();
                }
                start(claim, event, ordinal++, EventClaims.plainId(event, ClaimField.TYPE), ClaimField.TYPE, true, null,
                        null);
                set(claim, 14, r.getObject(8, UUID.class));
                set(claim, 15, r.getObject(9, UUID.class));
                claim.addBatch();
                List<String> named = actors.get(event);
                if (named != null) {
                    start(claim, event, ordinal++, EventClaims.plainId(event, ClaimField.ACTORS), ClaimField.ACTORS,
                            true, null, null);
                    claim.setString(17, String.join(";", named));
                    claim.addBatch();
                }
                List<Fatality> figures = fatalities.getOrDefault(event, List.of());
                for (int i = 0; i < figures.size(); i++) {
                    Fatality f = figures.get(i);
                    start(claim, event, ordinal++, EventClaims.givenId(event, ClaimField.CASUALTIES, i),
                            ClaimField.CASUALTIES, i == 0, f.sourceId(), f.note());
                    claim.setString(18, "KILLED");
                    claim.setString(19, "ALL");
                    claim.setInt(20, f.minimum());
                    claim.setInt(21, f.maximum());
                    claim.setString(22, "EXACTLY");
                    claim.addBatch();
                }
                if (++pending >= BATCH) {
                    claim.executeBatch();
                    pending = 0;
                }
            }
            claim.executeBatch();
        }
        // events whose fatality claims disagree (no one number fits them all) are contested on casualties, as
        // EventClaims.disputes says; nothing else can disagree yet
        try (PreparedStatement contested = db.prepareStatement(
                "update event_record set contested_fields = 'CASUALTIES' where id = ?")) {
            int pending = 0;
            for (var entry : fatalities.entrySet()) {
                List<Fatality> figures = entry.getValue();
                int highestMinimum = figures.stream().mapToInt(Fatality::minimum).max().orElse(0);
                int lowestMaximum = figures.stream().mapToInt(Fatality::maximum).min().orElse(0);
                if (figures.size() > 1 && highestMinimum > lowestMaximum) {
                    contested.setObject(1, entry.getKey());
                    contested.addBatch();
                    if (++pending >= BATCH) {
                        contested.executeBatch();
                        pending = 0;
                    }
                }
            }
            contested.executeBatch();
        }
        try (Statement s = db.createStatement()) {
            s.execute("drop table event_fatality_claim");
        }
    }

    /** Sets the columns every claim has and clears the value columns. */
    private static void start(PreparedStatement claim, UUID event, int ordinal, UUID id, ClaimField field,
            boolean preferred, UUID sourceId, String note) throws java.sql.SQLException {
        claim.setObject(1, event);
        claim.setInt(2, ordinal);
        claim.setObject(3, id);
        claim.setString(4, field.name());
        claim.setBoolean(5, preferred);
        set(claim, 6, sourceId);
        claim.setString(7, note);
        for (int column = 8; column <= 22; column++) {
            set(claim, column, null);
        }
    }

    /** A value, or SQL null (typed by the column: both databases infer it). */
    private static void set(PreparedStatement claim, int column, Object value) throws java.sql.SQLException {
        claim.setObject(column, value);
    }
}

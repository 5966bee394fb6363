package org.annals.suggest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where rejected suggestions are remembered (decision 0031): per person, source and suggestion (kind and span,
 * with the words it had), and per project for a name said "never here". No permission checks: the
 * {@link SuggestionService} checks roles first.
 */
@Component
class SuggestionRejections {

    /** The longest words a rejection keeps; longer suggestions compare on their first words. */
    static final int WORDS_LENGTH = 300;

    private final JdbcClient jdbc;

    SuggestionRejections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers that the person does not want this suggestion in this source (again is harmless). */
    void reject(UUID projectId, UUID sourceId, UUID userId, Suggestion suggestion) {
        jdbc.sql("""
                insert into suggestion_rejection (source_id, user_id, kind, span_start, span_end, project_id, exact,
                    rejected_at)
                select :source, :user, :kind, :start, :end, :project, :exact, :at from project p
                where p.id = :project and not exists (select 1 from suggestion_rejection r
                    where r.source_id = :source and r.user_id = :user and r.kind = :kind and r.span_start = :start
                      and r.span_end = :end)""")
                .param("source", sourceId).param("user", userId).param("kind", suggestion.kind().name())
                .param("start", suggestion.start()).param("end", suggestion.end()).param("project", projectId)
                .param("exact", words(suggestion.text())).param("at", Timestamp.from(Instant.now()))
                .update();
        // A rejection of other words at the same span (the text changed since) gives way to this one.
        jdbc.sql("""
                update suggestion_rejection set exact = :exact where source_id = :source and user_id = :user
                  and kind = :kind and span_start = :start and span_end = :end and exact <> :exact""")
                .param("source", sourceId).param("user", userId).param("kind", suggestion.kind().name())
                .param("start", suggestion.start()).param("end", suggestion.end())
                .param("exact", words(suggestion.text())).update();
    }

    /** What the person rejected in the source, as {@link #rejectionKey} gives it. */
    Set<String> rejectedIn(UUID sourceId, UUID userId) {
        var keys = new HashSet<String>();
        jdbc.sql("select kind, span_start, span_end, exact from suggestion_rejection where source_id = :source"
                + " and user_id = :user")
                .param("source", sourceId).param("user", userId)
                .query((rs, row) -> rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getInt(3) + "\u0000" + rs.getString(4))
                .list().forEach(keys::add);
        return keys;
    }

    /** How a suggestion compares with what {@link #rejectedIn} returns: its key and its words. */
    static String rejectionKey(Suggestion suggestion) {
        return suggestion.key() + "\u0000" + words(suggestion.text());
    }

    /** How many suggestions the person rejected in the source. */
    int countRejectedIn(UUID sourceId, UUID userId) {
        return jdbc.sql("select count(*) from suggestion_rejection where source_id = :source and user_id = :user")
                .param("source", sourceId).param("user", userId).query(Integer.class).single();
    }

    /** Forgets the person's rejections in the source: everything is suggested again. */
    int forgetRejectedIn(UUID sourceId, UUID userId) {
        return jdbc.sql("delete from suggestion_rejection where source_id = :source and user_id = :user")
                .param("source", sourceId).param("user", userId).update();
    }

    /** Refuses the folded name in the whole project; false when it was already refused. */
    boolean neverHere(UUID projectId, String foldedAlias, String words, SuggestionKind kind, @Nullable UUID entityId,
            UUID userId) {
        return jdbc.sql("""
                insert into suggestion_never_here (project_id, folded_alias, words, kind, entity_id, rejected_by,
                    rejected_at)
                select :project, :alias, :words, :kind, :entity, :user, :at from project p
                where p.id = :project and not exists (select 1 from suggestion_never_here n
                    where n.project_id = :project and n.folded_alias = :alias)""")
                .param("project", projectId).param("alias", words(foldedAlias)).param("words", words(words))
                .param("kind", kind.name()).param("entity", entityId).param("user", userId)
                .param("at", Timestamp.from(Instant.now())).update() > 0;
    }

    /** The folded names refused in the project. */
    Set<String> neverHereAliases(UUID projectId) {
        return new HashSet<>(jdbc.sql("select folded_alias from suggestion_never_here where project_id = :project")
                .param("project", projectId).query(String.class).list());
    }

    /** The names refused in the project, most recent first. */
    List<NeverHere.Stored> neverHereList(UUID projectId) {
        return jdbc.sql("""
                select folded_alias, words, kind, entity_id, rejected_by, rejected_at from suggestion_never_here
                where project_id = :project order by rejected_at desc, folded_alias""")
                .param("project", projectId)
                .query((rs, row) -> new NeverHere.Stored(rs.getString(1), rs.getString(2),
                        SuggestionKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Allows a refused name again; false when it was not refused. */
    boolean allowAgain(UUID projectId, String foldedAlias) {
        return jdbc.sql("delete from suggestion_never_here where project_id = :project and folded_alias = :alias")
                .param("project", projectId).param("alias", foldedAlias).update() > 0;
    }

    static String words(String text) {
        if (text.length() <= WORDS_LENGTH) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(WORDS_LENGTH - 1)) ? WORDS_LENGTH - 1 : WORDS_LENGTH;
        return text.substring(0, cut);
    }
}

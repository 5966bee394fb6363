package org.annals.source;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TextSegmentRepository extends JpaRepository<TextSegment, UUID> {

    @Query("""
            select new org.annals.source.SourceText$Section(s.ordinal, s.depth, s.label, s.start, s.end, s.parentOrdinal)
            from TextSegment s
            where s.textVersionId = :textVersionId and s.kind = :kind
            order by s.ordinal""")
    List<SourceText.Section> findSections(UUID textVersionId, TextSegment.Kind kind);

    @Query("""
            select new org.annals.source.SourceText$Passage(s.ordinal, s.blockKind, s.start, s.end, s.parentOrdinal,
                s.firstPage, s.lastPage)
            from TextSegment s
            where s.textVersionId = :textVersionId and s.kind = :kind
            order by s.ordinal""")
    List<SourceText.Passage> findPassages(UUID textVersionId, TextSegment.Kind kind);

    @Query("""
            select new org.annals.source.SourceText$Range(s.start, s.end)
            from TextSegment s
            where s.textVersionId = :textVersionId and s.kind = :kind
            order by s.ordinal""")
    List<SourceText.Range> findCitations(UUID textVersionId, TextSegment.Kind kind);
}

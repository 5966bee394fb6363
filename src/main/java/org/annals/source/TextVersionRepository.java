package org.annals.source;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TextVersionRepository extends JpaRepository<TextVersion, UUID> {

    @Query("select t.content from TextVersion t where t.id = :id")
    String findContent(UUID id);

    /** The first characters of the text (all of it when shorter), read without the rest. */
    @Query("select substring(t.content, 1, :characters) from TextVersion t where t.id = :id")
    String findContentBeginning(UUID id, int characters);

    @Query("select t.sha256 from TextVersion t where t.id = :id")
    String findSha256(UUID id);
}

package org.annals.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccessTokenRepository extends JpaRepository<AccessToken, UUID> {

    Optional<AccessToken> findBySecretHash(String secretHash);

    List<AccessToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

    @Query("select count(t) from AccessToken t where t.userId = :userId and t.revokedAt is null and t.expiresAt > :now")
    long countActive(UUID userId, Instant now);

    /**
     * The owner's user name, to build the principal with the same {@code UserDetailsService} as a
     * browser sign-in. User names never change, so this is safe to look up by id.
     */
    @Query("select u.username from AppUser u where u.id = :userId")
    Optional<String> usernameOf(UUID userId);

    /**
     * Records use without touching the version: parallel requests with one token must not fail on
     * an optimistic lock, and at most one write per token and minute keeps reads cheap.
     */
    @Modifying
    @Query("update AccessToken t set t.lastUsedAt = :now where t.id = :id"
            + " and (t.lastUsedAt is null or t.lastUsedAt < :unlessSince)")
    void markUsed(UUID id, Instant now, Instant unlessSince);
}

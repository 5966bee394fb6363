package org.annals.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    /** Users whose name or display name contains the text; shared by the list and its count. */
    String SEARCH = """
            where lower(u.username) like lower(:pattern) escape '!'
               or lower(u.displayName) like lower(:pattern) escape '!'
            """;

    Optional<AppUser> findByUsername(String username);

    /** The facts a session depends on, without loading the account (one primary-key lookup). */
    @Query("select new org.annals.security.AccountStandings$Standing(u.enabled, u.admin, u.passwordChangedAt)"
            + " from AppUser u where u.id = :id")
    Optional<org.annals.security.AccountStandings.Standing> findStanding(UUID id);

    boolean existsByUsername(String username);

    long countByAdminTrueAndEnabledTrue();

    @Query("select u from AppUser u " + SEARCH + " order by u.username")
    List<AppUser> search(String pattern, Pageable page);

    @Query("select count(u) from AppUser u " + SEARCH)
    long countSearch(String pattern);

    @Query("""
            select u from AppUser u
            where u.enabled = true
              and (lower(u.username) like lower(:prefix) escape '!'
                   or lower(u.displayName) like lower(:pattern) escape '!')
            order by u.username""")
    List<AppUser> searchEnabled(String prefix, String pattern, Pageable page);
}

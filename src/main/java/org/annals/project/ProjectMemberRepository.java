package org.annals.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectMemberRepository extends JpaRepository<ProjectMember, UUID> {

    Optional<ProjectMember> findByProjectIdAndUserId(UUID projectId, UUID userId);

    @Query("select m.role from ProjectMember m where m.projectId = :projectId and m.userId = :userId")
    Optional<ProjectRole> findRole(UUID projectId, UUID userId);

    /** The person's account, membership and the project's existence in one indexed query (see {@link ProjectAccess}). */
    @Query("""
            select new org.annals.project.PersonInProject(u.enabled, u.admin, m.role, p.id)
            from org.annals.account.AppUser u
            left join ProjectMember m on m.userId = u.id and m.projectId = :projectId
            left join Project p on p.id = :projectId
            where u.id = :userId""")
    Optional<PersonInProject> findStanding(UUID projectId, UUID userId);

    long countByProjectIdAndRole(UUID projectId, ProjectRole role);

    @Query("""
            select new org.annals.project.MemberSummary(u.id, u.username, u.displayName, m.role, u.enabled, m.addedAt)
            from ProjectMember m join org.annals.account.AppUser u on u.id = m.userId
            where m.projectId = :projectId
            order by m.role desc, u.username""")
    List<MemberSummary> findMembers(UUID projectId);
}

package org.annals.project;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<Project, UUID> {

    /** Serialises membership changes of one project, so two managers cannot demote each other at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Project p where p.id = :id")
    Optional<Project> lockById(UUID id);

    @Query("""
            select new org.annals.project.ProjectSummary(p.id, p.name, p.description, m.role, p.createdAt)
            from Project p join ProjectMember m on m.projectId = p.id
            where m.userId = :userId
            order by lower(p.name), p.id""")
    List<ProjectSummary> findMemberships(UUID userId);

    @Query("""
            select new org.annals.project.ProjectSummary(p.id, p.name, p.description,
                   org.annals.project.ProjectRole.MANAGER, p.createdAt)
            from Project p
            order by lower(p.name), p.id""")
    List<ProjectSummary> findAllAsManager();
}

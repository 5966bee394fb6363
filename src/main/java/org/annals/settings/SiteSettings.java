package org.annals.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.annals.base.AbstractEntity;

/** The single row of run-time site settings (created by the migration that introduced it). */
@Entity
@Table(name = "site_settings")
public class SiteSettings extends AbstractEntity {

    static final UUID SINGLETON_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Column(name = "users_may_create_projects", nullable = false)
    private boolean usersMayCreateProjects;

    @Column(name = "sample_project_created", nullable = false)
    private boolean sampleProjectCreated;

    protected SiteSettings() {
    }

    boolean usersMayCreateProjects() {
        return usersMayCreateProjects;
    }

    void setUsersMayCreateProjects(boolean allowed) {
        this.usersMayCreateProjects = allowed;
    }

    boolean sampleProjectCreated() {
        return sampleProjectCreated;
    }

    void markSampleProjectCreated() {
        this.sampleProjectCreated = true;
    }
}

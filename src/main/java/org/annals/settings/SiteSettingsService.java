package org.annals.settings;

import org.annals.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class SiteSettingsService {

    private static final Logger log = LoggerFactory.getLogger(SiteSettingsService.class);

    private final SiteSettingsRepository repository;

    SiteSettingsService(SiteSettingsRepository repository) {
        this.repository = repository;
    }

    /** Whether every signed-in user may create projects, or only administrators (the default). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean usersMayCreateProjects() {
        return settings().usersMayCreateProjects();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void setUsersMayCreateProjects(boolean allowed) {
        settings().setUsersMayCreateProjects(allowed);
        log.info("'{}' set users-may-create-projects to {}", CurrentUser.require().getUsername(), allowed);
    }

    /** Whether the sample project was ever created on this site (so it is not created again after deletion). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public boolean sampleProjectCreated() {
        return settings().sampleProjectCreated();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void markSampleProjectCreated() {
        settings().markSampleProjectCreated();
    }

    private SiteSettings settings() {
        return repository.findById(SiteSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("site_settings row missing: migrations not applied?"));
    }
}

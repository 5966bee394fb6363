package org.annals.settings;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SiteSettingsRepository extends JpaRepository<SiteSettings, UUID> {
}

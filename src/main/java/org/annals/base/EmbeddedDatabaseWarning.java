package org.annals.base;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells the administrator at every start that the embedded H2 database file is for trying Annals out
 * (decision 15, docs/performance.md "Durability on H2"): with WRITE_DELAY=0 and the recovery pass at
 * start (H2CrashRecovery) a killed server keeps what it confirmed, but H2 never forces a commit to the
 * disk, and its crash recovery has had defects. PostgreSQL flushes its write-ahead log before it answers.
 */
@Component
class EmbeddedDatabaseWarning implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWarning.class);

    private final String url;

    EmbeddedDatabaseWarning(@Value("${spring.datasource.url:}") String url) {
        this.url = url;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        warning(url).ifPresent(log::warn);
    }

    /** The warning for this database URL: only an H2 database kept in a file has one. */
    static Optional<String> warning(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) {
            return Optional.empty();
        }
        String message = "Annals is running on the embedded H2 database, which is meant for trying Annals out:"
                + " it does not force each change to the disk, so a power cut or a crash of the computer can lose"
                + " changes that were already confirmed. For real use run Annals on PostgreSQL"
                + " (README, \"Configuration\"; decision 15).";
        if (!lower.replace(" ", "").contains(";write_delay=0")) {
            message += " This database URL also lacks WRITE_DELAY=0, so H2 writes confirmed changes to its file"
                    + " only up to half a second later.";
        }
        return Optional.of(message);
    }
}

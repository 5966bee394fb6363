package org.annals.base;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Before anything opens the embedded H2 database file, opens it once as a bare MVStore in H2's recovery
 * mode and closes it again (decision 15). After a kill -9, H2 2.5.252's normal open looks for the newest
 * chunk by following the chain it predicted from the file header and the end of the file; a chunk that a
 * commit wrote into reused free space in the middle of the file can be missed, and the commits it held
 * (already answered) are silently gone. Recovery mode scans the whole file for chunks and keeps the
 * newest complete set; closing writes a clean header that points at it, so the normal open that follows
 * starts from there. Runs as a bean factory post-processor so that it is done before the data source,
 * Flyway or anything else exists. H2 file URLs only; PostgreSQL and in-memory databases are untouched.
 */
final class H2CrashRecovery implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(H2CrashRecovery.class);
    private static final Pattern OTHER_PROTOCOL = Pattern.compile("^[a-z][a-z0-9]+:.*");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        databaseFile(environment.getProperty("spring.datasource.url", "")).filter(Files::isRegularFile)
                .ifPresent(H2CrashRecovery::recover);
    }

    /** The MVStore file of an H2 database kept in a local file, if the URL names one. */
    static Optional<Path> databaseFile(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        String upperSettings = settings < 0 ? "" : rest.substring(settings).toUpperCase(Locale.ROOT);
        if (name.regionMatches(true, 0, "file:", 0, "file:".length())) {
            name = name.substring("file:".length());
        } else if (OTHER_PROTOCOL.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio...: not a plain local file
        }
        if (name.isBlank() || upperSettings.contains(";CIPHER=") || upperSettings.contains(";AUTO_SERVER=TRUE")) {
            return Optional.empty(); // an encrypted file needs the key; a shared file may be open elsewhere
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db"));
    }

    /** Opens and closes the store in recovery mode; H2 then opens it from the newest complete chunk set. */
    static void recover(Path file) {
        long started = System.nanoTime();
        try {
            MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().open();
            long version = store.getCurrentVersion();
            store.close();
            log.info("Checked the H2 database file {} for the newest committed data (version {}) in {} ms", file,
                    version, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The normal open still runs and reports what is wrong with the file (locked by another process...).
            log.warn("Could not check the H2 database file {} before opening it: {}", file, e.toString());
        }
    }
}

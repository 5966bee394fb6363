package org.annals.startup;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.annals.account.AdminBootstrapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The training run for the JDK's ahead-of-time cache (JEP 483/514/515, decision 41). Only active with
 * {@code annals.aot-training.enabled=true}, which bin/annals and the Docker image set for one start on a
 * throwaway data folder under {@code -XX:AOTCacheOutput}: once the app is ready it does over real HTTP
 * what the first person does (the sign-in page, signing in as the first administrator, the project
 * list, the sample project's library, a source in the editor with its text download), then stops the
 * app, and the JVM writes the classes it loaded and the methods' profiles into the cache. Later starts
 * with {@code -XX:AOTCache} find them loaded and linked, so neither start-up nor the first click pays for
 * loading them again. Each step is tried once; one that fails is logged and skipped, since a partial
 * training still makes a useful cache. The switch is read when the app is ready, not as a bean condition,
 * because the production jar's bean definitions are fixed at build time (Spring AOT, decision 42).
 */
@Component
class AotTrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(AotTrainingRun.class);
    /** The sample project is imported in the background after start; the training waits for it this long. */
    private static final Duration SAMPLE_WAIT = Duration.ofSeconds(90);

    private final AdminBootstrapProperties admin;
    private final JdbcTemplate jdbc;

    private final boolean enabled;

    AotTrainingRun(AdminBootstrapProperties admin, JdbcTemplate jdbc,
            @Value("${annals.aot-training.enabled:false}") boolean enabled) {
        this.admin = admin;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        ConfigurableApplicationContext context = event.getApplicationContext();
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        Thread.ofPlatform().name("aot-training").start(() -> {
            int exitCode = 0;
            try {
                train("http://localhost:" + port + "/");
            } catch (IOException | RuntimeException e) {
                log.warn("AOT training run stopped early: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                log.info("AOT training run done; stopping so that the JVM writes its cache");
                exitCode = SpringApplication.exit(context, () -> 0);
            }
            System.exit(exitCode);
        });
    }

    private void train(String base) throws IOException, InterruptedException {
        var session = new PageSession(base);
        session.open("login", Map.of());
        String password = admin.password();
        if (password == null || password.isBlank()) {
            log.info("AOT training: no ANNALS_ADMIN_PASSWORD, so only the sign-in page was opened");
            return;
        }
        String landed = session.signIn(admin.username(), password);
        if (landed.contains("login")) {
            log.warn("AOT training: signing in as '{}' failed ({}); only the sign-in page was opened", admin.username(),
                    landed);
            return;
        }
        // The pages' lists (grids) load their rows in a later round trip, so the sample source is looked up in
        // this run's own throwaway database instead of in the pages.
        long deadline = System.nanoTime() + SAMPLE_WAIT.toNanos();
        Optional<String> source = sampleSource();
        while (source.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            source = sampleSource();
        }
        if (source.isEmpty()) {
            log.warn("AOT training: no sample source appeared within {}; the editor was not opened", SAMPLE_WAIT);
            return;
        }
        String project = source.get().substring(0, source.get().indexOf("/sources/"));
        session.open("", Map.of());
        session.open(project, Map.of());
        session.open(project + "/sources", Map.of());
        int downloaded = 0;
        for (int i = 0; i < 3; i++) {
            // Opened in the app (Vaadin's navigation): a source of sample size comes with the answer.
            String editor = PageSession.text(session.open(source.get(), Map.of()));
            // Opened by its address (a reload, a link): the page carries the view and names the text and the
            // annotations as downloads (EditorFirstResponse), the path of the first open after a restart.
            String page = PageSession.text(session.get(source.get(), Map.of()));
            for (String download : PageSession.downloads(editor + page)) {
                session.get(download, Map.of());
                downloaded++;
            }
        }
        log.info("AOT training: signed in and opened the project list, a library and {} three times ({} downloads)",
                source.get(), downloaded);
    }

    private Optional<String> sampleSource() {
        return jdbc.query("select project_id, id from source order by created_at, id", rows -> rows.next()
                ? Optional.of("projects/" + rows.getObject(1) + "/sources/" + rows.getObject(2)) : Optional.empty());
    }
}

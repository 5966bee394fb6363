package org.annals.sample;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.annals.account.AdminBootstrapProperties;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectService;
import org.annals.security.AnnalsPrincipal;
import org.annals.settings.SiteSettingsService;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.parse.DraftBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Creates "Syria 2024 offensives" with the five sample texts on the first start of a new site,
 * acting as the first administrator and going through the normal import pipeline (the proposed
 * blocks are kept, page chrome is dropped), then its gazetteer and vetted timeline ({@link SampleTimeline}, through
 * ordinary changesets). Runs once per site: deleting the project does not bring
 * it back. It runs in the background once the application is ready, so it never delays start-up;
 * tests can call {@link #run} directly.
 */
@Component
class SampleProjectSeeder implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROJECT_NAME = "Syria 2024 offensives";
    static final String SAMPLES = "classpath:samples/syria-2024/*.txt";
    static final String LICENCE = "CC BY-SA 4.0; attribution: Wikipedia contributors";
    private static final Logger log = LoggerFactory.getLogger(SampleProjectSeeder.class);

    private final SampleProjectProperties properties;
    private final AdminBootstrapProperties admin;
    private final UserDetailsService users;
    private final SiteSettingsService settings;
    private final ProjectService projects;
    private final SourceImportService imports;
    private final SampleTimeline timeline;

    SampleProjectSeeder(SampleProjectProperties properties, AdminBootstrapProperties admin, UserDetailsService users,
            SiteSettingsService settings, ProjectService projects, SourceImportService imports,
            SampleTimeline timeline) {
        this.timeline = timeline;
        this.properties = properties;
        this.admin = admin;
        this.users = users;
        this.settings = settings;
        this.projects = projects;
        this.imports = imports;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (properties.enabled()) {
            Thread.ofVirtual().name("sample-project").start(() -> {
                try {
                    // Off the start path: the first sign-in page should not share the processor with the import.
                    Thread.sleep(properties.delay());
                    run();
                } catch (IOException | RuntimeException e) {
                    log.warn("The sample project could not be created", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Creates the sample project unless this site already had one. Synchronous. */
    void run() throws IOException {
        AnnalsPrincipal administrator;
        try {
            administrator = (AnnalsPrincipal) users.loadUserByUsername(admin.username().toLowerCase(java.util.Locale.ROOT));
        } catch (UsernameNotFoundException e) {
            log.info("Sample project not created: the first administrator '{}' does not exist", admin.username());
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(administrator, null, administrator.getAuthorities()));
        try {
            if (!settings.sampleProjectCreated()) {
                createSampleProject();
                settings.markSampleProjectCreated();
            }
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void createSampleProject() throws IOException {
        long started = System.nanoTime();
        UUID project = projects.create(PROJECT_NAME, "Sample project: the 2024 Syrian opposition offensives, told by"
                + " five texts derived from English Wikipedia articles in five different shapes. Explore it, or"
                + " delete it (Overview, Delete project…) when you start your own.").id();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(SAMPLES);
        Arrays.sort(files, Comparator.comparing(Resource::getFilename, Comparator.nullsLast(Comparator.naturalOrder())));
        var imported = new java.util.LinkedHashMap<String, UUID>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                String name = file.getFilename() == null ? "sample.txt" : file.getFilename();
                ImportPreview preview = imports.preview(project, name, in.readAllBytes());
                List<DraftBlock> kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
                String title = preview.draft().title() != null ? preview.draft().title() : name;
                var metadata = new SourceMetadata(title, null, "Wikipedia", "Wikipedia contributors", null,
                        LocalDate.of(2024, 12, 15), "en", LICENCE);
                imported.put(name, imports.importSource(project, new ImportRequest(metadata, preview.draft().format(),
                        kept, name, preview.charset(), false, preview.original())).sourceId());
            } catch (InvalidInputException e) {
                log.warn("Sample file {} not imported: {}", file.getFilename(), e.getMessage());
            }
        }
        long timelineStarted = System.nanoTime();
        String events;
        try {
            SampleTimeline.Seeded seeded = timeline.seed(project, imported);
            events = seeded.events() + " vetted events" + (seeded.skipped().isEmpty() ? ""
                    : " (" + seeded.skipped().size() + " left out, see the warnings)");
        } catch (IOException | RuntimeException e) {
            // The sources stay: a project without its timeline is still worth exploring.
            log.warn("The sample project's gazetteer and timeline could not be created", e);
            events = "no timeline";
        }
        long now = System.nanoTime();
        log.info("Created the sample project '{}' with {} sources and {} in {} ms (timeline {} ms)", PROJECT_NAME,
                imported.size(), events, (now - started) / 1_000_000, (now - timelineStarted) / 1_000_000);
    }
}

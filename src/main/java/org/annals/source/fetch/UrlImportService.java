package org.annals.source.fetch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.source.ImportPreview;
import org.annals.source.ImportProperties;
import org.annals.source.SourceImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Import by address, first step: fetch each address, read what came back into a draft like an upload's, and hand
 * back the previews, each with its original, to be reviewed and imported with
 * {@link SourceImportService#importSource} (which stores the source with its capture, all or nothing). Stores
 * nothing itself. No database connection is held while fetching: a slow server must not starve the pool.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class UrlImportService {

    private static final Logger log = LoggerFactory.getLogger(UrlImportService.class);

    private final ProjectAccess access;
    private final SourceImportService imports;
    private final WebFetcher fetcher;
    private final FetchProperties settings;
    private final PageReader reader;

    UrlImportService(ProjectAccess access, SourceImportService imports, WebFetcher fetcher, FetchProperties settings,
            ImportProperties limits) {
        this.access = access;
        this.imports = imports;
        this.fetcher = fetcher;
        this.settings = settings;
        this.reader = new PageReader(limits);
    }

    /** Whether this server fetches by address at all (the operator may turn it off). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The most addresses one batch may hold. */
    public int maxUrlsPerBatch() {
        return settings.maxUrlsPerBatch();
    }

    /**
     * Fetches one address and reads it. Stores nothing.
     *
     * @throws FetchFailedException when it cannot be fetched, saying why
     * @throws InvalidInputException when what came back cannot be read as a source
     */
    public ImportPreview preview(UUID projectId, String url) {
        access.require(projectId, ProjectRole.EDITOR);
        FetchedPage page = fetcher.fetch(url);
        PageReader.Read read = reader.read(page);
        return imports.previewCaptured(projectId, read.name(), read.draft(), read.charset(), read.note(),
                page.toOriginal());
    }

    /**
     * Fetches several addresses (one per entry; blank entries and repeats are skipped), a few at a time, and reads
     * each. Each one's failure is its own: the others are previewed all the same. Stores nothing.
     *
     * @throws InvalidInputException when there is no address or more than a batch may hold, or fetching is off
     */
    public List<UrlPreview> previewAll(UUID projectId, List<String> urls) {
        access.require(projectId, ProjectRole.EDITOR);
        var distinct = new LinkedHashSet<String>();
        urls.stream().map(String::strip).filter(u -> !u.isEmpty()).forEach(distinct::add);
        if (distinct.isEmpty()) {
            throw new InvalidInputException("Give at least one web address, one per line.");
        }
        if (distinct.size() > settings.maxUrlsPerBatch()) {
            throw new InvalidInputException(distinct.size() + " addresses: at most " + settings.maxUrlsPerBatch()
                    + " can be fetched at a time.");
        }
        if (!fetcher.enabled()) {
            throw new FetchFailedException(FetchFailedException.Reason.DISABLED,
                    "Fetching by address is turned off on this server.");
        }
        // Fetching and reading need no database and no signed-in person: they run side by side on virtual threads,
        // at most `concurrency` at once. The duplicate check reads the database, on this thread, as this person.
        var gate = new Semaphore(settings.concurrency());
        var fetched = new ArrayList<Future<Fetched>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String url : distinct) {
                fetched.add(executor.submit(() -> {
                    gate.acquire();
                    try {
                        FetchedPage page = fetcher.fetch(url);
                        return new Fetched(page, reader.read(page));
                    } finally {
                        gate.release();
                    }
                }));
            }
            var results = new ArrayList<UrlPreview>(distinct.size());
            int i = 0;
            for (String url : distinct) {
                results.add(result(projectId, url, fetched.get(i++)));
            }
            return results;
        }
    }

    private record Fetched(FetchedPage page, PageReader.Read read) {
    }

    private UrlPreview result(UUID projectId, String url, Future<Fetched> future) {
        try {
            Fetched done = future.get();
            PageReader.Read read = done.read();
            return UrlPreview.ready(url, imports.previewCaptured(projectId, read.name(), read.draft(), read.charset(),
                    read.note(), done.page().toOriginal()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UrlPreview.failed(url, null, "Interrupted before this address was read.");
        } catch (ExecutionException e) {
            return failure(url, e.getCause());
        } catch (InvalidInputException e) {
            return failure(url, e);
        }
    }

    private static UrlPreview failure(String url, Throwable cause) {
        if (cause instanceof FetchFailedException failed) {
            return UrlPreview.failed(url, failed.reason(), failed.getMessage());
        }
        if (cause instanceof InvalidInputException invalid) {
            return UrlPreview.failed(url, FetchFailedException.Reason.UNREADABLE, invalid.getMessage());
        }
        log.warn("Reading {} failed", AddressPolicy.shown(url), cause);
        return UrlPreview.failed(url, FetchFailedException.Reason.UNREADABLE, "This page could not be read.");
    }
}

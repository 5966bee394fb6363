package org.annals.export.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.annals.base.TemporaryFiles;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Background exports into a temporary file: kept when done, gone when cancelled half way or failed. */
@IntegrationTest
class ExportJobTest {

    @Autowired
    ExportService exports;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TemporaryFiles temporaryFiles;

    private ExportJob run(AnnalsPrincipal who, UUID project, boolean cancelHalfWay) throws Exception {
        var done = new CompletableFuture<ExportJob>();
        var jobs = new ExportJob[1];
        jobs[0] = as(who, () -> ExportJob.start(exports, temporaryFiles, project, ExportFormat.DATASET_JSON, ExportFilter.ALL, false,
                new ExportJob.Listener() {
                    @Override
                    public void progress(long written) {
                        if (cancelHalfWay) {
                            // Cancelled after the entities were written, before the events.
                            synchronized (jobs) {
                                while (jobs[0] == null) {
                                    Thread.onSpinWait();
                                }
                            }
                            jobs[0].cancel();
                        }
                    }

                    @Override
                    public void finished(ExportJob job) {
                        done.complete(job);
                    }
                }));
        return done.get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_finished_export_keeps_its_file_and_a_cancelled_one_leaves_nothing_behind() throws Exception {
        AnnalsPrincipal reviewer = fixtures.newUser("reviewer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var proposal = as(reviewer, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Hama"), "Add",
                true));
        AnnalsPrincipal other = fixtures.newUser("approver");
        fixtures.addMember(project, other, ProjectRole.REVIEWER);
        as(other, () -> review.approve(proposal.changesetId(), null));

        ExportJob finished = run(reviewer, project, false);
        assertThat(finished.outcome()).isEqualTo(ExportJob.Outcome.DONE);
        assertThat(Files.readString(finished.file())).contains("\"name\":\"Hama\"");
        finished.discard();
        assertThat(finished.file()).doesNotExist();

        ExportJob cancelled = run(reviewer, project, true);
        assertThat(cancelled.outcome()).isEqualTo(ExportJob.Outcome.CANCELLED);
        assertThat(cancelled.file()).doesNotExist();
    }

    @Test
    void a_failed_export_leaves_nothing_behind_and_files_live_in_the_instances_own_folder() throws Exception {
        AnnalsPrincipal outsider = fixtures.newUser("outsider");
        UUID project = fixtures.newProject(fixtures.admin());

        // Not a member: the service refuses once the job runs, after the file was created.
        ExportJob failed = run(outsider, project, false);

        assertThat(failed.outcome()).isEqualTo(ExportJob.Outcome.FAILED);
        assertThat(failed.problem()).isNotBlank();
        assertThat(failed.file().getParent()).isEqualTo(temporaryFiles.folder());
        assertThat(failed.file()).doesNotExist();
    }
}

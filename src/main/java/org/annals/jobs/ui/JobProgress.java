package org.annals.jobs.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.annals.jobs.Job;
import org.annals.jobs.JobsBusyException;
import org.jspecify.annotations.Nullable;

/**
 * Shows a running background job in a view: what it is doing, a progress bar and a Cancel button,
 * updated through server push ({@code UI.access}) while the job runs on its own thread, so the page
 * stays usable meanwhile. When the job finishes, the panel hides itself and the view is told in its
 * UI. The panel only watches: leaving the page stops the watching, not the job; the view decides
 * what leaving means (an export page discards its job, a release goes on).
 */
public class JobProgress extends Div {

    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();
    private final Button cancel = new Button("Cancel");
    private Job.@Nullable Watch watch;
    private @Nullable Job<?> followed;

    public JobProgress() {
        addClassName("job-progress");
        text.addClassName("job-progress-text");
        cancel.addClassName("job-progress-cancel");
        cancel.addClickListener(e -> {
            if (followed != null) {
                followed.cancel();
                cancel.setEnabled(false);
                text.setText("Cancelling…");
            }
        });
        add(text, bar, cancel);
        setVisible(false);
    }

    /**
     * Shows {@code job} until it finishes, then calls {@code finished} in the UI (once). Call from the
     * UI thread while the panel is attached.
     */
    public <R> void follow(Job<R> job, Consumer<Job<R>> finished) {
        stop();
        UI ui = UI.getCurrent();
        Objects.requireNonNull(ui, "follow a job from the UI thread");
        followed = job;
        setVisible(true);
        cancel.setEnabled(true);
        show(job);
        // Each batch of rows reports progress; only a visible change is pushed to the browser.
        var shown = new AtomicReference<String>(signature(job));
        var told = new java.util.concurrent.atomic.AtomicBoolean();
        watch = job.watch(current -> {
            String now = signature(current);
            if (now.equals(shown.getAndSet(now)) && !current.state().finished()) {
                return;
            }
            try {
                ui.access(() -> {
                    if (followed != current) {
                        return;
                    }
                    if (current.state().finished()) {
                        if (told.compareAndSet(false, true)) {
                            stop();
                            finished.accept(current);
                        }
                    } else {
                        show(current);
                    }
                });
            } catch (UIDetachedException gone) {
                // The page was closed; the job carries on or is discarded by its owner.
            }
        });
    }

    /** Stops showing the job (it keeps running). */
    public void stop() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        followed = null;
        setVisible(false);
    }

    private void show(Job<?> job) {
        if (job.cancelRequested()) {
            text.setText("Cancelling…");
            cancel.setEnabled(false);
            return;
        }
        var what = new StringBuilder(job.step().orElse(job.description()));
        if (job.total() > 0) {
            what.append(" · ").append(String.format(Locale.ROOT, "%,d of %,d records", job.done(), job.total()));
        }
        text.setText(what.toString());
        job.fraction().ifPresentOrElse(f -> {
            bar.setIndeterminate(false);
            bar.setValue(f);
        }, () -> bar.setIndeterminate(true));
    }

    private static String signature(Job<?> job) {
        long percent = job.fraction().map(f -> Math.round(f * 100)).orElse(-1L);
        return job.state() + "|" + job.step().orElse("") + "|" + percent + "|" + job.cancelRequested();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stop();
        super.onDetach(detachEvent);
    }

    /** Tells the person that the server is busy and nothing was started. */
    public static void showBusy(JobsBusyException busy) {
        var note = Notification.show(busy.getMessage(), 6000, Notification.Position.MIDDLE);
        note.addThemeVariants(NotificationVariant.LUMO_WARNING);
        note.addClassName("jobs-busy");
    }
}

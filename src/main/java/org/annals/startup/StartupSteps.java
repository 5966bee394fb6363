package org.annals.startup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * A diagnosis of start-up for developers (issue 21): with {@code -Dannals.startup.steps=true} Spring records every
 * step of start-up (each bean created, each post-processor, the context refresh) and, once the app is ready, the
 * slowest steps are logged by their own time (a step's time less that of the steps inside it), so the bean that
 * costs the time is named rather than the one that happened to need it. Off by default: recording costs a little.
 */
public final class StartupSteps implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);
    private static final int SHOWN = 40;

    private final BufferingApplicationStartup recorder;

    /** One recorded step and its own time (less that of the steps inside it). */
    private record Step(String name, String tags, long ownNanos) {
    }

    private StartupSteps(BufferingApplicationStartup recorder) {
        this.recorder = recorder;
    }

    /** Records start-up's steps if {@code annals.startup.steps} is set; call before {@code run}. */
    public static void recordIfAsked(SpringApplication application) {
        if (Boolean.getBoolean("annals.startup.steps")) {
            var recorder = new BufferingApplicationStartup(50_000);
            application.setApplicationStartup(recorder);
            application.addListeners(new StartupSteps(recorder));
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        StartupTimeline timeline = recorder.getBufferedTimeline();
        Map<Long, Long> childNanos = new HashMap<>();
        for (StartupTimeline.TimelineEvent step : timeline.getEvents()) {
            Long parent = step.getStartupStep().getParentId();
            if (parent != null) {
                childNanos.merge(parent, step.getDuration().toNanos(), Long::sum);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (StartupTimeline.TimelineEvent timed : timeline.getEvents()) {
            StartupStep recorded = timed.getStartupStep();
            var tags = new StringBuilder();
            recorded.getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
            long own = timed.getDuration().toNanos() - childNanos.getOrDefault(recorded.getId(), 0L);
            steps.add(new Step(recorded.getName(), tags.toString().trim(), own));
        }
        steps.sort(Comparator.comparingLong(Step::ownNanos).reversed());
        var report = new StringBuilder(String.format(Locale.ROOT, "Start-up steps: %d recorded; the %d slowest by own time:",
                steps.size(), SHOWN));
        for (Step step : steps.subList(0, Math.min(SHOWN, steps.size()))) {
            report.append(String.format(Locale.ROOT, "%n%7.1f ms  %s %s", step.ownNanos() / 1e6, step.name(), step.tags()));
        }
        log.info("{}", report);
        log.info("Start-up steps: ready {} ms after the start of SpringApplication.run", event.getTimeTaken().toMillis());
    }
}

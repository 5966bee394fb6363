package org.annals.startup;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * Takes the set-up that start-up leaves to first use off the first person's click (issue 21, point 4).
 * The repositories are created on first use so that the app is ready sooner (decision 4,
 * {@code BootstrapMode.LAZY}); the first page that needs one then waited for it, and the editor needs
 * many. Once the app is ready this creates them all in the background: Spring Data builds each
 * repository's query methods and Hibernate compiles their queries, with no database access, so
 * nothing is read or written. A person who clicks before it is done waits at most for the repository
 * being created, as before. {@code annals.startup.warm-up=false} turns it off. The switch is read when the
 * app is ready rather than as a bean condition: the production jar's bean definitions are fixed at build
 * time (Spring AOT, decision 42), where a condition would be evaluated once for every installation.
 */
@Component
class StartupWarmup implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);

    private final boolean enabled;

    StartupWarmup(@Value("${annals.startup.warm-up:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        ListableBeanFactory beans = event.getApplicationContext();
        Thread.ofVirtual().name("start-up-warm-up").start(() -> {
            try {
                warmUp(beans);
            } catch (RuntimeException e) {
                log.warn("Start-up warm-up stopped early: {}", e.toString());
            }
        });
    }

    /** Creates every repository not created yet; returns how many repositories there are. Synchronous. */
    static int warmUp(ListableBeanFactory beans) {
        long started = System.nanoTime();
        String[] names = beans.getBeanNamesForType(Repository.class, false, true);
        for (String name : names) {
            beans.getBean(name);
        }
        log.debug("Start-up warm-up: {} repositories ready in {}", names.length,
                Duration.ofNanos(System.nanoTime() - started));
        return names.length;
    }
}

package org.annals.base;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Gives memory that start-up used and no longer needs back to the operating system. Without JVM
 * options the heap starts at 1/64 of the machine's memory and start-up fills it with garbage; Annals
 * often runs on a small shared server, so once it is ready it lets the heap shrink to what is live
 * and asks G1 to keep returning unused memory while the server is idle (JEP 346). Options given on
 * the command line always win: only settings still at their default are changed.
 * See docs/decisions/0004-return-idle-memory.md.
 */
@Component
class IdleMemoryReturner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(IdleMemoryReturner.class);

    private final boolean enabled;
    private final Duration idleInterval;

    IdleMemoryReturner(@Value("${annals.memory.return-idle-memory:true}") boolean enabled,
            @Value("${annals.memory.idle-gc-interval:60s}") Duration idleInterval) {
        this.enabled = enabled;
        this.idleInterval = idleInterval;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null) {
            return;
        }
        setIfDefault(vm, "MinHeapFreeRatio", "10");
        setIfDefault(vm, "MaxHeapFreeRatio", "30");
        setIfDefault(vm, "G1PeriodicGCInterval", Long.toString(idleInterval.toMillis()));
        Thread.ofVirtual().name("return-start-up-memory").start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(3));
                System.gc();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            if (vm.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT) {
                vm.setVMOption(name, value);
            }
        } catch (IllegalArgumentException e) {
            // Not this JVM's option (another garbage collector, another vendor): nothing to tune.
            log.debug("VM option {} not available: {}", name, e.getMessage());
        }
    }
}

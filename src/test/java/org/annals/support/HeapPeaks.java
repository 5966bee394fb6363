package org.annals.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The heap a piece of work takes, for the benchmarks: used after a GC before it, and the pools' peak during it. */
public final class HeapPeaks {

    private HeapPeaks() {
    }

    /** The heap in use after a full collection; also starts a new peak. */
    public static long resetAndMeasure() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return usedAfterGc();
    }

    public static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The sum of the heap pools' peaks since the last reset. */
    public static long peak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}

package dev.sqsredrive.mover;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Optional;
import javax.management.NotificationEmitter;

/**
 * Collects the old generation when it has grown past one and a half times what was alive at its last collection
 * (at least {@link #FLOOR}), instead of letting it grow to the heap's limit. Under the launcher's serial collector
 * (JDK 25) a young collection promotes into an old generation it expands as needed, and a full collection comes
 * only when the limit (1 GiB) is reached: the stacks of virtual threads parked on a call across a young collection are
 * promoted at every one of them and die there, so at 64 workers the old generation grew by ~1.7 MiB per young
 * collection to 385 MiB in a 20,000-message move, with 33 MiB alive (docs/PERFORMANCE.md, "Memory at 16, 64 and
 * 128 workers"). This keeps the limit where it is (a live set that needs the heap still gets it) and collects the
 * garbage instead. The JVM reports the crossing after a collection, on its own thread: no polling.
 */
public final class OldGenerationTrim {

    /** Below this the old generation is left alone: a full collection costs more than the memory it frees. */
    static final long FLOOR = 32L << 20;

    private static volatile boolean installed;

    private OldGenerationTrim() {
    }

    /** Watches the old generation, once per process; does nothing under another collector than the serial one. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Optional<MemoryPoolMXBean> old = oldGeneration();
        if (old.isEmpty()) {
            return;
        }
        MemoryPoolMXBean pool = old.get();
        pool.setUsageThreshold(threshold(0, pool.getUsage().getMax()));
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((n, h) -> {
            if (MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(n.getType())) {
                collect(pool);
            }
        }, null, null);
    }

    private static void collect(MemoryPoolMXBean pool) {
        System.gc();
        long alive = pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed();
        pool.setUsageThreshold(threshold(alive, pool.getUsage().getMax()));
    }

    /**
     * The next usage at which to collect: what was alive after the last collection and half as much again, at
     * least the floor, at most the generation's limit (the JVM refuses a threshold above it: an operator's small
     * -Xmx). Twice (and a floor of 48 MiB) left 128 workers at 193 MiB; one and a half at 169, with a full
     * collection (~70 ms, ~40 MiB alive) every second or so on two shared cores.
     */
    static long threshold(long aliveAfterCollection, long max) {
        long wanted = Math.max(FLOOR, aliveAfterCollection + aliveAfterCollection / 2);
        return max < 0 ? wanted : Math.min(wanted, max);
    }

    /**
     * The serial collector's old generation, the only pool watched: another collector (an operator's choice in
     * REDRIVE_JAVA_OPTS, or the tests' JVM) has its own policy for its old generation, and a System.gc() there
     * would only cost.
     */
    static Optional<MemoryPoolMXBean> oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported())
                .filter(p -> p.getName().equals("Tenured Gen"))
                .findFirst();
    }
}

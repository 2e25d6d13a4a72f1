package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqsredrive.testing.Processes;
import dev.sqsredrive.testing.RunResult;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The old generation stays near what is alive when objects that outlive a young collection or two die there, in
 * a real JVM at the launcher's heap flags (dist/redrive): the way the stacks of virtual threads parked on calls
 * grew it to 385 MiB at 64 workers.
 */
class OldGenerationTrimTest {

    /** dist/redrive's collector and heap for the commands that call SQS. */
    private static final List<String> LAUNCHER_HEAP = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xms32m", "-Xmx1g", "-Xmn16m", "-XX:SurvivorRatio=2");

    @Test
    void theOldGenerationIsCollectedInsteadOfGrowingToTheLimit() {
        long[] trimmed = churn(true);
        long[] untouched = churn(false);

        assertThat(untouched[0]).as("full collections without the trim").isZero();
        assertThat(untouched[1]).as("without the trim: the garbage promoted stays, the JVM grows the heap for it")
                .isGreaterThan(200);
        assertThat(trimmed[0]).as("full collections with the trim").isPositive();
        // the JVM notifies on its own thread while the churn goes on: how far it got first depends on the load
        assertThat(trimmed[1]).as("with the trim, peak MiB").isLessThan(untouched[1] / 2);
    }

    @Test
    void theNextCollectionWaitsForHalfAsMuchAgainAsWasAliveAndNeverComesBelowTheFloor() {
        assertThat(OldGenerationTrim.threshold(0, -1)).isEqualTo(OldGenerationTrim.FLOOR);
        assertThat(OldGenerationTrim.threshold(100L << 20, -1)).isEqualTo(150L << 20);
    }

    @Test
    void anOperatorsSmallHeapStillMovesWithTheThresholdAtItsLimit() {
        List<String> command = List.of(java(), "-XX:+UseSerialGC", "-Xms24m", "-Xmx24m", "-Xmn8m",
                "-cp", System.getProperty("java.class.path"), Churn.class.getName(), "true");

        Processes.run(Path.of("."), Map.of(), command).assertExitCode(0);
    }

    /** The churn's full collections and its old generation's peak committed MiB. */
    private static long[] churn(boolean trim) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(LAUNCHER_HEAP);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Churn.class.getName(),
                String.valueOf(trim)));
        RunResult run = Processes.run(Path.of("."), Map.of(), command).assertExitCode(0);
        String[] figures = run.out().strip().split(" ");
        return new long[] {Long.parseLong(figures[0]), Long.parseLong(figures[1])};
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Allocates 600 MiB in 32 KiB pieces each alive for about one young generation's worth: all die old. With the
     * trim, waits (at most 60 s) for the full collection it asks for on the JVM's notification thread.
     */
    public static final class Churn {
        public static void main(String[] args) throws InterruptedException {
            boolean trim = Boolean.parseBoolean(args[0]);
            if (trim) {
                OldGenerationTrim.install();
            }
            byte[][] ring = new byte[256][];
            for (int i = 0; i < 600 * 32; i++) {
                ring[i % ring.length] = new byte[32 << 10];
            }
            // the full collector is the one that collects every pool, the old generation too
            GarbageCollectorMXBean full = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .max(java.util.Comparator.comparingInt(c -> c.getMemoryPoolNames().length)).orElseThrow();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (trim && full.getCollectionCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            MemoryPoolMXBean old = OldGenerationTrim.oldGeneration().orElseThrow();
            System.out.println(full.getCollectionCount() + " " + (old.getPeakUsage().getCommitted() >> 20));
        }
    }
}

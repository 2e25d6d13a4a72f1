package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqsredrive.testing.Processes;
import dev.sqsredrive.testing.RunResult;
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
        long trimmed = peakOldCommittedMiB(true);
        long untouched = peakOldCommittedMiB(false);

        assertThat(untouched).as("without the trim: the garbage promoted stays, the JVM grows the heap for it")
                .isGreaterThan(200);
        assertThat(trimmed).as("with the trim").isLessThan(2 * OldGenerationTrim.FLOOR >> 20);
    }

    @Test
    void theNextCollectionWaitsForHalfAsMuchAgainAsWasAliveAndNeverComesBelowTheFloor() {
        assertThat(OldGenerationTrim.threshold(0)).isEqualTo(OldGenerationTrim.FLOOR);
        assertThat(OldGenerationTrim.threshold(100L << 20)).isEqualTo(150L << 20);
    }

    private static long peakOldCommittedMiB(boolean trim) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAUNCHER_HEAP);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Churn.class.getName(), String.valueOf(trim)));
        RunResult run = Processes.run(Path.of("."), Map.of(), command).assertExitCode(0);
        return Long.parseLong(run.out().strip());
    }

    /** Allocates 600 MiB in 32 KiB pieces each alive for about one young generation's worth: all die old. */
    public static final class Churn {
        public static void main(String[] args) {
            if (Boolean.parseBoolean(args[0])) {
                OldGenerationTrim.install();
            }
            byte[][] ring = new byte[256][];
            for (int i = 0; i < 600 * 32; i++) {
                ring[i % ring.length] = new byte[32 << 10];
            }
            MemoryPoolMXBean old = OldGenerationTrim.oldGeneration().orElseThrow();
            System.out.println(old.getPeakUsage().getCommitted() >> 20);
        }
    }
}
